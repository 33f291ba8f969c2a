#!/usr/bin/env node
// Entry point of the `auditdesk` command. The CLI is bundled with the main process by
// electron-vite (out/main/cli.js); from a source checkout, build it first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write('auditdesk: not built yet. Run "npm run build" in the Auditdesk folder first.\n');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
