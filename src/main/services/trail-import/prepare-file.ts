import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileCompression, FileFormat } from '../../store/bulk-writer';
import type { SourceFileRecord } from '../../store/provenance-tables';
import { sha256Bytes, sha256File } from './file-hash';
import { isGzip, sniffFile, sniffHead, type SniffResult } from './sniff-file';
import { isTrailLogFileName } from './trail-log-path';

export interface FileOnDisk {
  path: string;
  size: number;
  mtimeMs: number;
}

export type PreparedFile =
  | { action: 'skip'; file: FileOnDisk; record: SourceFileRecord | null }
  | { action: 'fail'; file: FileOnDisk; reason: string }
  | { action: 'empty'; file: FileOnDisk; sha256: string }
  | ReadableFile;

export interface ReadableFile {
  action: 'read';
  file: FileOnDisk;
  sha256: string;
  format: FileFormat;
  compression: FileCompression;
  /** Taken from the name (a gzip'd CloudTrail log), not from the content: DuckDB's read checks it. */
  assumed: boolean;
}

/** Larger files are hashed and sniffed as streams rather than read whole. */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;

/**
 * What an import does with one file: skip it (unchanged since a previous import: same size and
 * mtime, or same sha256), report it, record it as empty, or read it with DuckDB in the format
 * its content shows.
 *
 * Small files are stat'ed and read synchronously: on the tens of thousands of few-KB files of a
 * trail folder, the promise API costs about five times the CPU (each call is several thread-pool
 * round trips), and that CPU is taken from DuckDB's reads. The caller yields to the event loop
 * between files now and then.
 */
export async function prepareFile(path: string, known: ReadonlyMap<string, SourceFileRecord>, signal?: AbortSignal): Promise<PreparedFile> {
  let file: FileOnDisk = { path, size: 0, mtimeMs: 0 };
  try {
    const info = statSync(path);
    file = { path, size: info.size, mtimeMs: info.mtimeMs };
    const previous = known.get(path);
    const wasDone = previous?.status === 'done';
    if (wasDone && previous.size === file.size && previous.mtimeMs === file.mtimeMs) return { action: 'skip', file, record: null };
    const bytes = file.size <= READ_WHOLE_BYTES ? readFileSync(path) : null;
    const sha256 = bytes ? sha256Bytes(bytes) : await sha256File(path, signal);
    if (wasDone && previous.sha256 === sha256) return { action: 'skip', file, record: { ...previous, size: file.size, mtimeMs: file.mtimeMs } };
    // CloudTrail's own logs are read without a look inside: inflating the start of every file
    // would cost more than DuckDB's whole read of it.
    if (bytes && isGzip(bytes) && isTrailLogFileName(basename(path))) return { action: 'read', file, sha256, format: 'records', compression: 'gzip', assumed: true };
    return fromSniff(file, sha256, bytes ? sniffHead(bytes) : await sniffFile(path));
  } catch (error) {
    return { action: 'fail', file, reason: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function fromSniff(file: FileOnDisk, sha256: string, sniff: SniffResult): PreparedFile {
  if (sniff.kind === 'invalid') return { action: 'fail', file, reason: sniff.reason };
  if (sniff.kind === 'empty') return { action: 'empty', file, sha256 };
  return { action: 'read', file, sha256, format: sniff.format, compression: sniff.compression, assumed: false };
}
