import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** An object a listing found. */
export interface S3ObjectRef {
  key: string;
  /** Quoted, as S3 sends it; changes whenever the content does. */
  etag: string;
  size: number;
  lastModifiedMs: number;
}

/** Every object under a prefix, all pages (ListObjectsV2 continuation tokens). */
export async function* listObjects(s3: S3Client, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<S3ObjectRef> {
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }), { abortSignal: signal });
    for (const o of page.Contents ?? []) {
      if (!o.Key || o.Key.endsWith('/')) continue;
      yield { key: o.Key, etag: o.ETag ?? '', size: o.Size ?? 0, lastModifiedMs: o.LastModified?.getTime() ?? 0 };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** The folders one level under a prefix (ListObjectsV2 with a delimiter), all pages. */
export async function listFolders(s3: S3Client, bucket: string, prefix: string, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: '/', ContinuationToken: token }), { abortSignal: signal });
    for (const p of page.CommonPrefixes ?? []) if (p.Prefix) out.push(p.Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/**
 * Streams an object to a local file (never whole in memory: trail files can be large), so the
 * folder import's reader (DuckDB over the file) parses it exactly as it parses a local file.
 * Resolves to the object's ETag as GetObject reports it.
 */
export async function downloadObject(s3: S3Client, bucket: string, key: string, path: string, signal?: AbortSignal): Promise<{ etag: string; size: number }> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  const body = out.Body;
  if (!(body instanceof Readable)) throw new Error('GetObject returned no readable body.');
  let size = 0;
  body.on('data', (chunk: Buffer) => (size += chunk.length));
  await pipeline(body, createWriteStream(path, { mode: 0o600 }), { signal });
  return { etag: out.ETag ?? '', size };
}
