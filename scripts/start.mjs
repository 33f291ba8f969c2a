#!/usr/bin/env node
// `npm start`: the desktop app from a source checkout. Gets the Electron binary if it is missing
// (scripts/ensure-electron.mjs), builds with electron-vite, then runs Electron on the build.
// Extra arguments go to the app: `npm start -- --data-dir /tmp/auditdesk`.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as ensureElectronMain, installedElectron } from './ensure-electron.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (error) => {
      process.stderr.write(`Could not start ${command}: ${error.message}\n`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const ensured = await ensureElectronMain();
if (ensured !== 0) process.exit(ensured);

const built = await run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
if (built !== 0) process.exit(built);

// The built app, as `electron-vite preview` would start it, minus variables that would turn it
// into something else: a dev-server URL, or Electron running as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RENDERER_URL;
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await run(installedElectron(), ['.', ...process.argv.slice(2)], env));
