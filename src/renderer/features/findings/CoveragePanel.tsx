import { useId, useState } from 'react';
import type { CoverageEntry } from '../../../shared/ipc/channels/findings';
import { Badge } from '../../ui/Badge';
import { CheckIcon, WarningIcon } from '../../ui/icons';
import { entryFor, summarizeCoverage } from './coverage-summary';
import { plural } from './finding-format';
import { COVERAGE_LABELS } from './finding-labels';

/**
 * Where nothing is watching: regions and accounts without an analyzer, and the ones that could
 * not be read. A warning line always; the account × region matrix on demand.
 */
export function CoveragePanel({ entries }: { entries: CoverageEntry[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (entries.length === 0) return null;
  const s = summarizeCoverage(entries);
  const problems = s.missing.length + s.blind.length + s.orgOnly.length + s.unusedMissing.length;
  const parts = [
    s.missing.length > 0 && `${plural(s.missing.length, 'account-region')} without an external access analyzer`,
    s.orgOnly.length > 0 && `${plural(s.orgOnly.length, 'account-region')} covered only by an organization analyzer`,
    s.blind.length > 0 && `${plural(s.blind.length, 'account-region')} could not be read`,
    s.unusedMissing.length > 0 && `${plural(s.unusedMissing.length, 'account')} without unused access analysis`,
  ].filter((p): p is string => Boolean(p));

  return (
    <section className={`coverage${problems > 0 ? ' coverage--warn' : ''}`} aria-label="Analyzer coverage" data-testid="coverage-panel">
      <div className="coverage__summary">
        {problems > 0 ? <WarningIcon className="coverage__icon" /> : <CheckIcon className="coverage__icon coverage__icon--ok" />}
        <p className="coverage__text" data-testid="coverage-summary">
          {problems > 0 ? parts.join(' · ') : `Every account-region synced (${s.accounts.length} accounts × ${s.regions.length} regions) has an external access analyzer.`}
        </p>
        <button type="button" className="button button--small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide coverage' : 'Show coverage'}
        </button>
      </div>
      {open ? (
        <div id={panelId} className="coverage__matrix-frame">
          <table className="coverage__matrix">
            <caption className="sr-only">Analyzers per account and region</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                {s.regions.map((r) => (
                  <th key={r} scope="col" className="mono">
                    {r}
                  </th>
                ))}
                <th scope="col">Unused access (IAM, all regions)</th>
              </tr>
            </thead>
            <tbody>
              {s.accounts.map((account) => (
                <tr key={account}>
                  <th scope="row" className="mono">
                    {account}
                  </th>
                  {s.regions.map((region) => (
                    <td key={region}>
                      <CoverageCell external={entryFor(entries, account, region, 'external')} internal={entryFor(entries, account, region, 'internal')} />
                    </td>
                  ))}
                  <td>
                    <CoverageCell external={entryFor(entries, account, '', 'unused')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="table-footnote">
            External access analyzers are regional: each region needs one (or an organization analyzer). Internal access analysis is optional and shown only where it exists. Unused access covers IAM, which is global: one analyzer per account is enough.
          </p>
        </div>
      ) : null}
    </section>
  );
}

function CoverageCell({ external, internal }: { external?: CoverageEntry; internal?: CoverageEntry }) {
  if (!external) return <span className="muted">not synced</span>;
  const look = COVERAGE_LABELS[external.status];
  const title = [external.analyzers.map((a) => a.arn).join('\n'), external.organizationAnalyzers.length ? `Organization analyzers here:\n${external.organizationAnalyzers.join('\n')}` : '', external.message ?? '', `Checked with ${external.profile}`]
    .filter(Boolean)
    .join('\n');
  return (
    <span className="coverage__cell" title={title} data-status={external.status}>
      <Badge tone={look.tone}>{look.label}</Badge>
      {internal && internal.status === 'present' ? <span className="coverage__extra">+ internal</span> : null}
    </span>
  );
}
