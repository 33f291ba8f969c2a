import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding package.json and resources/. Found by walking up from this module, because
 * the same code runs from src/ (vitest), from out/main/ (the bundle) and later from an asar.
 */
export function findProjectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Auditdesk installation folder (package.json with resources/).');
    dir = parent;
  }
}
