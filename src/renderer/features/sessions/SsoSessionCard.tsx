import { useState } from 'react';
import type { SignInFlow, SsoSessionSummary } from '../../../shared/ipc/channels/sessions';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DeviceCodeBox } from './DeviceCodeBox';
import { DiscoveryList } from './DiscoveryList';
import { ExpiryCountdown } from './ExpiryCountdown';
import { SessionStatusBadge } from './SessionStatusBadge';

/** A cancel is the user's own choice, not a failure to report. */
const QUIET_CODES = new Set(['sessions:sign-in-cancelled']);

/** One IAM Identity Center session: its status and countdown, sign-in (browser or code), sign-out, discovery. */
export function SsoSessionCard({ session }: { session: SsoSessionSummary }) {
  const api = useApi();
  const [error, setError] = useState<DisplayError>();
  const [busy, setBusy] = useState(false);
  const target = session.ssoSession ? { ssoSession: session.ssoSession } : { profile: session.profiles[0] ?? '' };
  const name = session.ssoSession ?? session.startUrl;
  const signedIn = session.status === 'signed-in' || session.status === 'expiring';

  async function act(call: () => Promise<unknown>) {
    setError(undefined);
    setBusy(true);
    try {
      await call();
    } catch (e) {
      const shown = toDisplayError(e);
      if (!QUIET_CODES.has(shown.code)) setError(shown);
    } finally {
      setBusy(false);
    }
  }
  const signIn = (flow: SignInFlow) => act(() => api.invoke('sessions:sign-in', { ...target, flow }));

  return (
    <article className="sso-session" data-session={session.id} aria-label={`IAM Identity Center session ${name}`}>
      <header className="sso-session__header">
        <div className="cell-stack">
          <span className="cell-primary">{session.ssoSession ? `sso-session ${session.ssoSession}` : 'Legacy SSO profile'}</span>
          <span className="cell-secondary">
            {session.startUrl} · {session.region} · {session.profiles.length} {session.profiles.length === 1 ? 'profile' : 'profiles'}
          </span>
        </div>
        <div className="sso-session__status">
          <SessionStatusBadge status={session.status} title={session.message} />
          {session.expiresAt && session.status !== 'signed-out' && session.status !== 'signing-in' ? <ExpiryCountdown expiresAt={session.expiresAt} /> : null}
        </div>
      </header>
      {session.message ? <p className="sso-session__message">{session.message}</p> : null}
      {session.status === 'signing-in' ? (
        session.deviceCode ? (
          <DeviceCodeBox prompt={session.deviceCode} onCancel={() => void act(() => api.invoke('sessions:cancel-sign-in', target))} />
        ) : (
          <div className="sso-session__actions" role="status">
            <span className="cell-secondary">Waiting for the sign-in in your browser…</span>
            <button type="button" className="button button--secondary button--small" onClick={() => void act(() => api.invoke('sessions:cancel-sign-in', target))}>
              Cancel
            </button>
          </div>
        )
      ) : (
        <div className="sso-session__actions">
          <button type="button" className="button button--primary" onClick={() => void signIn('pkce')} disabled={busy}>
            {signedIn ? 'Sign in again' : 'Sign in'}
          </button>
          <button type="button" className="link-button" onClick={() => void signIn('device')} disabled={busy}>
            Sign in with a code instead
          </button>
          {signedIn || session.status === 'expired' ? (
            <button type="button" className="button button--secondary button--small" onClick={() => void act(() => api.invoke('sessions:sign-out', target))} disabled={busy}>
              Sign out
            </button>
          ) : null}
        </div>
      )}
      {error ? <ErrorNotice compact title={`Sign-in to ${name}`} error={error} /> : null}
      {signedIn ? <DiscoveryList sessionId={session.id} target={target} /> : null}
    </article>
  );
}
