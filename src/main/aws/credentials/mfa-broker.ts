import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result';
import { SessionErrorCode } from '../aws-errors';

export interface MfaRequest {
  requestId: string;
  profile: string;
  mfaSerial: string;
}

export interface MfaBroker {
  /** Asks the user for a code (through whichever face is attached) and waits for it. */
  request(profile: string, mfaSerial: string): Promise<string>;
  provide(requestId: string, code: string): boolean;
  cancel(requestId: string): boolean;
  pending(): MfaRequest[];
  /** Cancels every open request (workspace switch, shutdown). */
  cancelAll(): void;
}

/** Long enough to find the phone; short enough that a forgotten prompt does not hold a job forever. */
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * The SDK's `mfaCodeProvider` turned into a question to the renderer: `sessions:mfa-required`
 * out, `sessions:provide-mfa` back. The code is handed to STS and forgotten.
 */
export function createMfaBroker(deps: {
  onRequest: (request: MfaRequest) => void;
  onClosed: (requestId: string) => void;
  timeoutMs?: number;
}): MfaBroker {
  const open = new Map<string, MfaRequest & { resolve: (code: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  function settle(requestId: string, outcome: { code: string } | { error: Error }): boolean {
    const entry = open.get(requestId);
    if (!entry) return false;
    open.delete(requestId);
    clearTimeout(entry.timer);
    if ('code' in outcome) entry.resolve(outcome.code);
    else entry.reject(outcome.error);
    deps.onClosed(requestId);
    return true;
  }

  return {
    request(profile, mfaSerial) {
      const requestId = randomUUID();
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => settle(requestId, { error: new AppError(SessionErrorCode.mfaCancelled, `No MFA code was entered for profile "${profile}" in time.`) }),
          deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        );
        timer.unref();
        open.set(requestId, { requestId, profile, mfaSerial, resolve, reject, timer });
        deps.onRequest({ requestId, profile, mfaSerial });
      });
    },
    provide: (requestId, code) => settle(requestId, { code }),
    cancel: (requestId) =>
      settle(requestId, { error: new AppError(SessionErrorCode.mfaCancelled, 'The MFA code request was cancelled.') }),
    pending: () => [...open.values()].map(({ requestId, profile, mfaSerial }) => ({ requestId, profile, mfaSerial })),
    cancelAll() {
      for (const id of [...open.keys()]) settle(id, { error: new AppError(SessionErrorCode.mfaCancelled, 'The MFA code request was cancelled.') });
    },
  };
}
