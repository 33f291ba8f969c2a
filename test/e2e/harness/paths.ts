import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const cliEntry = join(repoRoot, 'bin', 'auditdesk.mjs');
export const screenshotDir = join(repoRoot, 'test-output', 'e2e');
export const builtFiles = [join(repoRoot, 'out', 'renderer', 'index.html'), join(repoRoot, 'out', 'main', 'cli.js')];
