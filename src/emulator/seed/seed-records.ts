import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type JsonObject } from './record-fields';
import { resolveSeedDataDir } from './seed-paths';

/** One real record from resources/seed-data, as parsed, before any re-timing or re-mapping. */
export interface SeedRecord {
  /** `stratus/<technique>.json#<n>`, `panther/cloudtrail_test_events.jsonl:<line>`… */
  source: string;
  /**
   * Records that happened together and move as one when re-timed and re-mapped: a Stratus
   * technique's file. Panther and IAM-guide records are unrelated examples, one group each.
   */
  group: string;
  /** Load order over the whole seed: a stable tie-breaker. */
  seq: number;
  record: JsonObject;
}

const cache = new Map<string, readonly SeedRecord[]>();

/**
 * Every CloudTrail record of the seed data: the Stratus detonation logs (JSON arrays), the Panther
 * rule test events and the IAM user guide examples (JSON Lines). Lines that are not JSON objects
 * are skipped, never repaired: the files are used exactly as published.
 */
export function loadSeedRecords(dir: string = resolveSeedDataDir()): readonly SeedRecord[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const out: SeedRecord[] = [];
  const push = (source: string, group: string, value: unknown): void => {
    if (isObject(value)) out.push({ source, group, seq: out.length, record: value });
  };

  const stratusDir = join(dir, 'stratus');
  for (const file of readdirSync(stratusDir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(join(stratusDir, file), 'utf8'));
    const records = Array.isArray(parsed) ? parsed : [];
    records.forEach((r, i) => push(`stratus/${file}#${i}`, `stratus/${file}`, r));
  }
  for (const file of ['panther/cloudtrail_test_events.jsonl', 'awsdocs-iam-guide/records.jsonl']) {
    readJsonLines(join(dir, file)).forEach((r, line) => push(`${file}:${line + 1}`, `${file}:${line + 1}`, r));
  }
  const frozen = Object.freeze(out);
  cache.set(dir, frozen);
  return frozen;
}

function readJsonLines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.trim()) return undefined;
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return undefined;
      }
    });
}
