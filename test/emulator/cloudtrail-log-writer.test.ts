import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { writeTrailLogs } from '../../src/emulator/services/cloudtrail/trail-log-writer';
import { readLogFile } from './helpers/ct-gunzip';
import { ctWorld } from './helpers/ct-world';

let dir: string;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ct-logs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeTrailLogs', () => {
  it('writes every seed event once per layout, as gzip files that parse, in both layouts', async () => {
    const world = ctWorld();
    const out = join(dir, 'both');
    const result = await writeTrailLogs({ world, dir: out, layout: 'both' });
    const seedEvents = getWorldEvents(world).seedEvents;
    const byId = new Map(seedEvents.map((e) => [e.eventId, e]));
    expect(result.events).toBe(2 * seedEvents.length);
    const files = await filesUnder(out);
    expect(files.length).toBe(result.files);

    const orgPattern = new RegExp(
      `^AWSLogs/${world.organizationId}/(\\d{12})/CloudTrail/([a-z0-9-]+)/(\\d{4})/(\\d{2})/(\\d{2})/\\1_CloudTrail_\\2_\\3\\4\\5T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`,
    );
    const accountPattern = /^AWSLogs\/(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_CloudTrail_\2_\3\4\5T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/;
    const org = files.filter((f) => orgPattern.test(f));
    const account = files.filter((f) => accountPattern.test(f));
    expect(org.length + account.length).toBe(files.length);
    expect(org.length).toBe(account.length);

    for (const [layoutFiles, pattern] of [
      [org, orgPattern],
      [account, accountPattern],
    ] as const) {
      const ids: string[] = [];
      for (const file of layoutFiles) {
        const [, accountId, region] = pattern.exec(file)!;
        for (const record of readLogFile(await readFile(join(out, file)))) {
          const id = String(record.eventID ?? record.eventid);
          const event = byId.get(id)!;
          expect(event.accountId).toBe(accountId);
          expect(event.region).toBe(region);
          expect(JSON.stringify(record)).toBe(event.json);
          ids.push(id);
        }
      }
      expect(ids.sort()).toEqual(seedEvents.map((e) => e.eventId).sort());
    }
  });

  it('streams a scale world (20000 events per account) file by file', async () => {
    const world = ctWorld({ eventsPerAccount: 20_000, accounts: 2, regions: ['us-east-1'] });
    const out = join(dir, 'scale');
    const result = await writeTrailLogs({ world, dir: out, layout: 'organization' });
    const seedCount = getWorldEvents(world).seedEvents.length;
    expect(result.events).toBe(2 * 20_000 + seedCount);
    const files = await filesUnder(out);
    expect(files.length).toBe(result.files);
    // Spot-check a few files: they parse, and their records are in time order.
    for (const file of [files[0]!, files[Math.floor(files.length / 2)]!, files[files.length - 1]!]) {
      const records = readLogFile(await readFile(join(out, file)));
      expect(records.length).toBeGreaterThan(0);
      const times = records.map((r) => String(r.eventTime)).filter((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(t)).map((t) => Date.parse(t));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });
});
