/**
 * Where CloudTrail puts its files in S3 (and so in a downloaded copy of the bucket):
 *   AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz            (account trail)
 *   AWSLogs/o-<org id>/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz (organization trail)
 * with CloudTrail-Insight beside CloudTrail for Insights events and CloudTrail-Digest for the
 * integrity digests, which are not events.
 */
export interface TrailLogLocation {
  organizationId: string | null;
  account: string;
  /** `CloudTrail` or `CloudTrail-Insight` (digests are never imported). */
  kind: string;
  region: string;
  /** YYYY-MM-DD */
  day: string | null;
}

const LAYOUT = /(?:^|\/)AWSLogs\/(?:(o-[a-z0-9]+)\/)?(\d{12})\/(CloudTrail[A-Za-z-]*)\/([^/]+)\/(?:(\d{4})\/(\d{2})\/(\d{2})\/)?[^/]+$/;

export function parseTrailLogPath(path: string): TrailLogLocation | null {
  const match = LAYOUT.exec(path.replaceAll('\\', '/'));
  if (!match) return null;
  const [, organizationId, account = '', kind = '', region = '', year, month, day] = match;
  return { organizationId: organizationId ?? null, account, kind, region, day: year ? `${year}-${month}-${day}` : null };
}

/** Digest files prove a trail's integrity; they hold no events. */
export function isDigestPath(path: string): boolean {
  const normalized = path.replaceAll('\\', '/');
  return /(?:^|\/)CloudTrail-Digest(?:\/|$)/.test(normalized) || /_CloudTrail-Digest_/.test(normalized);
}

/**
 * A log file CloudTrail itself named (`<account>_CloudTrail_<region>_<time>_<id>.json.gz`, or
 * CloudTrail-Insight): a gzip'd `{"Records":[…]}` file, unless the content says otherwise.
 */
export function isTrailLogFileName(name: string): boolean {
  return /_CloudTrail(?:-Insight)?_[^/\\]+\.json\.gz$/.test(name);
}

/**
 * The file names an import reads: JSON and JSON Lines, gzip'd or not, and names without an
 * extension (a record saved from a browser or a queue often has none). The content, not the
 * name, then decides the format and the compression.
 */
export function isCandidateFileName(name: string): boolean {
  if (name.startsWith('.')) return false; // .DS_Store and other hidden files
  return /\.(?:json|jsonl|ndjson|gz)$/i.test(name) || !name.includes('.');
}
