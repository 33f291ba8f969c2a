import { randomUUID } from 'node:crypto';
import type { AwsError, EmulatorResponse } from './types';

/**
 * How each AWS wire protocol writes an error, byte for byte close enough that the SDK's
 * deserialisers pick the typed exception (they read the code from `x-amzn-errortype`, then the
 * body's `code` / `__type` for JSON protocols, and `<Code>` for the XML ones).
 *
 * Every helper takes an optional request id so a service can echo the one it already put on the
 * request; otherwise a fresh UUID is used, as AWS returns one on every error.
 */

/** awsJson1_0 / awsJson1_1 (CloudTrail): `__type` in the body, as AWS sends it. */
export function awsJsonError(err: AwsError, requestId: string = randomUUID()): EmulatorResponse {
  return {
    status: err.status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ __type: err.code, message: err.message, ...err.extra }),
  };
}

/** restJson1 (Access Analyzer, SSO): the code travels in `x-amzn-errortype`; the body holds members. */
export function restJsonError(err: AwsError, requestId: string = randomUUID()): EmulatorResponse {
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': err.code,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: err.message, ...err.extra }),
  };
}

/** awsQuery (STS): `<ErrorResponse>` with Sender/Receiver as STS uses it (5xx are Receiver faults). */
export function queryXmlError(err: AwsError, requestId: string = randomUUID()): EmulatorResponse {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
    `  <Error>\n` +
    `    <Type>${type}</Type>\n` +
    `    <Code>${xmlEscape(err.code)}</Code>\n` +
    `    <Message>${xmlEscape(err.message)}</Message>\n` +
    `  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`;
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

/**
 * restXml (S3): a bare `<Error>`; extra members (BucketName, Key…) become sibling elements, as S3
 * writes them. HEAD requests get no body from the core, so the SDK falls back to the status code,
 * just as with real S3.
 */
export function restXmlError(err: AwsError, requestId: string = randomUUID()): EmulatorResponse {
  const extras = Object.entries(err.extra)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
    .join('');
  const hostId = Buffer.from(requestId).toString('base64');
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message>${extras}` +
    `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
  return {
    status: err.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    body,
  };
}

/** Escapes text for an XML element body or attribute. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
