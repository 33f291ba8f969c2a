import { createHash } from 'node:crypto';
import { validationError } from './aa-errors';

/**
 * Opaque page tokens. A token carries the offset and a digest of the request it belongs to, so a
 * token replayed with a different filter or analyzer is refused (as AWS refuses foreign tokens)
 * instead of silently returning a page of a different result.
 */

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  all: readonly T[],
  opts: { maxResults?: number; nextToken?: string; defaultPageSize: number; scope: unknown },
): Page<T> {
  const digest = scopeDigest(opts.scope);
  const offset = opts.nextToken === undefined ? 0 : decodeToken(opts.nextToken, digest);
  const size = opts.maxResults ?? opts.defaultPageSize;
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return next < all.length ? { items, nextToken: encodeToken(next, digest) } : { items };
}

function scopeDigest(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope ?? null)).digest('base64url').slice(0, 16);
}

function encodeToken(offset: number, digest: string): string {
  return Buffer.from(JSON.stringify({ o: offset, d: digest })).toString('base64url');
}

function decodeToken(token: string, digest: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'o' in parsed && 'd' in parsed) {
      const { o, d } = parsed;
      if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && d === digest) return o;
    }
  } catch {
    // fall through to the refusal below
  }
  throw validationError('Invalid nextToken: it does not belong to this request.', 'fieldValidationFailed', [
    { name: 'nextToken', message: 'Invalid pagination token' },
  ]);
}
