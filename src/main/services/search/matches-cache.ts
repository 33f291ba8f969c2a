import type { Row } from '../../store/duckdb-database';
import type { QueryNode } from './query-ast';

/**
 * The newest matches of the last few free-text queries, for their page turns. A free-text page
 * turn needs the same matches as its first page (its page is taken from them, or looked for
 * beyond them), and reading them again is the cost of free text: 110–370 ms at 1M events. They
 * are kept with the store's write generation and used only while it has not changed, so a page
 * turn after an import or a sync reads them again.
 *
 * A page turn of a relative query (`since:7d`) then reads its matches as of its first page, as
 * its cursor does.
 */
export interface MatchesCache {
  /** What was read for `tree` at `generation`, if that is still the store's generation. */
  get(tree: QueryNode, generation: number | null): Row[] | undefined;
  set(tree: QueryNode, generation: number | null, matches: Row[]): void;
}

/** Queries kept: a few searches back and forth in one window, and the CLI's one. */
const KEPT_QUERIES = 4;

export function createMatchesCache(kept = KEPT_QUERIES): MatchesCache {
  const entries = new Map<string, { generation: number; matches: Row[] }>();
  return {
    get(tree, generation) {
      const key = keyOf(tree);
      const entry = entries.get(key);
      if (!entry || generation === null || entry.generation !== generation) return undefined;
      // Most recently used last: the first entry is the one to let go.
      entries.delete(key);
      entries.set(key, entry);
      return entry.matches;
    },
    set(tree, generation, matches) {
      if (generation === null) return;
      const key = keyOf(tree);
      entries.delete(key);
      entries.set(key, { generation, matches });
      for (const oldest of entries.keys()) {
        if (entries.size <= kept) break;
        entries.delete(oldest);
      }
    },
  };
}

/** The query as parsed (absolute times are bigint): the same tree, the same matches. */
function keyOf(tree: QueryNode): string {
  return JSON.stringify(tree, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}
