import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the Access Analyzer seed files live, relative to the project root (the folder with package.json). */
export const SEED_SUBDIR = join('resources', 'seed-data', 'accessanalyzer');

/**
 * Finds resources/seed-data/accessanalyzer by walking up from a start folder to the folder that
 * holds package.json. The same code runs from src/ under vitest, from out/main/*.js once
 * electron-vite has bundled it (where this module's own folder is out/main), and from inside an
 * asar archive, so nothing here may assume a fixed depth.
 */
export function findAccessAnalyzerSeedDir(startDirs: readonly (string | undefined)[] = defaultStartDirs()): string {
  const tried: string[] = [];
  for (const start of startDirs) {
    if (!start) continue;
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'package.json'))) {
        const candidate = join(dir, SEED_SUBDIR);
        if (existsSync(candidate)) return candidate;
        tried.push(candidate);
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`Access Analyzer seed data not found (looked for ${SEED_SUBDIR} above: ${startDirs.filter(Boolean).join(', ')}; tried ${tried.join(', ') || 'nothing'})`);
}

function defaultStartDirs(): (string | undefined)[] {
  return [moduleDir(), process.cwd()];
}

/** `__dirname` exists when bundled to CommonJS; `import.meta.url` when run as ESM (vitest, out/main ESM). */
function moduleDir(): string | undefined {
  if (typeof __dirname === 'string') return __dirname;
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}
