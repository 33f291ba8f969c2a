/**
 * Keyset pagination: the cursor is the sort key of the last row of a page (event time, index
 * key), so the next page starts right after it whatever was inserted meanwhile, and costs the
 * same as the first page (no OFFSET scan).
 */
export interface SearchCursor {
  /** Epoch microseconds of the last row, or null when it had no time (those sort last). */
  timeMicros: bigint | null;
  key: string;
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.timeMicros === null ? null : cursor.timeMicros.toString(), cursor.key]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (value[0] === null || /^-?\d+$/.test(String(value[0]))) && typeof value[1] === 'string') {
      return { timeMicros: value[0] === null ? null : BigInt(value[0] as string), key: value[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError('This page cursor is not valid; search again from the first page.');
}
