import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { Badge } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { preflightLabels } from './session-format';

type Preflight = ChannelOutput<'sessions:preflight'>;

/**
 * "Check permissions": each read call Auditdesk needs, tried once, allowed or denied (with AWS's
 * code). Runs as soon as it is shown: opening it is the request.
 */
export function PreflightTable({ profile }: { profile: string }) {
  const api = useApi();
  const [result, setResult] = useState<Preflight>();
  const [error, setError] = useState<DisplayError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void run();
    // Once per profile shown; the button runs it again.
  }, [profile]);

  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.invoke('sessions:preflight', { profile }));
    } catch (e) {
      setError(toDisplayError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="preflight" data-testid="preflight">
      <button type="button" className="button button--secondary button--small" onClick={() => void run()} disabled={busy}>
        {busy ? 'Checking…' : result ? 'Check again' : 'Check permissions'}
      </button>
      {error ? <ErrorNotice compact title={`Could not check ${profile}`} error={error} /> : null}
      {result ? (
        <table className="data-table preflight__table">
          <caption>
            Permissions of {result.profile} in {result.region}
          </caption>
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {result.checks.map((check) => (
              <tr key={check.action} data-action={check.action} data-result={check.status}>
                <td>
                  <code>{check.action}</code>
                  {check.resource ? <div className="cell-secondary">{check.resource}</div> : null}
                </td>
                <td>
                  <Badge tone={preflightLabels[check.status].tone}>{preflightLabels[check.status].label}</Badge>
                </td>
                <td className="cell-secondary">
                  {check.errorCode ? <code>{check.errorCode}</code> : null} {check.message ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
