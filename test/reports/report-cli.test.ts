import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report';
import { EVENTS_CSV_HEADER } from '../../src/main/services/reports/events-report';

const dir = mkdtempSync(join(tmpdir(), 'auditdesk-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await reportCommand.run({ args, stdout, stderr, env: {}, interrupted: new Promise(() => undefined) });
  return { code, out, err };
}

describe('auditdesk report', () => {
  it('writes an events CSV to --out and the reports folder', async () => {
    const out = join(dir, 'events.csv');
    const result = await run(['events', '--format', 'csv', '--query', 'eventName:CreateUser', '--out', out, '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(`${EVENTS_CSV_HEADER.join(',')}\r\n`);
    expect(result.err).toContain('0 of 0 events');
  });

  it('writes a findings PDF even before any sync, saying coverage is unknown', async () => {
    const result = await run(['findings', '--format', 'pdf', '--status', 'active', '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    const path = result.out.trim();
    expect(path.startsWith(join(dir, 'data', 'reports'))).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a missing format, an unknown kind and a bad status with exit code 2', async () => {
    expect((await run(['events'])).code).toBe(2);
    expect((await run(['activity', '--format', 'csv'])).code).toBe(2);
    expect((await run(['findings', '--format', 'pdf', '--status', 'open'])).code).toBe(2);
  });
});
