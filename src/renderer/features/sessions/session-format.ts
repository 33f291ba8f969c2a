import type { PreflightCheck, SessionStatus } from '../../../shared/ipc/channels/sessions';
import type { Tone } from '../../ui/Badge';

export const statusLabels: Record<SessionStatus, { label: string; tone: Tone }> = {
  'signed-in': { label: 'Signed in', tone: 'green' },
  expiring: { label: 'Expiring', tone: 'amber' },
  expired: { label: 'Expired', tone: 'red' },
  'signed-out': { label: 'Signed out', tone: 'neutral' },
  'signing-in': { label: 'Signing in…', tone: 'blue' },
  error: { label: 'Problem', tone: 'red' },
};

export const preflightLabels: Record<PreflightCheck['status'], { label: string; tone: Tone }> = {
  allowed: { label: 'Allowed', tone: 'green' },
  denied: { label: 'Denied', tone: 'red' },
  'not-applicable': { label: 'Not applicable', tone: 'neutral' },
  error: { label: 'Failed', tone: 'amber' },
};

/**
 * Time left until `expiresAt`, for the live countdown: "7 h 59 min", "14 min 05 s", "42 s",
 * "expired". Seconds only show in the last hour, where they matter.
 */
export function formatRemaining(expiresAt: string, now: Date): string {
  const ms = Date.parse(expiresAt) - now.getTime();
  if (!Number.isFinite(ms)) return '';
  if (ms <= 0) return 'expired';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Below 15 minutes the countdown warns; the core's "expiring" status uses the same line. */
export function isUrgent(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) - now.getTime() < 15 * 60 * 1000;
}

/** The user code as AWS shows it, in two groups, whatever the spacing it arrived with. */
export function formatUserCode(code: string): string {
  const raw = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : code;
}

/** A six-digit MFA code, from what the user typed or pasted ("123 456" included). */
export function normalizeMfaCode(input: string): string | undefined {
  const digits = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
