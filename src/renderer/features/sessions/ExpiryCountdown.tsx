import { formatRemaining, isUrgent } from './session-format';
import { useNow } from './use-now';

/** "Expires in 7 h 59 min", ticking; the exact time is in the tooltip and for screen readers. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const now = useNow();
  const remaining = formatRemaining(expiresAt, now);
  const exact = new Date(expiresAt).toLocaleString();
  return (
    <time
      dateTime={expiresAt}
      title={`Expires ${exact}`}
      className={isUrgent(expiresAt, now) ? 'expiry expiry--urgent' : 'expiry'}
      data-testid="session-expiry"
    >
      {remaining === 'expired' ? 'Expired' : `Expires in ${remaining}`}
    </time>
  );
}
