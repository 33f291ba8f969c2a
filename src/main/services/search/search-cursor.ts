/**
 * Keyset pagination: the cursor is the sort key of the last row of a page (event time, hash of
 * the index key), so the next page starts right after it whatever was inserted meanwhile, and
 * costs the same as the first page (no OFFSET scan).
 */
export interface SearchCursor {
  /** Epoch microseconds of the last row, or null when it had no time (those sort last). */
  timeMicros: bigint | null;
  /** The row's key_hash (an unsigned 64-bit hash of its index key). */
  keyHash: bigint;
}

/**
 * The newest-first order of sort keys: later times first, events without a time last, then the
 * larger key_hash first (negative when `a` comes before `b`).
 */
export function compareSortKeys(a: SearchCursor, b: SearchCursor): number {
  if (a.timeMicros !== b.timeMicros) {
    if (a.timeMicros === null) return 1;
    if (b.timeMicros === null) return -1;
    return a.timeMicros > b.timeMicros ? -1 : 1;
  }
  return a.keyHash === b.keyHash ? 0 : a.keyHash > b.keyHash ? -1 : 1;
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.timeMicros === null ? null : cursor.timeMicros.toString(), cursor.keyHash.toString()]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (value[0] === null || /^-?\d{1,20}$/.test(String(value[0]))) && /^\d{1,20}$/.test(String(value[1]))) {
      return { timeMicros: value[0] === null ? null : BigInt(value[0] as string), keyHash: BigInt(value[1] as string) };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError('This page cursor is not valid; search again from the first page.');
}
