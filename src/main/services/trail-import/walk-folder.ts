import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isCandidateFileName, isDigestPath } from './trail-log-path';
import { compareText } from '../../../shared/compare-text';

export interface FoundFile {
  path: string;
}

/** Folders listed at once: a trail folder has thousands of day folders of a few files each. */
const PARALLEL_READDIRS = 32;

/**
 * Every candidate file under `root`, sorted by path (the import then orders them by delivery
 * time, see delivery-order.ts). Digest files are left out. Symlinked folders are not followed:
 * a link back up the tree would never end. Only symbolic links are stat'ed here (a link to a
 * folder is not a file); the import stats each file when it reads it, so a walk of tens of
 * thousands of files costs one readdir per folder.
 */
export async function walkFolder(root: string, signal?: AbortSignal): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const pending = [root];
  while (pending.length > 0) {
    signal?.throwIfAborted();
    const listed = await Promise.all(pending.splice(0, PARALLEL_READDIRS).map(async (dir) => ({ dir, entries: await readdir(dir, { withFileTypes: true }) })));
    const links: string[] = [];
    for (const { dir, entries } of listed) {
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (isDigestPath(path)) continue;
        if (entry.isDirectory()) pending.push(path);
        else if (!isCandidateFileName(entry.name)) continue;
        else if (entry.isFile()) found.push({ path });
        else if (entry.isSymbolicLink()) links.push(path);
      }
    }
    const linkedFiles = await Promise.all(links.map(async (path) => ((await stat(path).catch(() => null))?.isFile() ? path : null)));
    for (const path of linkedFiles) if (path !== null) found.push({ path });
  }
  return found.sort((a, b) => compareText(a.path, b.path));
}
