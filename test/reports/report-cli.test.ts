import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENTS_CSV_HEADER } from '../../src/main/services/reports/events-report';
import { runCliCaptured } from '../helpers/cli-runner';

const dir = mkdtempSync(join(tmpdir(), 'auditdesk-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No AWS at all: a report reads the local index only.
const run = (args: string[]) => runCliCaptured(['report', ...args], {});

describe('auditdesk report', () => {
  it('writes an events CSV to --out and the reports folder', async () => {
    const out = join(dir, 'events.csv');
    const result = await run(['events', '--format', 'csv', '--query', 'eventName:CreateUser', '--out', out, '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(`${EVENTS_CSV_HEADER.join(',')}\r\n`);
    expect(result.stderr).toContain('0 of 0 events');
  });

  it('writes a findings PDF even before any sync, saying coverage is unknown', async () => {
    const result = await run(['findings', '--format', 'pdf', '--status', 'active', '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    const path = result.stdout.trim();
    expect(path.startsWith(join(dir, 'data', 'reports'))).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a missing format, an unknown kind and a bad status with exit code 2', async () => {
    expect((await run(['events'])).code).toBe(2);
    expect((await run(['activity', '--format', 'csv'])).code).toBe(2);
    expect((await run(['findings', '--format', 'pdf', '--status', 'open'])).code).toBe(2);
  });
});
