/**
 * What every channel returns across the process boundary. Errors carry a stable code the UI can
 * branch on and a sentence a person can read; never a stack, never a credential.
 */
export type IpcError = {
  /** Stable, machine-readable: `bad-input`, `forbidden`, `not-found`, `aws:AccessDenied`, `internal`… */
  code: string;
  /** One or two sentences for the user. */
  message: string;
  /** Where in what the user typed the problem is, when it has a place (a `bad-query`): the UI marks it there. */
  detail?: IpcErrorDetail;
};

/**
 * The place of a problem in a search the user typed. Without `chip` it is in the query text;
 * with it, in that chip's value (the message then names the chip's field).
 */
export type IpcErrorDetail = {
  /** 1-based, as in the message's "(at column N)"; may be one past the end ("expected a value here"). */
  column: number;
  /** How many characters from there are at fault (at least 1). */
  length: number;
  /** Index in the request's `chips` of the chip whose value is wrong. */
  chip?: number;
};

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** Thrown by handlers (and by the renderer's `api`) to send a coded error across the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: IpcErrorDetail,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
