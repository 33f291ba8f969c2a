import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * DuckDB reads a path as a glob: a file whose name holds `*?[]{}` is read through a symlink with
 * a plain name.
 */
export function createAliases() {
  let dir: string | undefined;
  let count = 0;
  return {
    async readPathFor(path: string): Promise<string> {
      if (!/[*?[\]{}]/.test(path)) return path;
      dir ??= await mkdtemp(join(tmpdir(), 'auditdesk-import-'));
      count += 1;
      const alias = join(dir, `${count}.json`);
      await symlink(path, alias);
      return alias;
    },
    async dispose() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
