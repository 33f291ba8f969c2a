import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SyncCursor, SyncCursorStore } from './sync-cursor';

const PassSchema = z.object({
  kind: z.enum(['forward', 'backfill']),
  startMs: z.number(),
  endMs: z.number(),
  reachedMs: z.number().optional(),
  topMs: z.number(),
  nextToken: z.string().optional(),
});

const CursorSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  coveredFromMs: z.number().optional(),
  coveredToMs: z.number().optional(),
  newestEventMs: z.number().optional(),
  oldestEventMs: z.number().optional(),
  backfillComplete: z.boolean(),
  pass: PassSchema.optional(),
  eventsStored: z.number(),
  lastSyncAt: z.string().optional(),
  lastProfile: z.string().optional(),
  lastError: z.object({ code: z.string(), message: z.string() }).optional(),
});

const FileSchema = z.object({ version: z.literal(1), cursors: z.array(CursorSchema) });

/**
 * Sync cursors in one small JSON file in the data folder, rewritten (write, then rename) after
 * every page, so a crash leaves the previous or the next state, never half of one. The cursor
 * holds more than the index's sync_cursors columns (the pass under way and its LookupEvents
 * token), and events are keyed, so a cursor a page behind the index only re-fetches that page.
 */
export function createJsonCursorStore(path: string): SyncCursorStore {
  let loaded: Map<string, SyncCursor> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const keyOf = (accountId: string, region: string) => `${accountId}/${region}`;

  async function load(): Promise<Map<string, SyncCursor>> {
    if (loaded) return loaded;
    let cursors: SyncCursor[] = [];
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (parsed.success) cursors = parsed.data.cursors;
    } catch {
      // No file yet (first sync), or unreadable: every account-region starts from scratch, and
      // event keys keep that from storing anything twice.
    }
    loaded ??= new Map(cursors.map((c) => [keyOf(c.accountId, c.region), c]));
    return loaded;
  }

  async function persist(map: Map<string, SyncCursor>): Promise<void> {
    const text = JSON.stringify({ version: 1, cursors: [...map.values()] });
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  return {
    async get(accountId, region) {
      const cursor = (await load()).get(keyOf(accountId, region));
      return cursor && structuredClone(cursor);
    },
    async list() {
      return [...(await load()).values()].map((c) => structuredClone(c));
    },
    async put(cursor) {
      const map = await load();
      map.set(keyOf(cursor.accountId, cursor.region), structuredClone(cursor));
      // Writes queue up: each one writes the whole map as it is then, the last one wins.
      const run = writing.then(() => persist(map));
      writing = run.catch(() => undefined);
      await run;
    },
  };
}
