import type { DisplayError } from '../../api/display-error';

/** A search the core refused, split into what to say and where in the query it went wrong. */
export interface QueryProblem {
  message: string;
  /** 0-based offset in the typed query; absent when the problem is in a chip or has no place. */
  position?: number;
}

/**
 * The core answers a query it cannot read with `bad-query` and a sentence ending in
 * "(at column N)" (the contract has no position field), so the column is read back from there.
 * A chip's problem starts with "Filter <field>:" and its column is within the chip, not the query.
 */
export function queryProblem(error: DisplayError, query: string): QueryProblem | undefined {
  if (error.code !== 'bad-query') return undefined;
  const match = /\s*\(at column (\d+)\)\s*$/.exec(error.message);
  const message = match ? error.message.slice(0, match.index) : error.message;
  if (!match || message.startsWith('Filter ')) return { message };
  const position = Math.min(Math.max(Number(match[1]) - 1, 0), query.length);
  return { message, position };
}
