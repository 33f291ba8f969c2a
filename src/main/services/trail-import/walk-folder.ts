import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isCandidateFileName, isDigestPath } from './trail-log-path';

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every candidate file under `root`, sorted by path (the import then orders them by delivery
 * time, see delivery-order.ts). Digest files are left out. Symlinked folders
 * are not followed: a link back up the tree would never end.
 */
export async function walkFolder(root: string, signal?: AbortSignal): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const pending = [root];
  while (pending.length > 0) {
    signal?.throwIfAborted();
    const dir = pending.pop() as string;
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (isDigestPath(path)) continue;
      if (entry.isDirectory()) pending.push(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isCandidateFileName(entry.name)) {
        const info = await stat(path).catch(() => null);
        if (info?.isFile()) found.push({ path, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
