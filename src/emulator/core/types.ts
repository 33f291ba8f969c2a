import type { Readable } from 'node:stream';

/**
 * The seam between the emulator's HTTP core and each emulated service.
 *
 * The core parses the request, works out which service it is for (SigV4 credential scope, the
 * SSO bearer header, or the OIDC path), authenticates the signing key to a Caller, applies the
 * fault knobs, and hands the request to the service module. Each service speaks its own wire
 * protocol (awsJson1_1, restJson1, query/XML, restXml) and serialises its own errors.
 */

/** Who signed the request: every access key the emulator issues maps to one of these. */
export interface Caller {
  accessKeyId: string;
  accountId: string;
  /** arn:aws:sts::<account>:assumed-role/<role>/<session>, or arn:aws:iam::<account>:user/<name>. */
  arn: string;
  /** AIDA…/AROA…:session, as GetCallerIdentity's UserId. */
  userId: string;
  roleName?: string;
  sessionName?: string;
  /** When the key stops working (temporary credentials only). */
  expiresAt?: Date;
}

export interface EmulatorRequest {
  method: string;
  /** URL path, percent-decoded per segment is left to the service (raw here). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Signing name from the SigV4 scope (`cloudtrail`, `access-analyzer`, `sts`, `s3`), or `sso` / `sso-oauth`. */
  service: string;
  region: string;
  /** Set for SigV4-signed requests once the key is known and valid. */
  caller?: Caller;
  /** The emulator's clock at the time of the request. */
  now: Date;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | Readable;
}

/** An error as AWS returns it; each protocol serialises it its own way. */
export class AwsError extends Error {
  constructor(
    /** The error code / shape name, e.g. `ThrottlingException`, `AccessDenied`. */
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members some shapes carry (e.g. `error_description` for OIDC). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export interface ServiceModule {
  /** Which requests this module serves: SigV4 signing names, or `sso` / `sso-oauth`. */
  readonly signingNames: readonly string[];
  /** The operation a request is for, so the core can apply per-operation faults (AccessDenied…). */
  operationOf(req: EmulatorRequest): string | undefined;
  handle(req: EmulatorRequest): Promise<EmulatorResponse>;
  /** How this protocol writes an error (awsJson, restJson, query XML or restXml). */
  errorResponse(error: AwsError, req: EmulatorRequest): EmulatorResponse;
}
