import type { FindingDetail } from '../../../shared/ipc/channels/findings';
import { Badge } from '../../ui/Badge';
import { formatAge, formatDay, formatTime } from './finding-format';

/** "Who can access what" for one finding: the principal, actions, conditions and what grants it; or what went unused. */
export function FindingAccess({ details, now }: { details: FindingDetail[]; now: number }) {
  if (details.length === 0) return <p className="muted">Access Analyzer returned no details for this finding.</p>;
  const unusedPermissions = details.filter((d): d is Extract<FindingDetail, { kind: 'unused-permission' }> => d.kind === 'unused-permission');
  return (
    <div className="finding-access">
      {details.map((d, i) => (d.kind === 'unused-permission' ? null : <AccessBlock key={i} detail={d} now={now} />))}
      {unusedPermissions.length > 0 ? <UnusedPermissions details={unusedPermissions} now={now} /> : null}
    </div>
  );
}

function AccessBlock({ detail, now }: { detail: Exclude<FindingDetail, { kind: 'unused-permission' }>; now: number }) {
  switch (detail.kind) {
    case 'external':
    case 'internal':
      return (
        <dl className="finding-facts">
          <dt>Principal</dt>
          <dd>
            <KeyValues values={detail.principal} empty="Not reported" />
            {detail.kind === 'internal' && (detail.principalType || detail.principalOwnerAccount) ? (
              <span className="muted">
                {[detail.principalType, detail.principalOwnerAccount && `in ${detail.principalOwnerAccount}`, detail.accessType].filter(Boolean).join(' · ')}
              </span>
            ) : null}
          </dd>
          {detail.kind === 'external' ? (
            <>
              <dt>Public</dt>
              <dd>{detail.isPublic ? <Badge tone="red">Yes: anyone can access it</Badge> : detail.isPublic === false ? 'No' : 'Not reported'}</dd>
            </>
          ) : null}
          <dt>Actions</dt>
          <dd>
            {detail.actions.length > 0 ? (
              <ul className="finding-chips">
                {detail.actions.map((a) => (
                  <li key={a} className="mono">
                    {a}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">Not reported</span>
            )}
          </dd>
          <dt>Conditions</dt>
          <dd>
            <KeyValues values={detail.conditions} empty="None: the access is unconditional" />
          </dd>
          <dt>Granted by</dt>
          <dd>{detail.sources.length > 0 ? detail.sources.map((s) => (s.detail ? `${s.type} (${s.detail})` : s.type)).join(', ') : <span className="muted">The resource policy</span>}</dd>
          {detail.resourceControlPolicyRestriction ? (
            <>
              <dt>RCP</dt>
              <dd>{detail.resourceControlPolicyRestriction}</dd>
            </>
          ) : null}
          {detail.kind === 'internal' && detail.serviceControlPolicyRestriction ? (
            <>
              <dt>SCP</dt>
              <dd>{detail.serviceControlPolicyRestriction}</dd>
            </>
          ) : null}
        </dl>
      );
    case 'unused-role':
    case 'unused-password':
      return (
        <dl className="finding-facts">
          <dt>Last used</dt>
          <dd>{lastUsed(detail.lastAccessed, now)}</dd>
        </dl>
      );
    case 'unused-access-key':
      return (
        <dl className="finding-facts">
          <dt>Access key</dt>
          <dd className="mono">{detail.accessKeyId}</dd>
          <dt>Last used</dt>
          <dd>{lastUsed(detail.lastAccessed, now)}</dd>
        </dl>
      );
    case 'other':
      return <p className="muted">A kind of detail this version does not show ({detail.name}); see the raw JSON.</p>;
  }
}

function UnusedPermissions({ details, now }: { details: Extract<FindingDetail, { kind: 'unused-permission' }>[]; now: number }) {
  return (
    <table className="finding-services">
      <caption className="sr-only">Unused services and actions</caption>
      <colgroup>
        <col className="finding-services__col-service" />
        <col className="finding-services__col-when" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Last used</th>
          <th scope="col">Unused actions</th>
        </tr>
      </thead>
      <tbody>
        {details.map((d) => (
          <tr key={d.serviceNamespace}>
            <td className="mono">{d.serviceNamespace}</td>
            <td className="finding-services__when" title={d.lastAccessed ? formatTime(d.lastAccessed) : undefined}>
              {d.lastAccessed ? (
                <>
                  {formatDay(d.lastAccessed)}
                  <span className="muted finding-services__ago">{formatAge(d.lastAccessed, now)} ago</span>
                </>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td>
              {d.actions.length > 0 ? (
                <ul className="finding-chips">
                  {d.actions.map((a) => (
                    <li key={a.action} className="mono" title={a.lastAccessed ? `Last used ${formatTime(a.lastAccessed)}` : 'Never used'}>
                      {a.action}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">The whole service</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeyValues({ values, empty }: { values: Record<string, string>; empty: string }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="finding-kv">
      {entries.map(([k, v]) => (
        <li key={k}>
          <span className="finding-kv__key">{k}</span> <span className="mono finding-kv__value">{v}</span>
        </li>
      ))}
    </ul>
  );
}

function lastUsed(at: string | undefined, now: number): string {
  return at ? `${formatTime(at)} (${formatAge(at, now)} ago)` : 'Never, in the tracking period';
}
