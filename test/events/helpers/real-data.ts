import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** shared/data/cloudtrail beside the repository (it is there on CI too). */
export const CLOUDTRAIL_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/cloudtrail');

export interface RealRecord {
  /** `<folder>/<file>#<index>` */
  origin: string;
  file: string;
  record: Record<string, unknown>;
}

export type RecordFileKind = 'array' | 'jsonl' | 'records';

/** The files that hold CloudTrail records, and how. Others (rule tests, metadata, SQS bodies, bad JSON) are not records. */
export function recordFiles(): Array<{ path: string; kind: RecordFileKind }> {
  const files: Array<{ path: string; kind: RecordFileKind }> = [];
  for (const name of readdirSync(join(CLOUDTRAIL_DATA, 'stratus')).sort()) files.push({ path: join(CLOUDTRAIL_DATA, 'stratus', name), kind: 'array' });
  files.push({ path: join(CLOUDTRAIL_DATA, 'panther', 'cloudtrail_test_events.jsonl'), kind: 'jsonl' });
  files.push({ path: join(CLOUDTRAIL_DATA, 'awsdocs-iam-guide', 'records.jsonl'), kind: 'jsonl' });
  for (const name of readdirSync(join(CLOUDTRAIL_DATA, 'parser-edge-cases')).sort()) {
    const path = join(CLOUDTRAIL_DATA, 'parser-edge-cases', name);
    const text = readText(path);
    try {
      if (Array.isArray((JSON.parse(text) as { Records?: unknown }).Records)) files.push({ path, kind: 'records' });
    } catch {
      // SerializerTestFileBadJsonFormat.json: deliberately invalid, not a source of records.
    }
  }
  return files;
}

export function readText(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every real CloudTrail record in shared/data, parsed in JavaScript. */
export function loadRealRecords(): RealRecord[] {
  const out: RealRecord[] = [];
  for (const { path, kind } of recordFiles()) {
    const text = readText(path);
    const file = path.slice(CLOUDTRAIL_DATA.length + 1);
    const records: unknown[] =
      kind === 'jsonl'
        ? text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown)
        : kind === 'array'
          ? (JSON.parse(text) as unknown[])
          : (JSON.parse(text) as { Records: unknown[] }).Records;
    records.forEach((record, index) => out.push({ origin: `${file}#${index}`, file, record: record as Record<string, unknown> }));
  }
  return out;
}
