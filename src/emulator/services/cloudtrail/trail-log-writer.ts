import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { getWorldEvents } from '../../seed/world-events';
import type { EmulatorWorld } from '../../world/world-types';
import { hoursWithEvents, LOG_GZIP_LEVEL, logFileEvents, logFileKey, renderLogFile, type LogFileRef } from './trail-log-files';
import type { LogLayout } from './trails';

const gzipAsync = promisify(gzip);
/** Files compressed and written at once: enough to keep zlib's thread pool busy, bounded memory. */
const CONCURRENCY = 8;
const SMALL_FILE = 64 * 1024;
const GZIP = { level: LOG_GZIP_LEVEL };

export interface WriteTrailLogsOptions {
  world: EmulatorWorld;
  /** The folder that receives `AWSLogs/…`, as a trail bucket synced to disk would. */
  dir: string;
  /** `account`: AWSLogs/<account>/…; `organization`: AWSLogs/o-<id>/<account>/…; `both` writes both trees. */
  layout: 'account' | 'organization' | 'both';
}

/**
 * Writes the world's events as real CloudTrail log files (the same files, names and records the
 * emulated trail buckets serve). One hour of one account and Region is built at a time, so the
 * memory used stays that of a few files whatever the size of the world.
 *
 * Returns the files written and the records they hold (with `both`, each event is in two files).
 */
export async function writeTrailLogs(opts: WriteTrailLogsOptions): Promise<{ files: number; events: number }> {
  const { world } = opts;
  const events = getWorldEvents(world);
  const layouts: LogLayout[] = opts.layout === 'both' ? ['organization', 'account'] : [opts.layout];
  const madeDirs = new Set<string>();
  let files = 0;
  let records = 0;

  async function writeOne(layout: LogLayout, ref: LogFileRef): Promise<void> {
    const fileEvents = logFileEvents(events, ref);
    if (fileEvents.length === 0) return;
    const path = join(opts.dir, ...logFileKey(world, layout, ref).split('/'));
    const folder = dirname(path);
    if (!madeDirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }
    const json = renderLogFile(fileEvents);
    // Small files compress faster inline than through a thread-pool round trip.
    await writeFile(path, json.length < SMALL_FILE ? gzipSync(json, GZIP) : await gzipAsync(json, GZIP));
    files++;
    records += fileEvents.length;
  }

  function* jobs(): Generator<() => Promise<void>> {
    for (const layout of layouts) {
      for (const account of world.accounts) {
        for (const region of world.regions) {
          for (const hourStartMs of hoursWithEvents(events, account.id, region)) {
            yield () => writeOne(layout, { accountId: account.id, region, hourStartMs });
          }
        }
      }
    }
  }

  const queue = jobs();
  const worker = async (): Promise<void> => {
    for (let job = queue.next(); !job.done; job = queue.next()) await job.value();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { files, events: records };
}
