import type { DisplayError } from '../../api/display-error';

/** A search the core refused, split into what to say and where it went wrong. */
export interface QueryProblem {
  message: string;
  /** 0-based offset in the submitted query; absent when the problem is in a chip or has no place. */
  position?: number;
  /** How many characters from `position` to mark (at least 1). */
  length?: number;
  /** Index of the chip whose value is wrong, when the problem is there rather than in the query. */
  chip?: number;
}

/**
 * The core answers a query it cannot read with `bad-query` and a detail saying where (a column in
 * the query, or a chip). The message keeps "(at column N)" for the CLI and the log; the view says
 * the column itself, next to the mark, so the suffix is taken off here.
 */
export function queryProblem(error: DisplayError, query: string): QueryProblem | undefined {
  if (error.code !== 'bad-query') return undefined;
  const message = error.message.replace(/\s*\(at column \d+\)\s*$/, '');
  const detail = error.detail;
  if (!detail) return { message };
  if (detail.chip !== undefined) return { message, chip: detail.chip };
  // The column may be one past the end (a value was expected there); never further.
  const position = Math.min(Math.max(detail.column - 1, 0), query.length);
  const length = Math.max(1, Math.min(detail.length, query.length - position));
  return { message, position, length };
}

/** The query in three parts around the marked span; at the very end the mark is one blank to underline. */
export function markedParts(query: string, position: number, length = 1): { before: string; marked: string; after: string } {
  const start = Math.min(Math.max(position, 0), query.length);
  const end = Math.min(start + Math.max(length, 1), query.length);
  return { before: query.slice(0, start), marked: start < end ? query.slice(start, end) : '\u00a0', after: query.slice(end) };
}
