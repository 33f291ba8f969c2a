import type { AccountRegionStatus, SyncState } from '../../../shared/ipc/channels/events';
import { describeAwsError, isAbortError, isAccessDeniedError, isTokenExpiredError } from '../../aws/aws-errors';
import type { SyncCursor } from './sync-cursor';
import { ThrottlingExhaustedError } from './lookup-call';

/** The renderer's view of a cursor: times as ISO strings, no token. */
export function statusFromCursor(cursor: SyncCursor, state: SyncState): AccountRegionStatus {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  return {
    accountId: cursor.accountId,
    region: cursor.region,
    profile: cursor.lastProfile,
    state,
    lastSyncAt: cursor.lastSyncAt,
    newestEventTime: iso(cursor.newestEventMs),
    oldestEventTime: iso(cursor.oldestEventMs),
    coveredFrom: iso(cursor.coveredFromMs),
    coveredTo: iso(cursor.coveredToMs),
    backfillComplete: cursor.backfillComplete,
    eventsStored: cursor.eventsStored,
    lastError: cursor.lastError,
  };
}

/** The state a cursor left by an earlier run stands for. */
export function persistedState(cursor: SyncCursor): SyncState {
  if (cursor.lastError) return stateOfCode(cursor.lastError.code);
  return cursor.lastSyncAt ? 'done' : 'idle';
}

/** How an account-region's failure is reported: its state and a coded, secret-free message. */
export function classifySyncError(error: unknown): { state: SyncState; code: string; message: string } {
  if (isAbortError(error)) return { state: 'cancelled', code: 'cancelled', message: 'Cancelled; the next sync resumes here.' };
  if (error instanceof ThrottlingExhaustedError) return { state: 'throttled', code: 'sync:throttled', message: error.message };
  if (isAccessDeniedError(error)) {
    return { state: 'denied', code: `aws:${errorName(error) ?? 'AccessDenied'}`, message: `Not allowed to call cloudtrail:LookupEvents here. ${describeAwsError(error)}` };
  }
  if (isTokenExpiredError(error)) return { state: 'expired', code: 'sync:expired', message: `The sign-in ran out. ${describeAwsError(error)}` };
  return { state: 'failed', code: errorName(error) ? `aws:${errorName(error)}` : 'sync:failed', message: describeAwsError(error) };
}

function stateOfCode(code: string): SyncState {
  if (code === 'cancelled') return 'cancelled';
  if (code === 'sync:throttled') return 'throttled';
  if (code === 'sync:expired') return 'expired';
  if (/AccessDenied|Unauthorized|Forbidden/.test(code)) return 'denied';
  return 'failed';
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error && error.name !== 'Error' ? error.name : undefined;
}
