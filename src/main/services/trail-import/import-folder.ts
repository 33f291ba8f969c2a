import { basename, resolve } from 'node:path';
import { ROW_GROUP_SIZE, StageFilesError, type FileProvenance, type StagedFile, type StagedFileCount } from '../../store/bulk-writer';
import type { EventStore } from '../../store/event-store';
import type { SourceFileRecord } from '../../store/provenance-tables';
import { byDeliveryTime } from './delivery-order';
import { createAliases } from './glob-safe-paths';
import { fromSniff, prepareFile, type FileOnDisk, type PreparedFile, type ReadableFile } from './prepare-file';
import { createReadSize } from './read-size';
import { sniffFile } from './sniff-file';
import { parseTrailLogPath } from './trail-log-path';
import { walkFolder } from './walk-folder';

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  /** CloudTrail records read so far (stored or found already stored). */
  events: number;
  errors: number;
  currentFile: string | null;
}

export interface ImportFailure {
  path: string;
  reason: string;
}

export interface ImportSummary {
  /** Candidate files found (digests excluded). */
  files: number;
  filesImported: number;
  /** Unchanged since a previous import (same path, size and mtime, or same sha256). */
  filesSkipped: number;
  /** Events added to the index. */
  imported: number;
  /** Events read that the index already held. */
  duplicates: number;
  /** Records that were not CloudTrail-shaped inside files that otherwise were. */
  skippedRecords: number;
  failed: ImportFailure[];
  cancelled: boolean;
}

export interface ImportFolderOptions {
  store: EventStore;
  folder: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  clock?: () => Date;
  /** Records read between two flushes (a DuckDB row group by default: every read; tests use less). */
  flushRows?: number;
  /**
   * At most this many files, and bytes on disk, per DuckDB read (tests use small reads). By
   * default a read holds about READ_RECORDS records (see read-size.ts).
   */
  groupFiles?: number;
  groupBytes?: number;
  /** Largest JSON value (a whole `{"Records":[…]}` file) DuckDB reads at first; bad files retry larger. */
  maxObjectBytes?: number;
}

const MAX_OBJECT_CAP = 128 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;
/** Files are prepared synchronously (prepare-file.ts) for at most this long between two turns of the event loop. */
const PREPARE_SLICE_MS = 5;

/**
 * Imports every CloudTrail file under `folder` (the AWSLogs layouts of account and organization
 * trails, or any folder of `.json[.gz]` / JSON Lines files) into the index. Files stream through
 * DuckDB's reader a few hundred thousand records at a time and never all at once, the next
 * files being prepared while DuckDB reads; a malformed file is reported with its reason and the
 * rest imported. The same files again add nothing: unchanged files are skipped and every event
 * is keyed. A cancel stores what was read; a rerun resumes where it stopped.
 */
export async function importFolder(options: ImportFolderOptions): Promise<ImportSummary> {
  const clock = options.clock ?? (() => new Date());
  const folder = resolve(options.folder);
  const signal = options.signal;
  const flushRows = options.flushRows ?? ROW_GROUP_SIZE;
  const groupFiles = options.groupFiles ?? Number.POSITIVE_INFINITY;
  const groupBytes = options.groupBytes ?? Number.POSITIVE_INFINITY;
  const baseObjectBytes = options.maxObjectBytes ?? 16 * 1024 * 1024;
  const sourceId = `import:${folder}`;
  const provenance: FileProvenance = { source: 'import', profile: null, retrievedAt: clock() };

  const summary: ImportSummary = { files: 0, filesImported: 0, filesSkipped: 0, imported: 0, duplicates: 0, skippedRecords: 0, failed: [], cancelled: false };
  // By delivery time across accounts and regions: the index's row groups then each cover a short stretch of time.
  const files = byDeliveryTime(await walkFolder(folder, signal));
  summary.files = files.length;
  const known = await options.store.sourceFiles();
  const bulk = await options.store.openBulkImport();
  const aliases = createAliases();
  const readSize = createReadSize();

  let filesDone = 0;
  let eventsRead = 0;
  let staged = 0;
  let pendingRecords: SourceFileRecord[] = [];
  let lastProgress = 0;
  const report = (currentFile: string | null, force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    options.onProgress({ filesDone, filesTotal: files.length, events: eventsRead, errors: summary.failed.length, currentFile });
  };
  const recordOf = (file: FileOnDisk, sha256: string | null, status: 'done' | 'failed', extra: Partial<SourceFileRecord>): SourceFileRecord => ({
    path: file.path,
    sourceId,
    size: file.size,
    mtimeMs: file.mtimeMs,
    sha256,
    status,
    records: null,
    skippedRecords: null,
    error: null,
    importedAt: clock().toISOString(),
    ...extra,
  });
  const fail = (file: FileOnDisk, sha256: string | null, reason: string) => {
    summary.failed.push({ path: file.path, reason });
    pendingRecords.push(recordOf(file, sha256, 'failed', { error: reason }));
    filesDone += 1;
  };
  const done = (item: Extract<PreparedFile, { action: 'read' | 'empty' }>, count: StagedFileCount) => {
    pendingRecords.push(recordOf(item.file, item.sha256, 'done', { records: count.shaped, skippedRecords: count.records - count.shaped }));
    summary.filesImported += 1;
    summary.skippedRecords += count.records - count.shaped;
    eventsRead += count.shaped;
    staged += count.shaped;
    filesDone += 1;
  };
  /** Settles what was read since the last flush, with the records of the files it came from. */
  const flush = async () => {
    // Taken before the flush: the next files' records keep coming while it runs.
    const records = pendingRecords;
    pendingRecords = [];
    staged = 0;
    const result = await bulk.flush(records);
    summary.imported += result.inserted;
    summary.duplicates += result.duplicates;
  };

  const stageGroup = async (group: ReadableFile[], objectBytes = baseObjectBytes): Promise<void> => {
    const [head] = group;
    if (!head) return;
    const stagedFiles: StagedFile[] = [];
    for (const { file, format, compression } of group) {
      stagedFiles.push({
        readPath: await aliases.readPathFor(file.path),
        sourceRef: file.path,
        format,
        compression,
        records: readSize.recordsIn(compression, file.size),
        account: parseTrailLogPath(file.path)?.account,
      });
    }
    let counts: StagedFileCount[];
    try {
      counts = await bulk.stageFiles(stagedFiles, provenance, objectBytes);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (group.length > 1) {
        // One bad file fails the whole read (nothing of it is stored). The statements before the
        // one that failed were readable: read them again; halve that statement's files until the
        // bad one is alone; then go on with the files after it.
        const [from, to] = error instanceof StageFilesError ? [error.failedFrom, error.failedTo] : [0, group.length];
        const failing = group.slice(from, to);
        const half = Math.ceil(failing.length / 2);
        await stageGroup(group.slice(0, from), objectBytes);
        await stageGroup(failing.slice(0, half), objectBytes);
        await stageGroup(failing.slice(half), objectBytes);
        await stageGroup(group.slice(to), objectBytes);
        return;
      }
      if (/maximum_object_size/.test(message) && objectBytes < MAX_OBJECT_CAP) return stageGroup(group, Math.min(objectBytes * 4, MAX_OBJECT_CAP));
      if (head.assumed) return stageSniffed(head, () => fail(head.file, head.sha256, describeReadError(message, stagedFiles[0]?.readPath ?? head.file.path)));
      fail(head.file, head.sha256, describeReadError(message, stagedFiles[0]?.readPath ?? head.file.path));
      return;
    }
    readSize.observe(head.compression, group.reduce((sum, item) => sum + item.file.size, 0), counts.reduce((sum, count) => sum + count.records, 0));
    for (const [index, count] of counts.entries()) {
      const item = group[index] as ReadableFile;
      if (count.records > 0 && count.shaped === 0) {
        fail(item.file, item.sha256, `Not CloudTrail-shaped: none of its ${count.records} records has eventName, eventSource, eventTime, eventID or eventVersion.`);
      } else if (count.records === 0 && item.assumed) {
        // No records where the name promised a trail file: the content says what it is.
        await stageSniffed(item, () => done(item, count));
      } else {
        done(item, count);
      }
    }
  };
  /**
   * A file read as a gzip'd trail file by its name that DuckDB could not read that way, or that
   * held no records: read again as its content says, unless that is what was tried.
   */
  const stageSniffed = async (item: ReadableFile, asRead: () => void): Promise<void> => {
    const again = fromSniff(item.file, item.sha256, await sniffFile(item.file.path).catch((error: unknown) => ({ kind: 'invalid' as const, reason: `Cannot read the file: ${String(error)}` })));
    if (again.action === 'fail') return fail(item.file, item.sha256, again.reason);
    if (again.action === 'empty') return done(item, { sourceRef: item.file.path, records: 0, shaped: 0 });
    if (again.action === 'read' && (again.format !== item.format || again.compression !== item.compression)) return stageGroup([again]);
    asRead();
  };

  // One read at a time in DuckDB; the files of the next one are prepared meanwhile.
  let reading: Promise<void> = Promise.resolve();
  const readFailure: { error?: unknown } = {};
  const throwIfReadFailed = () => {
    if ('error' in readFailure) throw readFailure.error;
  };
  const startRead = async (group: ReadableFile[]) => {
    await reading;
    throwIfReadFailed();
    reading = (async () => {
      await stageGroup(group);
      report(group.at(-1)?.file.path ?? null);
      if (staged >= flushRows) await flush();
    })().catch((error: unknown) => {
      readFailure.error = error;
    });
  };

  try {
    let group: ReadableFile[] = [];
    let groupSize = 0;
    const readPending = async () => {
      if (group.length === 0) return;
      const current = group;
      group = [];
      groupSize = 0;
      await startRead(current);
    };
    let slice = performance.now();
    for (const { path } of files) {
      if (signal?.aborted) break;
      if (performance.now() - slice > PREPARE_SLICE_MS) {
        await new Promise((next) => setImmediate(next));
        slice = performance.now();
        if (signal?.aborted) break;
      }
      const item = await prepareFile(path, known, signal);
      if (item.action === 'skip') {
        summary.filesSkipped += 1;
        filesDone += 1;
        if (item.record) pendingRecords.push(item.record);
        report(item.file.path);
        continue;
      }
      if (item.action === 'fail') {
        fail(item.file, null, item.reason);
        report(item.file.path);
        continue;
      }
      if (item.action === 'empty') {
        done(item, { sourceRef: path, records: 0, shaped: 0 });
        continue;
      }
      const [head] = group;
      if (head && (head.format !== item.format || head.compression !== item.compression)) await readPending();
      group.push(item);
      groupSize += item.file.size;
      if (group.length >= groupFiles || groupSize >= Math.min(groupBytes, readSize.bytesPerRead(item.compression))) await readPending();
    }
    if (!signal?.aborted) await readPending();
    await reading;
    throwIfReadFailed();
    summary.cancelled = signal?.aborted ?? false;
    // Even on cancel: what was read is stored, with the files it came from marked done.
    await flush();
    await options.store.recordSourceRun({
      sourceId,
      kind: 'import',
      ref: folder,
      profile: null,
      region: null,
      filesDone: summary.filesImported,
      eventsInserted: summary.imported,
      lastStatus: summary.cancelled ? 'cancelled' : 'done',
      at: clock().toISOString(),
    });
    report(null, true);
    return summary;
  } finally {
    await reading;
    await bulk.close().catch(() => undefined);
    await aliases.dispose();
  }
}

/** DuckDB's message without the error class and the file name (the report gives the path). */
function describeReadError(message: string, readPath: string): string {
  return message
    .replace(/^[A-Za-z ]*Error: /, '')
    .replaceAll(` in file "${readPath}",`, '')
    .replaceAll(` in file "${readPath}"`, '')
    .replaceAll(readPath, basename(readPath))
    .trim();
}
