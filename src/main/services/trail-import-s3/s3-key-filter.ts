import { isCandidateFileName, isDigestPath, parseTrailLogPath } from '../trail-import/trail-log-path';

/** Which objects of a bucket an import takes, from the CloudTrail key structure. */
export interface S3KeyFilters {
  accounts?: readonly string[];
  regions?: readonly string[];
  /** Inclusive `YYYY-MM-DD` bounds on the key's date folders. */
  fromDate?: string;
  toDate?: string;
}

/**
 * True for a key the import should read: a log file (not a digest), and inside the filters when
 * the key has the CloudTrail layout. Keys outside the layout (a bucket of exported files) pass
 * only when no account, region or date filter is set: there is nothing to match them against.
 */
export function keyMatches(key: string, filters: S3KeyFilters): boolean {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (!isCandidateFileName(name) || isDigestPath(key)) return false;
  const location = parseTrailLogPath(key);
  if (!location) return !filters.accounts?.length && !filters.regions?.length && !filters.fromDate && !filters.toDate;
  if (location.kind !== 'CloudTrail' && location.kind !== 'CloudTrail-Insight') return false;
  if (filters.accounts?.length && !filters.accounts.includes(location.account)) return false;
  if (filters.regions?.length && !filters.regions.includes(location.region)) return false;
  if ((filters.fromDate || filters.toDate) && !location.day) return false;
  if (filters.fromDate && location.day! < filters.fromDate) return false;
  if (filters.toDate && location.day! > filters.toDate) return false;
  return true;
}

/**
 * Narrower prefixes to list when the filters name accounts: `…AWSLogs/[o-id/]<account>/CloudTrail/[<region>/]`.
 * Listing a big organisation bucket whole to keep one account would read every key; this reads
 * only that account's. `children(prefix)` lists the folders one level down (ListObjectsV2 with a
 * delimiter). Returns the prefix itself when it cannot be narrowed.
 */
export async function planPrefixes(prefix: string, filters: S3KeyFilters, children: (prefix: string) => Promise<string[]>): Promise<string[]> {
  if (!filters.accounts?.length) return [prefix];
  const narrowed = await accountRoots(prefix, children, 0);
  if (!narrowed) return [prefix];
  const out: string[] = [];
  for (const root of narrowed) {
    for (const account of filters.accounts) {
      const base = `${root}${account}/CloudTrail/`;
      if (filters.regions?.length) for (const region of filters.regions) out.push(`${base}${region}/`);
      else out.push(base);
    }
  }
  return out;
}

/** The `AWSLogs/` and `AWSLogs/o-…/` folders under a prefix, where account folders start; undefined if the prefix is already past them. */
async function accountRoots(prefix: string, children: (prefix: string) => Promise<string[]>, depth: number): Promise<string[] | undefined> {
  if (/(?:^|\/)AWSLogs\/o-[a-z0-9]+\/$/.test(prefix)) return [prefix];
  if (/(?:^|\/)AWSLogs\/$/.test(prefix)) {
    // Account folders and organisation folders can sit side by side in one bucket.
    const orgs = (await children(prefix)).filter((p) => /\/o-[a-z0-9]+\/$/.test(p));
    return [prefix, ...orgs];
  }
  if (depth > 0 || (prefix !== '' && !prefix.endsWith('/'))) return undefined;
  const below = (await children(prefix)).filter((p) => p.endsWith('AWSLogs/'));
  if (below.length === 0) return undefined;
  const roots: string[] = [];
  for (const p of below) roots.push(...((await accountRoots(p, children, depth + 1)) ?? []));
  return roots;
}
