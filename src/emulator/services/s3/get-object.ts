import { AwsError, type EmulatorResponse } from '../../core/types';
import type { LogObject } from './log-objects';
import { s3Headers } from './s3-xml';

/**
 * GetObject / HeadObject for a trail log file. CloudTrail stores its files as gzip'd JSON
 * (Content-Type application/json, Content-Encoding gzip); the body is the gzip itself, as S3
 * sends the stored bytes and leaves decompression to the client.
 */
export function objectResponse(object: LogObject, rangeHeader: string | undefined, withBody: boolean): EmulatorResponse {
  const { meta, body } = object;
  const headers = s3Headers({
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    'accept-ranges': 'bytes',
    etag: meta.etag,
    'last-modified': meta.lastModified.toUTCString(),
    'x-amz-server-side-encryption': 'AES256',
  });
  const range = rangeHeader ? parseRange(rangeHeader, body.length) : undefined;
  if (!range) {
    headers['content-length'] = String(body.length);
    return { status: 200, headers, body: withBody ? body : undefined };
  }
  const [start, end] = range;
  headers['content-length'] = String(end - start + 1);
  headers['content-range'] = `bytes ${start}-${end}/${body.length}`;
  return { status: 206, headers, body: withBody ? body.subarray(start, end + 1) : undefined };
}

/** A single `bytes=` range as [first, last] inclusive; anything S3 ignores gives undefined. */
function parseRange(header: string, size: number): [number, number] | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // S3 ignores a Range header it cannot parse (including multiple ranges) and sends the whole object.
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw invalidRange(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) throw invalidRange(size);
  return [start, end];
}

function invalidRange(size: number): AwsError {
  return new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, { ActualObjectSize: size });
}
