import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PreflightTable } from './PreflightTable';
import { ProfileSessionsTable } from './ProfileSessionsTable';
import { SsoSessionCard } from './SsoSessionCard';
import { useSessions } from './use-sessions';
import './sessions.css';

/**
 * Sign-in for the workspace: each IAM Identity Center session (sign in, sign out, live expiry,
 * device code, discovery) and the status of each active profile (identity, regions, a
 * permission check). Renders nothing for a workspace with neither.
 */
export function SessionsPanel() {
  const listing = useSessions();
  const [checking, setChecking] = useState<string>();
  const data = listing.data;
  const active = data?.profiles.filter((p) => p.active) ?? [];

  if (listing.status === 'error' && !data) return <ErrorNotice title="Could not read the sign-in status" error={listing.error} onRetry={listing.reload} />;
  if (!data || (data.sessions.length === 0 && active.length === 0)) return null;
  return (
    <section className="sessions-panel" aria-labelledby="sessions-panel-title" data-testid="sessions-panel">
      <h2 id="sessions-panel-title" className="sessions-panel__title">
        Sign-in
      </h2>
      {data.sessions.length > 0 ? (
        <div className="sessions-panel__sessions">
          {data.sessions.map((session) => (
            <SsoSessionCard key={session.id} session={session} />
          ))}
        </div>
      ) : null}
      {active.length > 0 ? <ProfileSessionsTable profiles={active} checking={checking} onCheck={(p) => setChecking((c) => (c === p ? undefined : p))} /> : null}
      {checking ? <PreflightTable key={checking} profile={checking} /> : null}
    </section>
  );
}
