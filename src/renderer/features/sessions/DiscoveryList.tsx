import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { WriteProfileBox } from './WriteProfileBox';

type Discovery = ChannelOutput<'sessions:discover'>;

/**
 * The accounts and roles a signed-in session reaches. "Add to workspace" makes a profile for this
 * run only; writing it to the config file is a separate, previewed step.
 */
export function DiscoveryList({ sessionId, target }: { sessionId: string; target: { ssoSession: string } | { profile: string } }) {
  const api = useApi();
  const [found, setFound] = useState<Discovery>();
  const [added, setAdded] = useState<Record<string, string>>({});
  const [error, setError] = useState<DisplayError>();
  const [busy, setBusy] = useState<string>();

  async function discover() {
    setBusy('discover');
    setError(undefined);
    try {
      setFound(await api.invoke('sessions:discover', target));
    } catch (e) {
      setError(toDisplayError(e));
    } finally {
      setBusy(undefined);
    }
  }

  async function add(accountId: string, roleName: string) {
    const key = `${accountId}/${roleName}`;
    setBusy(key);
    setError(undefined);
    try {
      const profile = await api.invoke('sessions:add-discovered', { sessionId, accountId, roleName });
      setAdded((a) => ({ ...a, [key]: profile.profile }));
    } catch (e) {
      setError(toDisplayError(e));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="discovery" data-testid="discovery">
      <button type="button" className="button button--secondary button--small" onClick={() => void discover()} disabled={busy !== undefined}>
        {busy === 'discover' ? 'Looking…' : found ? 'Look again' : 'Find accounts and roles'}
      </button>
      {error ? <ErrorNotice compact title="Could not list accounts" error={error} /> : null}
      {found ? (
        <table className="data-table discovery__table">
          <caption className="sr-only">Accounts and roles you can reach</caption>
          <thead>
            <tr>
              <th scope="col">AWS account</th>
              <th scope="col">Permission set</th>
              <th scope="col">In workspace as</th>
            </tr>
          </thead>
          <tbody>
            {found.accounts.flatMap((account) =>
              account.roles.map((role, index) => {
                const key = `${account.accountId}/${role}`;
                const existing = account.profiles[role] ?? added[key];
                return (
                  <tr key={key} data-account={account.accountId} data-role={role}>
                    {index === 0 ? (
                      <td rowSpan={account.roles.length}>
                        <div className="cell-stack">
                          <span className="cell-primary">{account.accountName}</span>
                          <span className="cell-secondary">{account.accountId}</span>
                        </div>
                      </td>
                    ) : null}
                    <td>{role}</td>
                    <td>
                      {existing ? (
                        <span className="cell-secondary">{existing}</span>
                      ) : (
                        <button type="button" className="button button--secondary button--small" onClick={() => void add(account.accountId, role)} disabled={busy !== undefined}>
                          Add to workspace
                        </button>
                      )}
                      {added[key] ? <WriteProfileBox profile={added[key]} /> : null}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
