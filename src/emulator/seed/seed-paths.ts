import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED_SUBDIR = join('resources', 'seed-data');

/**
 * The bundled seed data folder (resources/seed-data). Found by walking up from this module to the
 * folder holding package.json, because the same code runs from src/emulator/seed (vitest),
 * from out/main/*.js (the electron-vite bundle) and later from an installed app; the working
 * directory is a last resort for the CLI run from the repository.
 */
export function resolveSeedDataDir(): string {
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // A CommonJS bundle has no import.meta.url; the other starting points still apply.
  }
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string') starts.push(resourcesPath);
  starts.push(process.cwd());
  for (const start of starts) {
    const found = walkUp(start);
    if (found) return found;
  }
  throw new Error(`Cannot find the seed data folder (${SEED_SUBDIR}) above ${starts.join(', ')}`);
}

function walkUp(start: string): string | undefined {
  let dir = start;
  for (;;) {
    // A packaged app keeps seed-data directly under its resources folder, without package.json.
    if (existsSync(join(dir, 'seed-data', 'stratus'))) return join(dir, 'seed-data');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, SEED_SUBDIR))) return join(dir, SEED_SUBDIR);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
