import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import type { IpcResult } from '../../src/shared/ipc/result';
import { EVENTS_CSV_HEADER } from '../../src/main/services/reports/events-report';
import { FINDINGS_CSV_HEADER } from '../../src/main/services/reports/findings-report';
import { maskKeyIds } from '../../src/main/services/reports/report-text';
import { startFindingsHarness, waitForJob, type FindingsHarness } from '../findings/helpers/findings-harness';

const STRATUS = '/work/shared/data/cloudtrail/stratus';
const OUTPUT = join(import.meta.dirname, '..', '..', 'test-output', 'reports');
const JUSTIFICATION = 'Public by design: the marketing site bucket, approved in SEC-301.';

let h: FindingsHarness;
let secrets: string[];
beforeAll(async () => {
  h = await startFindingsHarness();
  const credentials = h.emulator.credentialsFile ? readFileSync(h.emulator.credentialsFile, 'utf8') : '';
  secrets = [...credentials.matchAll(/aws_secret_access_key\s*=\s*(\S+)/g)].map((m) => m[1]!);
  const imported = h.core.events.imports.start({ kind: 'folder', path: STRATUS });
  const report = await imported.done;
  expect(report.eventsInserted).toBeGreaterThan(100);
  const sync = h.core.findings.sync({ regions: ['eu-west-1'] });
  expect((await waitForJob(h.core, sync.jobId)).state).toBe('done');
  const listed = await h.core.findings.list({ filters: { isPublic: true }, sort: { by: 'severity', dir: 'asc' }, limit: 1 });
  const first = listed.rows[0]!;
  await h.core.findings.triage({ ids: [{ id: first.id, analyzerArn: first.analyzerArn }], action: 'note', label: 'accepted-risk', justification: JUSTIFICATION });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}
type Created = ChannelOutput<'reports:create'>;

/** RFC 4180, enough for the tests: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function pdfText(bytes: Buffer, name: string): string {
  // Kept in test-output/ to look at (pdftoppm -png -r 60).
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, name);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function expectNoSecrets(text: string) {
  expect(text).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('events reports', () => {
  it('CSV: every matching event, the columns of events:search, provenance, no key ids in full', async () => {
    const query = 'eventSource:iam.amazonaws.com';
    const created = data<Created>(await h.dispatch('reports:create', { kind: 'events', format: 'csv', query }));
    const search = data<ChannelOutput<'events:search'>>(await h.dispatch('events:search', { query, limit: 1000 }));
    expect(search.nextCursor).toBeUndefined();
    const text = Buffer.from(created.contentBase64!, 'base64').toString('utf8');
    expect(readFileSync(created.path, 'utf8')).toBe(text);
    expect(created.path).toBe(join(h.dataDir, 'reports', `${created.reportId}.csv`));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...EVENTS_CSV_HEADER]);
    expect(rows.length - 1).toBe(search.total);
    expect(created).toMatchObject({ rows: search.total, total: search.total, capped: false, kind: 'events', format: 'csv' });
    for (const [i, event] of search.rows.entries()) {
      const row = rows[i + 1]!;
      expect(row.slice(0, 5)).toEqual([event.eventTime ?? '', event.eventName ?? '', event.eventSource ?? '', event.account ?? '', event.region ?? '']);
      expect(row[5]).toBe(maskKeyIds(event.principal));
      expect(row[12]).toBe(event.eventId);
      expect(row[13]).toMatch(new RegExp(`^import ${STRATUS}/`));
      expect(row[14]).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const withKey = search.rows.find((r) => r.accessKeyId?.match(/^(AKIA|ASIA)/));
    expect(withKey).toBeDefined();
    expect(rows.find((r) => r[12] === withKey!.eventId)![10]).toBe(`${withKey!.accessKeyId!.slice(0, 4)}…${withKey!.accessKeyId!.slice(-4)}`);
    expectNoSecrets(text);
  });

  it('CSV: the cap cuts the export and says so', async () => {
    const small = (await import('../../src/main/services/reports/reports-service')).createReportsService({
      dataDir: h.dataDir,
      jobs: h.core.jobs,
      search: h.core.events.search,
      store: h.core.events.store,
      syncStatus: async () => [],
      findings: h.core.findings,
      workspace: () => h.core.workspace.current(),
      version: '9.9.9',
      rowCap: 25,
    });
    const created = await small.create({ kind: 'events', format: 'csv' });
    const rows = parseCsv(Buffer.from(created.contentBase64!, 'base64').toString('utf8'));
    expect(created.capped).toBe(true);
    expect(rows.length).toBe(1 + 25 + 1);
    expect(rows.at(-1)![0]).toMatch(/^# capped: the newest 25 matching events were exported \(cap 25\)/);
  });

  it('PDF: the scope block, counts, coverage, top values and the events, with page footers', async () => {
    const query = 'errorCode:*';
    const created = data<Created>(await h.dispatch('reports:create', { kind: 'events', format: 'pdf', query, title: 'Failed calls, stratus import' }));
    const search = data<ChannelOutput<'events:search'>>(await h.dispatch('events:search', { query, limit: 5 }));
    expect(search.total).toBeGreaterThan(0);
    const bytes = Buffer.from(created.contentBase64!, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes, 'events.pdf');
    expect(text).toContain('Failed calls, stratus import');
    expect(text).toMatch(/Query\s+errorCode:\*/);
    expect(text).toMatch(/Workspace\s+demo/);
    expect(text).toMatch(new RegExp(`Active profiles\\s+${h.keysProfiles[0]}`));
    expect(text).toMatch(new RegExp(`Matching events\\s+${search.total}`));
    expect(text).toMatch(/Generated at\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(UTC\)/);
    expect(text).toContain(`Auditdesk ${h.core.version}`);
    expect(text).toContain('Index coverage');
    expect(text).toContain('not synced');
    expect(text).toContain(`CloudTrail log files imported from ${STRATUS}`);
    expect(text).toContain('Top error codes');
    for (const row of search.rows) expect(text).toContain(row.eventName!);
    expect(text).toMatch(new RegExp(`Generated by Auditdesk ${h.core.version.replace(/\./g, '\\.')} at .* — ${search.total} of ${search.total} events`));
    expect(text).toMatch(/Page 1 of \d+/);
    expectNoSecrets(text);
    expectNoSecrets(bytes.toString('latin1'));
  });
});

describe('findings reports', () => {
  it('CSV: all findings, status and the last triage with its justification', async () => {
    const created = data<Created>(await h.dispatch('reports:create', { kind: 'findings', format: 'csv' }));
    const all = data<ChannelOutput<'findings:list'>>(await h.dispatch('findings:list', { limit: 5000 }));
    const rows = parseCsv(Buffer.from(created.contentBase64!, 'base64').toString('utf8'));
    expect(rows[0]).toEqual([...FINDINGS_CSV_HEADER]);
    expect(rows.length - 1).toBe(all.total);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(all.rows.map((r) => r.id)));
    const noted = rows.filter((r) => r.at(-1) === JUSTIFICATION);
    expect(noted).toHaveLength(1);
    expect(noted[0]!.slice(20, 22)).toEqual(['note', 'accepted-risk']);
    expectNoSecrets(rows.flat().join('\n'));
  });

  it('PDF: scope, coverage gaps listed, counts, the table and the triage log', async () => {
    const created = data<Created>(await h.dispatch('reports:create', { kind: 'findings', format: 'pdf', filters: { status: ['ACTIVE'] } }));
    const active = data<ChannelOutput<'findings:list'>>(await h.dispatch('findings:list', { filters: { status: ['ACTIVE'] }, limit: 5000 }));
    const coverage = data<ChannelOutput<'findings:coverage'>>(await h.dispatch('findings:coverage', {}));
    const text = pdfText(Buffer.from(created.contentBase64!, 'base64'), 'findings.pdf');
    expect(text).toContain('IAM Access Analyzer findings');
    expect(text).toMatch(/Filters\s+status: ACTIVE/);
    expect(text).toMatch(new RegExp(`Findings in report\\s+${active.total} of ${active.total} matching`));
    const gaps = coverage.entries.filter((e) => e.status === 'missing');
    expect(gaps.length).toBeGreaterThan(0);
    expect(text).toMatch(/Coverage gaps \(\d+\)/);
    expect(text).toContain(`No ${gaps[0]!.kind} access analyzer`);
    expect(text).toContain('Triage log (1)');
    expect(text.replace(/\s+/g, ' ')).toContain(JUSTIFICATION);
    expect(text).toMatch(/Page 1 of \d+/);
    expectNoSecrets(text);
  });

  it('lists earlier reports with their sidecars and serves their content', async () => {
    const list = data<ChannelOutput<'reports:list'>>(await h.dispatch('reports:list', {}));
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.map((r) => r.createdAt)).toEqual([...list.map((r) => r.createdAt)].sort().reverse());
    const got = data<ChannelOutput<'reports:get'>>(await h.dispatch('reports:get', { reportId: list[0]!.reportId }));
    expect(Buffer.from(got.contentBase64, 'base64').equals(readFileSync(list[0]!.path))).toBe(true);
    const bad = await h.dispatch('reports:get', { reportId: '../../etc/passwd' });
    expect(bad.ok).toBe(false);
  });
});
