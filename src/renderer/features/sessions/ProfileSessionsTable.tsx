import type { ProfileSession } from '../../../shared/ipc/channels/sessions';
import { ExpiryCountdown } from './ExpiryCountdown';
import { SessionStatusBadge } from './SessionStatusBadge';

/** Each profile of the workspace: sign-in status, who it is (account, ARN), its regions and expiry. */
export function ProfileSessionsTable({ profiles, onCheck, checking }: { profiles: ProfileSession[]; onCheck: (profile: string) => void; checking?: string }) {
  return (
    <div className="table-frame">
      <table className="data-table profile-sessions">
        <caption className="profile-sessions__caption">Status of the active profiles</caption>
        <thead>
          <tr>
            {/* Not "Profile", "Status" or "Region": the profiles table above owns those header names. */}
            <th scope="col">Name</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Identity</th>
            <th scope="col">Scope</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="sr-only">Permissions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.profile} data-session-profile={p.profile}>
              <td>
                <div className="cell-stack">
                  <span className="cell-primary">{p.profile}</span>
                  {p.inMemory ? <span className="cell-secondary">Added this run</span> : null}
                </div>
              </td>
              <td>
                <SessionStatusBadge status={p.status} />
                {p.message && (p.status === 'error' || p.status === 'expired') ? <div className="cell-secondary">{p.message}</div> : null}
              </td>
              <td>
                {p.identity ? (
                  <div className="cell-stack" title={p.identity.arn}>
                    <span className="cell-primary">{p.identity.account}</span>
                    <span className="cell-secondary profile-sessions__arn">{p.identity.arn}</span>
                  </div>
                ) : (
                  <span className="cell-secondary">—</span>
                )}
              </td>
              <td className="cell-secondary" title="Regions covered">{p.regions.join(', ')}</td>
              <td>{p.expiresAt && p.status !== 'signed-out' ? <ExpiryCountdown expiresAt={p.expiresAt} /> : <span className="cell-secondary">—</span>}</td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onCheck(p.profile)}
                  aria-pressed={checking === p.profile}
                  disabled={p.status === 'error' && !p.identity}
                >
                  Permissions
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
