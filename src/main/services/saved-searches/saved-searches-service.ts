import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SavedSearch, type EventFilters, type FilterChip } from '../../../shared/ipc/channels/events';

export interface SavedSearchesService {
  list(): Promise<SavedSearch[]>;
  save(input: { id?: string; name: string; query: string; chips?: FilterChip[]; since?: string; filters?: EventFilters }): Promise<SavedSearch>;
  delete(id: string): Promise<boolean>;
}

/**
 * Still version 1: the chips and the range were added as optional fields, so files written
 * before them load as they are (their entries have no `chips`; the contract says what that
 * means), and an older Auditdesk reading a newer file still lists every search.
 */
const FileSchema = z.object({ version: z.literal(1), searches: z.array(z.unknown()) });

/**
 * Saved searches in a small JSON file in the data folder: a handful of entries, read whole and
 * written whole (write, then rename), kept apart from the index so rebuilding the index keeps them.
 */
export function createSavedSearches(deps: { path: string; clock?: () => Date }): SavedSearchesService {
  const clock = deps.clock ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<SavedSearch[]> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(deps.path, 'utf8')));
      if (!parsed.success) return [];
      // Entry by entry: one entry this version cannot read (edited by hand, say) must not hide the others.
      return parsed.data.searches.flatMap((entry) => {
        const search = SavedSearch.safeParse(entry);
        return search.success ? [search.data] : [];
      });
    } catch {
      return [];
    }
  }

  async function write(searches: SavedSearch[]): Promise<void> {
    await mkdir(dirname(deps.path), { recursive: true, mode: 0o700 });
    const tmp = `${deps.path}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify({ version: 1, searches }, null, 2), { mode: 0o600 });
      await rename(tmp, deps.path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  /** One change at a time: two saves in flight must not both start from the same file. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    list: async () => (await read()).sort((a, b) => a.name.localeCompare(b.name)),
    save: (input) =>
      serial(async () => {
        const searches = await read();
        const now = clock().toISOString();
        const existing = input.id ? searches.find((s) => s.id === input.id) : undefined;
        const saved: SavedSearch = {
          id: existing?.id ?? randomUUID(),
          name: input.name.trim(),
          query: input.query,
          // Always written, even empty: an entry with `chips` is one whose query holds no chips.
          chips: input.chips ?? [],
          ...(input.since ? { since: input.since } : {}),
          ...(input.filters ? { filters: input.filters } : {}),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        await write([...searches.filter((s) => s.id !== saved.id), saved]);
        return saved;
      }),
    delete: (id) =>
      serial(async () => {
        const searches = await read();
        const kept = searches.filter((s) => s.id !== id);
        if (kept.length === searches.length) return false;
        await write(kept);
        return true;
      }),
  };
}
