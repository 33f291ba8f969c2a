import { ZodError } from 'zod';
import { AppError, type IpcError, type IpcErrorDetail } from '../../shared/ipc/result';
import { redactSecrets } from '../core/redact';

/** Turns anything a handler throws into a coded, stack-free, secret-free error for the renderer. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) {
    const detail = error.detail ? cleanDetail(error.detail) : undefined;
    return { code: error.code, message: redactSecrets(error.message), ...(detail ? { detail } : {}) };
  }
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? ` at "${first.path.join('.')}"` : '';
    return { code: 'bad-input', message: `Invalid request${where}: ${first?.message ?? 'malformed input'}.` };
  }
  // Before the AWS check: an SDK call aborted through its abortSignal throws an AbortError that
  // the SDK's retry middleware has given a $metadata.
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  if (isAwsServiceError(error)) {
    return { code: `aws:${error.name}`, message: redactSecrets(error.message || error.name) };
  }
  return { code: 'internal', message: 'Something went wrong inside Auditdesk; the details are in the log.' };
}

/** Only the declared numbers cross: a detail is position data, never a carrier for anything else. */
function cleanDetail(detail: IpcErrorDetail): IpcErrorDetail | undefined {
  const count = (n: unknown, min: number) => (typeof n === 'number' && Number.isInteger(n) && n >= min ? n : undefined);
  const column = count(detail.column, 1);
  if (column === undefined) return undefined;
  const chip = count(detail.chip, 0);
  return { column, length: count(detail.length, 1) ?? 1, ...(chip === undefined ? {} : { chip }) };
}

function isAwsServiceError(error: unknown): error is Error & { $metadata: unknown } {
  return error instanceof Error && '$metadata' in error;
}
