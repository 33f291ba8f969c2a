import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { importFolder, type ImportProgress } from '../../src/main/services/trail-import/import-folder';
import { classify } from '../../src/main/services/trail-import/sniff-file';
import { isCandidateFileName, isDigestPath, parseTrailLogPath } from '../../src/main/services/trail-import/trail-log-path';
import { readRows } from '../../src/main/store/duckdb-database';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { CLOUDTRAIL_DATA, loadRealRecords } from './helpers/real-data';

const stratus = loadRealRecords().filter((r) => r.file.startsWith('stratus/'));
const provenance = { source: 'import' as const, sourceRef: null, profile: null, retrievedAt: '2024-01-01T00:00:00Z' };
const keysOf = (records: unknown[]) => new Set(records.map((r) => normalizeEvent(r as object, provenance).key));

let dir: string;
let store: EventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auditdesk-import-'));
  store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2 });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Stratus records spread over both S3 layouts of a trail, one file per 20 records, gzip'd. */
function writeTrailFolder(root: string): { records: unknown[]; files: string[] } {
  const records = stratus.map((r) => r.record);
  const files: string[] = [];
  for (let i = 0; i < records.length; i += 20) {
    const chunk = records.slice(i, i + 20);
    const org = (i / 20) % 2 === 1;
    const account = org ? '222222222222' : '111111111111';
    const day = String(1 + (i / 20) % 28).padStart(2, '0');
    const base = org ? join(root, 'AWSLogs', 'o-a1b2c3d4e5', account) : join(root, 'AWSLogs', account);
    const name = `${account}_CloudTrail_us-east-1_202408${day}T0000Z_${i}.json.gz`;
    files.push(write(join(base, 'CloudTrail', 'us-east-1', '2024', '08', day, name), gzipSync(JSON.stringify({ Records: chunk }))));
  }
  // A digest proves integrity and holds no events: never read, never reported.
  write(
    join(root, 'AWSLogs', '111111111111', 'CloudTrail-Digest', 'us-east-1', '2024', '08', '01', '111111111111_CloudTrail-Digest_us-east-1_trail_us-east-1_20240801T000000Z.json.gz'),
    gzipSync(JSON.stringify({ awsAccountId: '111111111111', digestStartTime: '2024-08-01T00:00:00Z', logFiles: [] })),
  );
  return { records, files };
}

describe('import from a folder', () => {
  it('imports the parser edge cases and reports each bad file with its path and reason', async () => {
    const progress: ImportProgress[] = [];
    const summary = await importFolder({ store, folder: join(CLOUDTRAIL_DATA, 'parser-edge-cases'), onProgress: (p) => progress.push(p) });
    const failed = Object.fromEntries(summary.failed.map((f) => [f.path.split('/').pop(), f.reason]));
    expect(failed['SerializerTestFileBadJsonFormat.json']).toMatch(/^Malformed JSON at byte 1294/);
    expect(failed.SQSMessageBody).toMatch(/^Not CloudTrail-shaped/);
    expect(failed.SQSMessageBodyWrongFormat).toMatch(/^Not CloudTrail-shaped/);
    expect(summary.failed).toHaveLength(3);
    for (const f of summary.failed) expect(f.path.startsWith(join(CLOUDTRAIL_DATA, 'parser-edge-cases'))).toBe(true);
    // Every record of the readable files, the gzip'd copy of one of them deduplicated.
    const readable = loadRealRecords().filter((r) => r.file.startsWith('parser-edge-cases/'));
    expect(summary.imported + summary.duplicates).toBe(readable.length);
    expect(await store.count()).toBe(summary.imported);
    expect(summary.filesImported).toBe(summary.files - 3);
    expect(progress.at(-1)).toMatchObject({ filesDone: summary.files, filesTotal: summary.files, errors: 3, currentFile: null });
  });

  it('imports both AWSLogs layouts, skips digests, and adds nothing when run again', async () => {
    const { records, files } = writeTrailFolder(dir);
    const first = await importFolder({ store, folder: join(dir, 'AWSLogs') });
    expect(first).toMatchObject({ files: files.length, filesImported: files.length, imported: keysOf(records).size, failed: [], cancelled: false });
    expect(await store.count()).toBe(keysOf(records).size);

    const again = await importFolder({ store, folder: join(dir, 'AWSLogs') });
    expect(again).toMatchObject({ files: files.length, filesSkipped: files.length, filesImported: 0, imported: 0, duplicates: 0 });

    // A touched file (same content) is recognised by its hash; a changed one is read again.
    utimesSync(files[0] as string, new Date(), new Date('2030-01-01'));
    const changed = files[1] as string;
    const extra = { ...(stratus[0]?.record as object), eventID: 'added-later-0000' };
    const content = JSON.parse(gunzipSync(readFileSync(changed)).toString('utf8')) as { Records: unknown[] };
    writeFileSync(changed, gzipSync(JSON.stringify({ Records: [...content.Records, extra] })));
    const third = await importFolder({ store, folder: join(dir, 'AWSLogs') });
    expect(third).toMatchObject({ filesSkipped: files.length - 1, filesImported: 1, imported: 1, duplicates: content.Records.length });
    expect(await store.count()).toBe(keysOf(records).size + 1);
    expect((await store.sources())[0]).toMatchObject({ kind: 'import', ref: join(dir, 'AWSLogs'), filesDone: files.length + 1, lastStatus: 'done' });
  });

  it('tells formats and compression from the content, not the name', async () => {
    const records = stratus.slice(0, 12).map((r) => r.record);
    write(join(dir, 'in', 'gzip-named.json'), gzipSync(JSON.stringify({ Records: records.slice(0, 3) })));
    write(join(dir, 'in', 'plain-named.json.gz'), JSON.stringify({ Records: records.slice(3, 6) }));
    write(join(dir, 'in', 'lines.jsonl'), records.slice(6, 9).map((r) => JSON.stringify(r)).join('\n'));
    write(join(dir, 'in', 'array.json'), JSON.stringify(records.slice(9, 11), null, 2));
    write(join(dir, 'in', 'glob[1]*.json'), JSON.stringify({ Records: records.slice(11, 12) }));
    write(join(dir, 'in', 'empty.json'), '');
    write(join(dir, 'in', 'notes.txt'), 'not a log');
    write(join(dir, 'in', 'broken.json.gz'), gzipSync(JSON.stringify({ Records: records })).subarray(0, 200));
    const summary = await importFolder({ store, folder: join(dir, 'in') });
    expect(summary.imported).toBe(keysOf(records).size);
    expect(summary.files).toBe(7);
    expect(summary.failed).toEqual([{ path: join(dir, 'in', 'broken.json.gz'), reason: expect.stringMatching(/Malformed JSON|gzip|unexpected end/i) }]);
  });

  it('reads CloudTrail-named logs by their name, and as their content says when that is not a trail file', async () => {
    const records = stratus.slice(0, 10).map((r) => r.record);
    const folder = join(dir, 'AWSLogs', '111111111111', 'CloudTrail', 'us-east-1', '2024', '08', '01');
    const name = (id: string) => `111111111111_CloudTrail_us-east-1_20240801T0000Z_${id}.json.gz`;
    write(join(folder, name('trail')), gzipSync(JSON.stringify({ Records: records.slice(0, 4) })));
    write(join(folder, name('lines')), gzipSync(records.slice(4, 7).map((r) => JSON.stringify(r)).join('\n')));
    write(join(folder, name('plain')), JSON.stringify({ Records: records.slice(7, 9) }));
    write(join(folder, name('array')), gzipSync(JSON.stringify(records.slice(9, 10))));
    write(join(folder, name('no-records')), gzipSync(JSON.stringify({ Records: [] })));
    write(join(folder, name('empty')), gzipSync(''));
    write(join(folder, name('truncated')), gzipSync(JSON.stringify({ Records: records })).subarray(0, 200));
    const summary = await importFolder({ store, folder: join(dir, 'AWSLogs') });
    expect(summary.imported).toBe(keysOf(records).size);
    expect(summary.failed).toEqual([{ path: join(folder, name('truncated')), reason: expect.stringMatching(/Malformed JSON|gzip|unexpected end/i) }]);
    expect(summary.filesImported).toBe(6);
  });

  it('finds one bad file among thousands read together, and imports the others', async () => {
    const records = stratus.map((r) => r.record);
    const count = 2100; // more than one DuckDB statement's files (STATEMENT_FILES)
    const bad = 2070;
    for (let i = 0; i < count; i++) {
      const record = { ...(records[i % records.length] as object), eventID: `bulk-${i}` };
      const content = i === bad ? '{"Records": [{"eventID": ' : JSON.stringify({ Records: [record] });
      write(join(dir, 'bulk', `f${String(i).padStart(5, '0')}.json`), content);
    }
    const summary = await importFolder({ store, folder: join(dir, 'bulk') });
    expect(summary.failed.map((f) => f.path)).toEqual([join(dir, 'bulk', `f0${bad}.json`)]);
    expect(summary.imported).toBe(count - 1);
    expect(summary.filesImported).toBe(count - 1);
    expect(await store.count()).toBe(count - 1);
  });

  it('reads the files of one read account by account, so that the events of an account lie together', async () => {
    // Two accounts' logs, delivered in turns: read in delivery order alone, the stored events
    // would change account at every file.
    const records = stratus.map((r) => r.record);
    const files = 60;
    for (let i = 0; i < files; i++) {
      const account = i % 2 === 0 ? '111111111111' : '222222222222';
      const minute = String(i).padStart(2, '0');
      const chunk = Array.from({ length: 10 }, (_, j) => ({ ...(records[(i * 10 + j) % records.length] as object), eventID: `clustered-${i}-${j}`, recipientAccountId: account }));
      const name = `${account}_CloudTrail_us-east-1_20240801T00${minute}Z_${i}.json.gz`;
      write(join(dir, 'logs', 'AWSLogs', account, 'CloudTrail', 'us-east-1', '2024', '08', '01', name), gzipSync(JSON.stringify({ Records: chunk })));
    }
    const summary = await importFolder({ store, folder: join(dir, 'logs'), groupFiles: 30 });
    expect(summary).toMatchObject({ failed: [], imported: files * 10 });
    const accounts = await store.read(async (c) => (await readRows(c, 'SELECT account FROM events ORDER BY rowid')).map((r) => String(r.account)));
    const switches = accounts.slice(1).filter((account, i) => account !== accounts[i]).length;
    // One per read and one between reads; DuckDB reads files side by side, which blurs the seams
    // (measured: 2 to 7 switches over 60 files, against 59 in delivery order alone).
    expect(switches).toBeLessThanOrEqual(15);
  });

  it('keeps what it stored when cancelled, and a rerun ends with the same index as one full run', async () => {
    const { records } = writeTrailFolder(join(dir, 'logs'));
    const controller = new AbortController();
    const partial = await importFolder({
      store,
      folder: join(dir, 'logs'),
      signal: controller.signal,
      flushRows: 20,
      groupFiles: 1,
      onProgress: (p) => {
        if (p.filesDone >= 4) controller.abort();
      },
    });
    expect(partial.cancelled).toBe(true);
    const stored = await store.count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(keysOf(records).size);

    const resumed = await importFolder({ store, folder: join(dir, 'logs'), flushRows: 20, groupFiles: 1 });
    expect(resumed.cancelled).toBe(false);
    expect(resumed.filesSkipped).toBeGreaterThan(0);
    expect(resumed.imported).toBe(keysOf(records).size - stored);
    expect(await store.count()).toBe(keysOf(records).size);
  });
});

describe('file layout and format helpers', () => {
  it('reads the account and organization layouts', () => {
    expect(parseTrailLogPath('/x/AWSLogs/111111111111/CloudTrail/us-east-1/2024/08/01/f.json.gz')).toEqual({ organizationId: null, account: '111111111111', kind: 'CloudTrail', region: 'us-east-1', day: '2024-08-01' });
    expect(parseTrailLogPath('AWSLogs/o-a1b2c3d4e5/222222222222/CloudTrail-Insight/eu-west-1/2024/08/01/f.json.gz')).toMatchObject({ organizationId: 'o-a1b2c3d4e5', kind: 'CloudTrail-Insight' });
    expect(parseTrailLogPath('/somewhere/f.json')).toBeNull();
    expect(isDigestPath('AWSLogs/1/CloudTrail-Digest/us-east-1/2024/08/01/x.json.gz')).toBe(true);
    expect(isDigestPath('AWSLogs/1/CloudTrail/us-east-1/2024/08/01/x.json.gz')).toBe(false);
    expect(['a.json', 'a.json.gz', 'a.jsonl', 'a.gz', 'SQSMessageBody'].every(isCandidateFileName)).toBe(true);
    expect(['a.txt', '.DS_Store', 'a.json.bak'].some(isCandidateFileName)).toBe(false);
  });

  it('classifies the start of a file', () => {
    expect(classify('  {"Records": [', 'none')).toEqual({ kind: 'data', format: 'records', compression: 'none' });
    expect(classify('[{"eventID": "1"}]', 'gzip')).toMatchObject({ format: 'json-array' });
    expect(classify('{"eventID": "1"}\n{"eventID": "2"}', 'none')).toMatchObject({ format: 'json-lines' });
    expect(classify('{\n  "eventID": "1"\n}', 'none')).toMatchObject({ format: 'json-objects' });
    expect(classify(' \n ', 'none')).toEqual({ kind: 'empty', compression: 'none' });
    expect(classify('eventID,eventName', 'none')).toMatchObject({ kind: 'invalid' });
  });
});
