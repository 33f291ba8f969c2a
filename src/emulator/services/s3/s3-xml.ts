import { randomUUID } from 'node:crypto';
import { xmlEscape } from '../../core/protocol-errors';
import type { EmulatorResponse } from '../../core/types';

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A child element; undefined values are left out, as S3 omits absent members. */
export function el(tag: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${tag}>${xmlEscape(String(value))}</${tag}>`;
}

/** S3's timestamp in XML bodies: ISO 8601 with milliseconds. */
export function xmlTime(date: Date): string {
  return date.toISOString();
}

export function s3Headers(extra: Record<string, string> = {}): Record<string, string> {
  const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(requestId).toString('base64'), ...extra };
}

export function xmlResponse(body: string): EmulatorResponse {
  return {
    status: 200,
    headers: s3Headers({ 'content-type': 'application/xml' }),
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

/** The canonical user id S3 shows as a bucket owner (64 hex), stable per account. */
export function canonicalUserId(accountId: string): string {
  return Buffer.from(`auditdesk-canonical-${accountId}`).toString('hex').padEnd(64, '0').slice(0, 64);
}
