import { open } from 'node:fs/promises';
import { constants, inflateRawSync } from 'node:zlib';
import type { FileCompression, FileFormat } from '../../store/bulk-writer';

export type SniffResult = { kind: 'data'; format: FileFormat; compression: FileCompression } | { kind: 'empty'; compression: FileCompression } | { kind: 'invalid'; reason: string };

const HEAD_BYTES = 64 * 1024;

/**
 * What a file holds, from its first bytes: gzip or not by the magic number (a `.json` may be
 * gzip'd and a `.gz` may not be), then the JSON layout: a `{"Records":[…]}` trail file, a bare
 * array, JSON Lines, or other concatenated objects.
 */
export async function sniffFile(path: string): Promise<SniffResult> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return sniffHead(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** What a file holds, from its first bytes (a whole small file will do). */
export function sniffHead(bytes: Buffer): SniffResult {
  const head = bytes.subarray(0, HEAD_BYTES);
  const gzip = isGzip(head);
  const compression: FileCompression = gzip ? 'gzip' : 'none';
  let text: string;
  try {
    text = (gzip ? gunzipHead(head) : head).toString('utf8');
  } catch (error) {
    return { kind: 'invalid', reason: `Not a readable gzip file: ${error instanceof Error ? error.message : String(error)}` };
  }
  return classify(text.replace(/^\uFEFF/, ''), compression);
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates the start of a gzip stream; a truncated stream is expected (only the head was read). */
function gunzipHead(head: Buffer): Buffer {
  const flags = head[3] ?? 0;
  if (head[2] !== 8) throw new Error('unknown compression method');
  let offset = 10;
  if (flags & 0x04) offset += 2 + head.readUInt16LE(offset); // FEXTRA
  if (flags & 0x08) offset = head.indexOf(0, offset) + 1; // FNAME
  if (flags & 0x10) offset = head.indexOf(0, offset) + 1; // FCOMMENT
  if (flags & 0x02) offset += 2; // FHCRC
  // Raw inflate of the deflate body: the head alone has no trailer, so a gunzip would refuse it.
  return inflateRawSync(head.subarray(offset), { finishFlush: constants.Z_SYNC_FLUSH });
}

export function classify(text: string, compression: FileCompression): SniffResult {
  const start = text.search(/\S/);
  if (start < 0) return { kind: 'empty', compression };
  const body = text.slice(start);
  if (body[0] === '[') return { kind: 'data', format: 'json-array', compression };
  if (body[0] !== '{') return { kind: 'invalid', reason: `Not JSON: the file starts with ${JSON.stringify(body.slice(0, 20))}.` };
  // CloudTrail writes `Records` first in every trail file.
  if (/^\{\s*"Records"\s*:/.test(body)) return { kind: 'data', format: 'records', compression };
  const newline = body.indexOf('\n');
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  return { kind: 'data', format: isJsonObject(firstLine) ? 'json-lines' : 'json-objects', compression };
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
