import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// scripts/ensure-electron.mjs against fake node_modules/electron folders whose install.js fails,
// hangs or succeeds: no real download is ever attempted from a test.
interface EnsureElectron {
  DOWNLOAD_FAILED: string;
  installedElectron(electronDir: string): string | undefined;
  ensureElectron(opts: { electronDir: string; timeoutMs?: number }): Promise<string | undefined>;
  main(opts: { electronDir: string; timeoutMs?: number; stdout?: Writable; stderr?: Writable }): Promise<number>;
}

let script: EnsureElectron;
let dir: string;

beforeAll(async () => {
  const path = resolve(__dirname, '../../scripts/ensure-electron.mjs');
  script = (await import(path)) as EnsureElectron;
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auditdesk-electron-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VERSION = '41.7.1';

async function fakeElectron(install: string): Promise<string> {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  await writeFile(join(dir, 'install.js'), install);
  return dir;
}

/** What install.js leaves behind when the download worked. */
const SUCCEEDS = `
const fs = require('fs'); const path = require('path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n');
fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v${VERSION}');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;
/** What install.js does offline: a stack trace and exit code 1. */
const FAILS = `console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);`;
/** A firewall that drops packets: the request never ends. Records its pid so the test can check it was killed. */
const HANGS = `require('fs').writeFileSync(require('path').join(__dirname, 'pid'), String(process.pid)); setInterval(() => {}, 1000);`;

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  return { stream, text: () => text };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ensure-electron', () => {
  it('uses an installed binary without running install.js', async () => {
    const electronDir = await fakeElectron('throw new Error("must not run")');
    await mkdir(join(electronDir, 'dist'));
    await writeFile(join(electronDir, 'dist', 'electron'), '');
    await writeFile(join(electronDir, 'dist', 'version'), `v${VERSION}`);
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    await expect(script.ensureElectron({ electronDir })).resolves.toBe(join(electronDir, 'dist', 'electron'));
  });

  it('does not trust a binary of another version', async () => {
    const electronDir = await fakeElectron(FAILS);
    await mkdir(join(electronDir, 'dist'));
    await writeFile(join(electronDir, 'dist', 'electron'), '');
    await writeFile(join(electronDir, 'dist', 'version'), 'v40.0.0');
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    expect(script.installedElectron(electronDir)).toBeUndefined();
  });

  it('runs install.js when the binary is missing, and finds what it installed', async () => {
    const electronDir = await fakeElectron(SUCCEEDS);
    expect(script.installedElectron(electronDir)).toBeUndefined();
    await expect(script.ensureElectron({ electronDir })).resolves.toBe(join(electronDir, 'dist', 'electron'));
  });

  it('fails in one sentence, exit code 1, no stack, when the download fails', async () => {
    const electronDir = await fakeElectron(FAILS);
    const stdout = sink();
    const stderr = sink();
    const started = Date.now();
    const code = await script.main({ electronDir, stdout: stdout.stream, stderr: stderr.stream });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stderr.text()).toBe(`${script.DOWNLOAD_FAILED}\n`);
    expect(stdout.text()).toBe('');
    expect(script.DOWNLOAD_FAILED).toBe(
      'Auditdesk could not download the Electron binary (no access to its download server); run `npm run web` to use Auditdesk in your browser instead.',
    );
  });

  it('gives up on a download that hangs when the time limit is reached, and ends the installer', async () => {
    const electronDir = await fakeElectron(HANGS);
    const stderr = sink();
    const started = Date.now();
    const code = await script.main({ electronDir, timeoutMs: 1500, stdout: sink().stream, stderr: stderr.stream });
    const elapsed = Date.now() - started;
    expect(code).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(10_000);
    expect(stderr.text()).toBe(`${script.DOWNLOAD_FAILED}\n`);
    const pid = Number(await readFile(join(electronDir, 'pid'), 'utf8'));
    expect(isAlive(pid)).toBe(false);
  });

  it('fails cleanly when node_modules/electron has no install.js', async () => {
    const stderr = sink();
    await expect(script.main({ electronDir: join(dir, 'missing'), stdout: sink().stream, stderr: stderr.stream })).resolves.toBe(1);
    expect(stderr.text()).toBe(`${script.DOWNLOAD_FAILED}\n`);
  });
});
