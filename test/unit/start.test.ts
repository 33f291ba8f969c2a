import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `npm start` (scripts/start.mjs) in a scratch checkout whose electron and electron-vite are
// fakes that record how they were called.
const scripts = resolve(__dirname, '../../scripts');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'auditdesk-start-'));
  await mkdir(join(root, 'scripts'));
  for (const file of ['start.mjs', 'ensure-electron.mjs']) await copyFile(join(scripts, file), join(root, 'scripts', file));
  await writeFile(join(root, 'package.json'), '{"type":"module"}');
  const electron = join(root, 'node_modules', 'electron');
  await mkdir(join(electron, 'dist'), { recursive: true });
  await writeFile(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
  await writeFile(join(electron, 'install.js'), 'console.error(new Error("getaddrinfo ENOTFOUND github.com").stack); process.exit(1);');
  await mkdir(join(root, 'node_modules', 'electron-vite', 'bin'), { recursive: true });
  await fakeBuild(0);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function installFakeElectron(exitCode: number) {
  const dist = join(root, 'node_modules', 'electron', 'dist');
  const binary = join(dist, 'electron');
  await writeFile(
    binary,
    `#!/bin/sh\nprintf 'electron cwd=%s args=%s renderer=%s\\n' "$PWD" "$*" "\${ELECTRON_RENDERER_URL:-unset}" >> "${join(root, 'calls.log')}"\nexit ${exitCode}\n`,
  );
  await chmod(binary, 0o755);
  await writeFile(join(dist, 'version'), 'v41.7.1');
  await writeFile(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
}

async function fakeBuild(exitCode: number) {
  await writeFile(
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    `require('fs').appendFileSync(${JSON.stringify(join(root, 'calls.log'))}, 'electron-vite ' + process.argv.slice(2).join(' ') + '\\n'); process.exit(${exitCode});`,
  );
  await writeFile(join(root, 'node_modules', 'electron-vite', 'package.json'), '{"type":"commonjs"}');
}

function start(args: string[]): Promise<{ code: number | null; out: string; calls: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ELECTRON_RENDERER_URL: 'http://evil.example/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', async (code) => {
      const log = await readFile(join(root, 'calls.log'), 'utf8').catch(() => '');
      done({ code, out, calls: log.trim().split('\n').filter(Boolean) });
    });
  });
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('builds, then runs Electron on the build with the extra arguments, and exits with its code', async () => {
    await installFakeElectron(3);
    const run = await start(['--data-dir', '/tmp/auditdesk data']);
    expect(run.calls).toEqual(['electron-vite build', `electron cwd=${root} args=. --data-dir /tmp/auditdesk data renderer=unset`]);
    expect(run.code).toBe(3);
  });

  it('stops when the build fails, without starting Electron', async () => {
    await installFakeElectron(0);
    await fakeBuild(5);
    const run = await start([]);
    expect(run.code).toBe(5);
    expect(run.calls).toEqual(['electron-vite build']);
  });

  it('says in one sentence what to do when the binary cannot be downloaded, and builds nothing', async () => {
    const run = await start([]);
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      'Auditdesk could not download the Electron binary (no access to its download server); run `npm run web` to use Auditdesk in your browser instead.\n',
    );
    expect(run.calls).toEqual([]);
  });
});
