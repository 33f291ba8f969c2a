import { gunzipSync } from 'node:zlib';

/** A CloudTrail log file's records, from its gzip bytes. */
export function readLogFile(gz: Uint8Array): Record<string, unknown>[] {
  const parsed = JSON.parse(gunzipSync(gz).toString('utf8')) as { Records?: unknown };
  if (!Array.isArray(parsed.Records)) throw new Error('not a CloudTrail log file');
  return parsed.Records as Record<string, unknown>[];
}
