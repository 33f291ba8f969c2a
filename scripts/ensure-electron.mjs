#!/usr/bin/env node
// Makes sure the Electron binary is there before `npm start` needs it. `.npmrc` turns install
// scripts off, so `npm install` never runs Electron's own download (node_modules/electron/
// install.js); this runs it on first start instead, with a time limit, and says in one sentence
// what to do when the download server cannot be reached. Exit 0: the binary is there. Exit 1: it
// is not, and the one sentence was printed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DOWNLOAD_FAILED =
  'Auditdesk could not download the Electron binary (no access to its download server); run `npm run web` to use Auditdesk in your browser instead.';

/** Long enough for a slow link to fetch ~100 MB, short enough that a blocked network does not hang `npm start`. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The binary install.js would have left, if it is there and of this package's version (its own isInstalled test). */
export function installedElectron(electronDir = join(root, 'node_modules', 'electron')) {
  try {
    const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    const relativePath = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', relativePath);
    return installed === version && relativePath && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs Electron's install.js if the binary is missing. Its output (a stack trace when offline) is
 * kept from the user; the caller prints DOWNLOAD_FAILED. Resolves to the binary, or undefined.
 */
export async function ensureElectron({ electronDir = join(root, 'node_modules', 'electron'), timeoutMs = DEFAULT_TIMEOUT_MS, onSlow } = {}) {
  const present = installedElectron(electronDir);
  if (present) return present;
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return undefined;

  const detached = process.platform !== 'win32';
  const child = spawn(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', detached });
  const stop = () => {
    try {
      // The installer may have children of its own: end the whole group it leads.
      if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const slow = onSlow ? setTimeout(onSlow, 3000) : undefined;
  const deadline = setTimeout(stop, timeoutMs);
  const code = await new Promise((done) => {
    child.once('error', () => done(-1));
    child.once('exit', (exitCode) => done(exitCode ?? -1));
  });
  clearTimeout(slow);
  clearTimeout(deadline);
  stop();
  return code === 0 ? installedElectron(electronDir) : undefined;
}

/** The command: exit code 0 or 1; on failure exactly one sentence on stderr, never a stack. */
export async function main({ electronDir, timeoutMs, stdout = process.stdout, stderr = process.stderr } = {}) {
  try {
    const binary = await ensureElectron({
      electronDir,
      timeoutMs,
      onSlow: stdout.isTTY ? () => stdout.write('Downloading the Electron binary (first run only)…\n') : undefined,
    });
    if (binary) return 0;
  } catch {
    // Reported below like any other failure to get the binary.
  }
  stderr.write(`${DOWNLOAD_FAILED}\n`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const timeout = Number(process.env.AUDITDESK_ELECTRON_DOWNLOAD_TIMEOUT_MS);
  process.exitCode = await main({ timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined });
}
