import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
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
 * mtime, or same sha256), report it, record it as empty, or read it with DuckDB in the format its
 * name (a CloudTrail log) or else its content shows.
 *
 * Small files are stat'ed and read synchronously: on the tens of thousands of few-KB files of a
 * trail folder, the promise API costs about five times the CPU (each call is several thread-pool
 * round trips), and that CPU is taken from DuckDB's reads. The caller yields to the event loop
 * between files now and then.
 */
export async function prepareFile(path: string, known: ReadonlyMap<string, SourceFileRecord>, signal?: AbortSignal): Promise<PreparedFile> {
  let file: FileOnDisk = { path, size: 0, mtimeMs: 0 };
  try {
    const previous = known.get(path);
    const wasDone = previous?.status === 'done';
    let bytes: Buffer | null = null;
    if (wasDone) {
      const info = statSync(path);
      file = { path, size: info.size, mtimeMs: info.mtimeMs };
      if (previous.size === file.size && previous.mtimeMs === file.mtimeMs) return { action: 'skip', file, record: null };
    } else {
      // Not imported before (or failed): it is read anyway, and its size and mtime come with it.
      const read = readSmallFile(path);
      file = { path, size: read.size, mtimeMs: read.mtimeMs };
      bytes = read.bytes;
    }
    if (!bytes && file.size <= READ_WHOLE_BYTES) bytes = readSmallFile(path).bytes;
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

/** One buffer for every small file: a new one per file would keep the garbage collector busy. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The file's size and mtime, and its bytes when it is small enough to read whole (a view of a
 * buffer the next call reuses: use it before then).
 */
function readSmallFile(path: string): { size: number; mtimeMs: number; bytes: Buffer | null } {
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (info.size > READ_WHOLE_BYTES) return { size: info.size, mtimeMs: info.mtimeMs, bytes: null };
    if (scratch.length < info.size) scratch = Buffer.allocUnsafe(Math.max(info.size, scratch.length * 2));
    let length = 0;
    while (length < info.size) {
      // A read may return less than asked for; none at all means the file was cut short meanwhile.
      const n = readSync(fd, scratch, length, info.size - length, length);
      if (n === 0) break;
      length += n;
    }
    return { size: info.size, mtimeMs: info.mtimeMs, bytes: scratch.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

export function fromSniff(file: FileOnDisk, sha256: string, sniff: SniffResult): PreparedFile {
  if (sniff.kind === 'invalid') return { action: 'fail', file, reason: sniff.reason };
  if (sniff.kind === 'empty') return { action: 'empty', file, sha256 };
  return { action: 'read', file, sha256, format: sniff.format, compression: sniff.compression, assumed: false };
}
