import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/lint-security.mjs as CI runs it, over small fixtures: what blocks, what the allowlist
// excuses, and the ways the allowlist itself can be wrong.
const script = resolve(__dirname, '../../scripts/lint-security.mjs');
const CSP_PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body></body></html>`;

/** Hardened except for one openExternal call: a single MEDIUM finding. */
const ONE_FINDING = `
import { app, BrowserWindow, session, shell } from 'electron';
export function harden(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
export const open = (url: string): Promise<void> => shell.openExternal(url);
export const limits = { width: 800 } satisfies Record<string, number>;
export const window = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
`;

const INSECURE = `
import { BrowserWindow } from 'electron';
export const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });
`;

interface Run {
  code: number | null;
  out: string;
}

function lint(input: string, allowlist: unknown): Promise<Run> {
  return (async () => {
    const file = join(input, '..', `${input.split(/[\\/]/).pop()}-allowlist-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, typeof allowlist === 'string' ? allowlist : JSON.stringify(allowlist));
    return new Promise<Run>((done, fail) => {
      const child = spawn(process.execPath, [script, '--input', input, '--allowlist', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('error', fail);
      child.on('close', (code) => done({ code, out }));
    });
  })();
}

let dir: string;
const runs: Record<string, Promise<Run>> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auditdesk-lint-security-'));
  const fixture = async (name: string, files: Record<string, string>) => {
    await mkdir(join(dir, name));
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, name, file), text);
    return join(dir, name);
  };
  const oneFinding = await fixture('one-finding', { 'main.ts': ONE_FINDING, 'index.html': CSP_PAGE });
  const insecure = await fixture('insecure', { 'main.ts': INSECURE, 'index.html': CSP_PAGE });
  const unparseable = await fixture('unparseable', { 'main.ts': ONE_FINDING, 'broken.ts': 'export const = ;', 'index.html': CSP_PAGE });
  const entry = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main.ts', reason: 'The fixture opens only constant https URLs.' };
  // Electronegativity takes a few seconds to load; the runs go in parallel.
  Object.assign(runs, {
    blocking: lint(oneFinding, []),
    allowed: lint(oneFinding, [entry]),
    stale: lint(oneFinding, [entry, { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main.ts', reason: 'Was there once.' }]),
    emptyReason: lint(oneFinding, [{ ...entry, reason: '  ' }]),
    missingReason: lint(oneFinding, [{ check: entry.check, file: entry.file }]),
    notJson: lint(oneFinding, '[{"check": '),
    insecure: lint(insecure, []),
    unparseable: lint(unparseable, [entry]),
  });
  await Promise.all(Object.values(runs));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scripts/lint-security.mjs', () => {
  it('fails on a MEDIUM finding that is not allowlisted, and shows it in the table', async () => {
    const run = await runs.blocking!;
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/BLOCKING\s+MEDIUM\/TENTATIVE\s+OPEN_EXTERNAL_JS_CHECK\s+main\.ts:\d+:\d+/);
  });

  it('passes when every HIGH/MEDIUM finding is allowlisted with a reason; LOW findings are informational', async () => {
    const run = await runs.allowed!;
    expect(run.out).toMatch(/allowed\s+MEDIUM\/TENTATIVE\s+OPEN_EXTERNAL_JS_CHECK/);
    expect(run.out).toMatch(/info\s+LOW\//);
    expect(run.out).toContain('lint:security passed.');
    expect(run.code).toBe(0);
  });

  it('fails on a stale allowlist entry, naming it', async () => {
    const run = await runs.stale!;
    expect(run.code).toBe(1);
    expect(run.out).toContain('Stale allowlist entry: NODE_INTEGRATION_JS_CHECK in main.ts');
  });

  it.each([
    ['a blank reason', 'emptyReason', /needs a non-empty "reason"/],
    ['no reason', 'missingReason', /needs a non-empty "reason"/],
    ['an allowlist that is not JSON', 'notJson', /is not valid JSON/],
  ])('refuses %s with exit code 2 and one line, no stack', async (_name, key, message) => {
    const run = await runs[key]!;
    expect(run.code).toBe(2);
    expect(run.out).toMatch(message);
    expect(run.out).not.toMatch(/\n\s+at /);
  });

  it('catches the classic misconfigurations as HIGH/MEDIUM', async () => {
    const run = await runs.insecure!;
    expect(run.code).toBe(1);
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(run.out).toMatch(new RegExp(`BLOCKING\\s+(HIGH|MEDIUM)/\\w+\\s+${check}`));
    }
  });

  it('blocks an explicit nodeIntegration: true, which Electronegativity rates only INFORMATIONAL', async () => {
    const run = await runs.insecure!;
    expect(run.out).toMatch(/BLOCKING\s+INFORMATIONAL\/FIRM\s+NODE_INTEGRATION_JS_CHECK/);
  });

  it('fails when a file cannot be parsed, because it was not checked', async () => {
    const run = await runs.unparseable!;
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Could not parse broken\.ts, so it was not checked/);
  });
});
