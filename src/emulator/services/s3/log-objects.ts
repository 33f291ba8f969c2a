import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { WorldEvents } from '../../seed/world-events';
import { HOUR_MS, LOG_GZIP_LEVEL, logFileEvents, renderLogFile, type LogFileRef } from '../cloudtrail/trail-log-files';
import type { TrailBucket } from './trail-buckets';

export interface LogObjectMeta {
  size: number;
  /** Quoted, as S3 sends it. */
  etag: string;
  lastModified: Date;
}

export interface LogObject {
  meta: LogObjectMeta;
  body: Buffer;
}

/**
 * Trail log objects, gzip'd on demand. A listing must report each object's exact size and ETag,
 * so both are remembered once computed (a few dozen bytes per object); the last bodies are kept
 * too, because clients list, then HEAD or GET the same keys.
 */
export class LogObjectStore {
  private readonly metas = new Map<string, LogObjectMeta>();
  private readonly recent = new Map<string, Buffer>();

  constructor(
    private readonly events: WorldEvents,
    private readonly recentLimit = 16,
  ) {}

  meta(bucket: TrailBucket, ref: LogFileRef): LogObjectMeta {
    return this.metas.get(cacheKey(bucket, ref)) ?? this.get(bucket, ref).meta;
  }

  get(bucket: TrailBucket, ref: LogFileRef): LogObject {
    const key = cacheKey(bucket, ref);
    let body = this.recent.get(key);
    if (!body) {
      body = gzipSync(renderLogFile(logFileEvents(this.events, ref, bucket.beforeMs)), { level: LOG_GZIP_LEVEL });
      this.recent.set(key, body);
      if (this.recent.size > this.recentLimit) this.recent.delete(this.recent.keys().next().value!);
    }
    let meta = this.metas.get(key);
    if (!meta) {
      meta = {
        size: body.length,
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        // Delivered a few minutes after the hour it covers.
        lastModified: new Date(Math.min(ref.hourStartMs + HOUR_MS + 5 * 60_000, bucket.beforeMs + 5 * 60_000)),
      };
      this.metas.set(key, meta);
    }
    return { meta, body };
  }
}

function cacheKey(bucket: TrailBucket, ref: LogFileRef): string {
  return `${bucket.name}/${ref.accountId}/${ref.region}/${ref.hourStartMs}`;
}
