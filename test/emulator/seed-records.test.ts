import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventTime, formatEventTime } from '../../src/emulator/seed/event-time';
import { resolveSeedDataDir } from '../../src/emulator/seed/seed-paths';
import { loadSeedRecords } from '../../src/emulator/seed/seed-records';

describe('the bundled seed data', () => {
  it('is found by walking up from the module to resources/seed-data', () => {
    const dir = resolveSeedDataDir();
    expect(dir.replace(/\\/g, '/')).toMatch(/\/resources\/seed-data$/);
    expect(readdirSync(join(dir, 'stratus')).length).toBeGreaterThan(20);
  });

  it('loads every record of every file, as published', () => {
    const dir = resolveSeedDataDir();
    const records = loadSeedRecords(dir);
    const stratusCount = readdirSync(join(dir, 'stratus'))
      .filter((f) => f.endsWith('.json'))
      .reduce((n, f) => n + (JSON.parse(readFileSync(join(dir, 'stratus', f), 'utf8')) as unknown[]).length, 0);
    const lines = (file: string): number => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).length;
    expect(records.filter((r) => r.source.startsWith('stratus/'))).toHaveLength(stratusCount);
    expect(records.filter((r) => r.source.startsWith('panther/'))).toHaveLength(lines('panther/cloudtrail_test_events.jsonl'));
    expect(records.filter((r) => r.source.startsWith('awsdocs-iam-guide/'))).toHaveLength(lines('awsdocs-iam-guide/records.jsonl'));
    // The quirks are there, untouched: p_* fields, lower-case keys, odd times.
    expect(records.some((r) => Object.keys(r.record).some((k) => k.startsWith('p_')))).toBe(true);
    expect(records.some((r) => JSON.stringify(r.record).includes('"accountid"'))).toBe(true);
    expect(records.some((r) => r.record.eventTime === undefined)).toBe(true);
    expect(records.some((r) => r.record.awsRegion === 'redacted')).toBe(true);
    // A Stratus technique is one group; Panther and IAM-guide records are a group each.
    expect(new Set(records.filter((r) => r.source.startsWith('stratus/')).map((r) => r.group)).size).toBe(
      readdirSync(join(dir, 'stratus')).filter((f) => f.endsWith('.json')).length,
    );
  });
});

describe('eventTime layouts', () => {
  it.each([
    ['2024-07-30T21:31:21Z', '2024-07-30T21:31:21Z', Date.UTC(2024, 6, 30, 21, 31, 21)],
    ['2022-12-11 19:42:55', '2022-12-11 19:42:55', Date.UTC(2022, 11, 11, 19, 42, 55)],
    ['2022-12-11 19:42:55.123456789', '2022-12-11 19:42:55.123456789', Date.UTC(2022, 11, 11, 19, 42, 55, 123)],
    ['2022-12-11 19:42:55Z', '2022-12-11 19:42:55Z', Date.UTC(2022, 11, 11, 19, 42, 55)],
  ])('parses %s and writes it back in its own layout', (text, back, ms) => {
    const parsed = parseEventTime(text)!;
    expect(parsed.ms).toBe(ms);
    expect(formatEventTime(parsed.ms, parsed.layout)).toBe(back);
  });

  it.each([['redacted'], ['...'], [undefined], [12345], ['2022-13-45 99:99:99x']])('refuses %s', (value) => {
    expect(parseEventTime(value)).toBeUndefined();
  });
});
