/**
 * What every channel returns across the process boundary. Errors carry a stable code the UI can
 * branch on and a sentence a person can read; never a stack, never a credential.
 */
export type IpcError = {
  /** Stable, machine-readable: `bad-input`, `forbidden`, `not-found`, `aws:AccessDenied`, `internal`… */
  code: string;
  /** One or two sentences for the user. */
  message: string;
};

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** Thrown by handlers (and by the renderer's `api`) to send a coded error across the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
