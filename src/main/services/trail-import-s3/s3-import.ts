import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { describeAwsError, isAbortError } from '../../aws/aws-errors';
import { ROW_GROUP_SIZE, type FileProvenance, type StagedFile, type StagedFileCount } from '../../store/bulk-writer';
import type { BulkImport, EventStore } from '../../store/event-store';
import type { SourceFileRecord } from '../../store/provenance-tables';
import { sniffFile } from '../trail-import/sniff-file';
import { runPool } from '../trail-sync/run-pool';
import { keyMatches, planPrefixes, type S3KeyFilters } from './s3-key-filter';
import { downloadObject, listFolders, listObjects, type S3ObjectRef } from './s3-objects';
import { byDeliveryTime } from '../trail-import/delivery-order';
import { parseTrailLogPath } from '../trail-import/trail-log-path';

export interface S3ImportProgress {
  objectsDone: number;
  objectsTotal: number;
  /** CloudTrail records read so far. */
  events: number;
  errors: number;
  currentKey: string | null;
}

export interface S3ImportSummary {
  /** Log objects found under the prefix, inside the filters. */
  objects: number;
  objectsImported: number;
  /** Imported before with the same ETag. */
  objectsSkipped: number;
  /** Events new to the index, and those it already held. */
  imported: number;
  duplicates: number;
  skippedRecords: number;
  failed: { key: string; reason: string }[];
  cancelled: boolean;
}

export interface S3ImportOptions {
  store: EventStore;
  s3: S3Client;
  /** The profile the client signs with, recorded on every row. */
  profile: string;
  bucket: string;
  prefix?: string;
  filters?: S3KeyFilters;
  signal?: AbortSignal;
  onProgress?: (progress: S3ImportProgress) => void;
  clock?: () => Date;
  /** Objects downloaded at once. */
  concurrency?: number;
  /** Objects per DuckDB read. */
  groupFiles?: number;
  flushRows?: number;
  maxObjectBytes?: number;
}

const MAX_OBJECT_CAP = 128 * 1024 * 1024;

type Fetched =
  | { ref: S3ObjectRef; action: 'read'; path: string; etag: string; staged: Omit<StagedFile, 'readPath' | 'sourceRef'> }
  | { ref: S3ObjectRef; action: 'empty'; etag: string }
  | { ref: S3ObjectRef; action: 'fail'; reason: string };

/** `s3://bucket/key`: how an object is named in the sources table and on its rows. */
export const s3Url = (bucket: string, key: string) => `s3://${bucket}/${key}`;

/** The sources table's hash column holds the ETag for objects (S3 gives no sha256 without a read). */
const etagMarker = (etag: string) => `s3-etag:${etag.replaceAll('"', '')}`;

/**
 * Imports the CloudTrail log objects of a bucket (account or organisation layout) through a
 * profile: lists the prefix page by page, skips objects already imported with the same ETag,
 * streams the rest to temporary files a few at a time and hands them to the folder import's
 * reader (DuckDB, staged, deduped by event key). A malformed object is reported with its key and
 * reason; a cancel keeps what was read, and a rerun skips it.
 */
export async function importS3(options: S3ImportOptions): Promise<S3ImportSummary> {
  const clock = options.clock ?? (() => new Date());
  const { store, s3, bucket, signal } = options;
  const prefix = options.prefix ?? '';
  const filters = options.filters ?? {};
  const groupFiles = options.groupFiles ?? 32;
  const flushRows = options.flushRows ?? ROW_GROUP_SIZE;
  const baseObjectBytes = options.maxObjectBytes ?? 16 * 1024 * 1024;
  const sourceId = `s3:${s3Url(bucket, prefix)}`;
  const provenance: FileProvenance = { source: 'trail-file', profile: options.profile, retrievedAt: clock() };
  const summary: S3ImportSummary = { objects: 0, objectsImported: 0, objectsSkipped: 0, imported: 0, duplicates: 0, skippedRecords: 0, failed: [], cancelled: false };

  const prefixes = await planPrefixes(prefix, filters, (p) => listFolders(s3, bucket, p, signal));
  const known = await store.sourceFiles();
  const listed: S3ObjectRef[] = [];
  for (const p of prefixes) {
    for await (const ref of listObjects(s3, bucket, p, signal)) {
      if (!keyMatches(ref.key, filters)) continue;
      summary.objects++;
      const previous = known.get(s3Url(bucket, ref.key));
      if (previous?.status === 'done' && previous.sha256 === etagMarker(ref.etag)) summary.objectsSkipped++;
      else listed.push(ref);
    }
  }
  // By delivery time across accounts and regions, as a folder import reads (delivery-order.ts).
  const todo = byDeliveryTime(listed.map((ref) => ({ path: ref.key, ref }))).map(({ ref }) => ref);

  const tmp = await mkdtemp(join(tmpdir(), 'auditdesk-s3-'));
  const bulk = await store.openBulkImport();
  let pending: SourceFileRecord[] = [];
  let staged = 0;
  let done = summary.objectsSkipped;
  let events = 0;
  let fileCounter = 0;
  const report = (currentKey: string | null) =>
    options.onProgress?.({ objectsDone: done, objectsTotal: summary.objects, events, errors: summary.failed.length, currentKey });

  const record = (ref: S3ObjectRef, etag: string | null, status: 'done' | 'failed', extra: Partial<SourceFileRecord>): SourceFileRecord => ({
    path: s3Url(bucket, ref.key),
    sourceId,
    size: ref.size,
    mtimeMs: ref.lastModifiedMs,
    sha256: etag === null ? null : etagMarker(etag),
    status,
    records: null,
    skippedRecords: null,
    error: null,
    importedAt: clock().toISOString(),
    ...extra,
  });
  const fail = (ref: S3ObjectRef, reason: string) => {
    summary.failed.push({ key: ref.key, reason });
    pending.push(record(ref, null, 'failed', { error: reason }));
    done++;
  };

  async function fetchOne(ref: S3ObjectRef): Promise<Fetched> {
    const path = join(tmp, `${++fileCounter}.obj`);
    try {
      const { etag } = await downloadObject(s3, bucket, ref.key, path, signal);
      const sniff = await sniffFile(path);
      if (sniff.kind === 'invalid') return { ref, action: 'fail', reason: sniff.reason };
      if (sniff.kind === 'empty') return { ref, action: 'empty', etag: etag || ref.etag };
      return { ref, action: 'read', path, etag: etag || ref.etag, staged: { format: sniff.format, compression: sniff.compression, account: parseTrailLogPath(ref.key)?.account } };
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw error;
      return { ref, action: 'fail', reason: `Cannot read the object: ${describeAwsError(error)}` };
    }
  }

  async function stageGroup(group: Extract<Fetched, { action: 'read' }>[], objectBytes = baseObjectBytes): Promise<void> {
    let counts: StagedFileCount[];
    try {
      counts = await bulk.stageFiles(
        group.map((g) => ({ readPath: g.path, sourceRef: s3Url(bucket, g.ref.key), ...g.staged })),
        provenance,
        objectBytes,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // One bad object fails the whole read: find it by reading them one by one.
      if (group.length > 1) {
        for (const item of group) await stageGroup([item], objectBytes);
        return;
      }
      if (/maximum_object_size/.test(message) && objectBytes < MAX_OBJECT_CAP) return stageGroup(group, Math.min(objectBytes * 4, MAX_OBJECT_CAP));
      fail(group[0]!.ref, message.replace(/^[A-Za-z ]*Error: /, '').replaceAll(group[0]!.path, group[0]!.ref.key));
      return;
    }
    counts.forEach((count, i) => {
      const item = group[i]!;
      if (count.records > 0 && count.shaped === 0) {
        fail(item.ref, `Not CloudTrail-shaped: none of its ${count.records} records has eventName, eventSource, eventTime, eventID or eventVersion.`);
        return;
      }
      pending.push(record(item.ref, item.etag, 'done', { records: count.shaped, skippedRecords: count.records - count.shaped }));
      summary.objectsImported++;
      summary.skippedRecords += count.records - count.shaped;
      events += count.shaped;
      staged += count.shaped;
      done++;
    });
  }

  async function flush(target: BulkImport): Promise<void> {
    const result = await target.flush(pending);
    summary.imported += result.inserted;
    summary.duplicates += result.duplicates;
    pending = [];
    staged = 0;
  }

  async function fetchChunk(chunk: S3ObjectRef[]): Promise<Fetched[]> {
    const out: Fetched[] = new Array(chunk.length);
    await runPool(chunk, options.concurrency ?? 8, async (ref, i) => void (out[i] = await fetchOne(ref)), signal);
    return out;
  }

  try {
    report(null);
    // The next chunk downloads while DuckDB reads this one.
    let next: Promise<Fetched[]> | undefined = todo.length ? fetchChunk(todo.slice(0, groupFiles)) : undefined;
    for (let start = 0; next && !signal?.aborted; start += groupFiles) {
      let fetched: Fetched[];
      try {
        fetched = await next;
      } catch (error) {
        if (signal?.aborted || isAbortError(error)) break;
        throw error;
      }
      const following = todo.slice(start + groupFiles, start + 2 * groupFiles);
      next = following.length && !signal?.aborted ? fetchChunk(following) : undefined;
      next?.catch(() => undefined);
      const readable: Extract<Fetched, { action: 'read' }>[] = [];
      for (const item of fetched) {
        if (!item) continue;
        if (item.action === 'fail') fail(item.ref, item.reason);
        else if (item.action === 'empty') {
          pending.push(record(item.ref, item.etag, 'done', { records: 0, skippedRecords: 0 }));
          summary.objectsImported++;
          done++;
        } else readable.push(item);
      }
      // One DuckDB read per format and compression.
      const groups = new Map<string, typeof readable>();
      for (const item of readable) {
        const key = `${item.staged.format}/${item.staged.compression}`;
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      for (const group of groups.values()) await stageGroup(group);
      await Promise.all(readable.map((item) => rm(item.path, { force: true })));
      report(fetched.at(-1)?.ref.key ?? null);
      if (staged >= flushRows) await flush(bulk);
    }
    summary.cancelled = signal?.aborted ?? false;
    // Even on cancel: what was read is stored, with its objects marked done.
    await flush(bulk);
    await store.recordSourceRun({
      sourceId,
      kind: 'trail-file',
      ref: s3Url(bucket, prefix),
      profile: options.profile,
      region: null,
      filesDone: summary.objectsImported,
      eventsInserted: summary.imported,
      lastStatus: summary.cancelled ? 'cancelled' : 'done',
      at: clock().toISOString(),
    });
    report(null);
    return summary;
  } finally {
    await bulk.close().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  }
}
