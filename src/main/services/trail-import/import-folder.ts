import { basename, resolve } from 'node:path';
import { ROW_GROUP_SIZE, type FileProvenance, type StagedFile, type StagedFileCount } from '../../store/bulk-writer';
import type { EventStore } from '../../store/event-store';
import type { SourceFileRecord } from '../../store/provenance-tables';
import { byDeliveryTime } from './delivery-order';
import { sha256File } from './file-hash';
import { createAliases } from './glob-safe-paths';
import { createLimiter } from './limiter';
import { sniffFile, type SniffResult } from './sniff-file';
import { walkFolder, type FoundFile } from './walk-folder';

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
  /**
   * Files hashed and sniffed ahead of DuckDB (which parses with its own threads meanwhile), and
   * how many at once.
   */
  readAhead?: number;
  prepareConcurrency?: number;
  /** Records read between two flushes (a DuckDB row group by default; tests use less). */
  flushRows?: number;
  /**
   * Files per DuckDB read, and their bytes on disk: big reads let DuckDB read files on all its
   * threads and write whole row groups.
   */
  groupFiles?: number;
  groupBytes?: number;
  /** Largest JSON value (a whole `{"Records":[…]}` file) DuckDB reads at first; bad files retry larger. */
  maxObjectBytes?: number;
}

const MAX_OBJECT_CAP = 128 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;

type DataSniff = Extract<SniffResult, { kind: 'data' }>;
type ReadItem = { file: FoundFile; action: 'read'; sha256: string; sniff: DataSniff };
type Prepared =
  | { file: FoundFile; action: 'skip'; record: SourceFileRecord | null }
  | { file: FoundFile; action: 'fail'; reason: string }
  | { file: FoundFile; action: 'empty'; sha256: string }
  | ReadItem;

/**
 * Imports every CloudTrail file under `folder` (the AWSLogs layouts of account and organization
 * trails, or any folder of `.json[.gz]` / JSON Lines files) into the index. Files stream through
 * DuckDB's reader a group at a time and never all at once; a malformed file is reported with its
 * reason and the rest imported. The same files again add nothing: unchanged files are skipped
 * and every event is keyed. A cancel stores what was read; a rerun resumes where it stopped.
 */
export async function importFolder(options: ImportFolderOptions): Promise<ImportSummary> {
  const clock = options.clock ?? (() => new Date());
  const folder = resolve(options.folder);
  const signal = options.signal;
  const prepareConcurrency = options.prepareConcurrency ?? 4;
  const flushRows = options.flushRows ?? ROW_GROUP_SIZE;
  const groupFiles = options.groupFiles ?? 256;
  // The next group is prepared while DuckDB reads this one.
  const readAhead = options.readAhead ?? groupFiles * 2;
  const groupBytes = options.groupBytes ?? 48 * 1024 * 1024;
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
  const recordOf = (file: FoundFile, sha256: string | null, status: 'done' | 'failed', extra: Partial<SourceFileRecord>): SourceFileRecord => ({
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
  const fail = (file: FoundFile, sha256: string | null, reason: string) => {
    summary.failed.push({ path: file.path, reason });
    pendingRecords.push(recordOf(file, sha256, 'failed', { error: reason }));
    filesDone += 1;
  };
  /** Settles what was read since the last flush, with the records of the files it came from. */
  const flush = async () => {
    const result = await bulk.flush(pendingRecords);
    summary.imported += result.inserted;
    summary.duplicates += result.duplicates;
    pendingRecords = [];
    staged = 0;
  };

  const stageGroup = async (group: ReadItem[], objectBytes = baseObjectBytes): Promise<void> => {
    const stagedFiles: StagedFile[] = [];
    for (const { file, sniff } of group) {
      stagedFiles.push({ readPath: await aliases.readPathFor(file.path), sourceRef: file.path, format: sniff.format, compression: sniff.compression });
    }
    let counts: StagedFileCount[];
    try {
      counts = await bulk.stageFiles(stagedFiles, provenance, objectBytes);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (group.length > 1) {
        // One bad file fails the whole read (nothing of it is stored): halve until it is alone.
        const half = Math.ceil(group.length / 2);
        await stageGroup(group.slice(0, half), objectBytes);
        await stageGroup(group.slice(half), objectBytes);
        return;
      }
      const [item] = group as [ReadItem];
      if (/maximum_object_size/.test(message) && objectBytes < MAX_OBJECT_CAP) return stageGroup(group, Math.min(objectBytes * 4, MAX_OBJECT_CAP));
      fail(item.file, item.sha256, describeReadError(message, stagedFiles[0]?.readPath ?? item.file.path));
      return;
    }
    for (const [index, count] of counts.entries()) {
      const item = group[index] as ReadItem;
      if (count.records > 0 && count.shaped === 0) {
        fail(item.file, item.sha256, `Not CloudTrail-shaped: none of its ${count.records} records has eventName, eventSource, eventTime, eventID or eventVersion.`);
        continue;
      }
      pendingRecords.push(recordOf(item.file, item.sha256, 'done', { records: count.shaped, skippedRecords: count.records - count.shaped }));
      summary.filesImported += 1;
      summary.skippedRecords += count.records - count.shaped;
      eventsRead += count.shaped;
      staged += count.shaped;
      filesDone += 1;
    }
  };

  const slots = createLimiter(prepareConcurrency);
  const prepare = (file: FoundFile): Promise<Prepared> => slots(() => prepareFile(file));
  const prepareFile = async (file: FoundFile): Promise<Prepared> => {
    try {
      const previous = known.get(file.path);
      const wasDone = previous?.status === 'done';
      if (wasDone && previous.size === file.size && previous.mtimeMs === file.mtimeMs) return { file, action: 'skip', record: null };
      const sha256 = await sha256File(file.path, signal);
      if (wasDone && previous.sha256 === sha256) return { file, action: 'skip', record: { ...previous, size: file.size, mtimeMs: file.mtimeMs } };
      const sniff = await sniffFile(file.path);
      if (sniff.kind === 'invalid') return { file, action: 'fail', reason: sniff.reason };
      if (sniff.kind === 'empty') return { file, action: 'empty', sha256 };
      return { file, action: 'read', sha256, sniff };
    } catch (error) {
      return { file, action: 'fail', reason: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  try {
    const ahead: Array<Promise<Prepared>> = [];
    let group: ReadItem[] = [];
    let groupSize = 0;
    const stagePending = async () => {
      if (group.length === 0) return;
      const current = group;
      group = [];
      groupSize = 0;
      await stageGroup(current);
      report(current.at(-1)?.file.path ?? null);
      if (staged >= flushRows) await flush();
    };
    for (let index = 0; index < files.length; index += 1) {
      if (signal?.aborted) break;
      while (ahead.length < readAhead && index + ahead.length < files.length) ahead.push(prepare(files[index + ahead.length] as FoundFile));
      const item = (await ahead.shift()) as Prepared;
      if (signal?.aborted) break;
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
        pendingRecords.push(recordOf(item.file, item.sha256, 'done', { records: 0, skippedRecords: 0 }));
        summary.filesImported += 1;
        filesDone += 1;
        continue;
      }
      const [head] = group;
      if (head && (head.sniff.format !== item.sniff.format || head.sniff.compression !== item.sniff.compression)) await stagePending();
      group.push(item);
      groupSize += item.file.size;
      if (group.length >= groupFiles || groupSize >= groupBytes) await stagePending();
    }
    if (!signal?.aborted) await stagePending();
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
