import { AppError, type IpcErrorDetail } from '../../shared/ipc/result';

/** What the UI shows for a failure: the core's code and its sentence, or a plain fallback. */
export interface DisplayError {
  code: string;
  message: string;
  /** Where in the user's input the problem is, when the core said (a query it could not read). */
  detail?: IpcErrorDetail;
}

export function toDisplayError(error: unknown): DisplayError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
  // A render or network bug is still the user's problem to report: say what happened, in words.
  if (error instanceof Error) return { code: 'renderer', message: error.message || error.name };
  if (typeof error === 'string' && error.trim()) return { code: 'renderer', message: error };
  return { code: 'unknown', message: 'Something went wrong, and it gave no reason.' };
}
