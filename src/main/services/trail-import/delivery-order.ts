import { compareText } from '../../../shared/compare-text';

/**
 * The order an import reads files in: by the time CloudTrail delivered them (the
 * `YYYYMMDDTHHmmZ` in a log file's name, else the day folder of its path), across all accounts
 * and regions, then by path. Events then reach the index roughly in time order, so each of its
 * row groups covers a short stretch of time, and a search for the newest page or a time range
 * skips the others by their min/max. Read account by account instead, every row group would span
 * the whole retention period.
 *
 * Files with no time in their name or path (exports, JSON Lines) come first, by path.
 */
const FILE_TIME = /_(\d{8}T\d{4})Z_[^/\\]*$/;
const DAY_FOLDERS = /[/\\](\d{4})[/\\](\d{2})[/\\](\d{2})[/\\][^/\\]+$/;

/** A sortable `YYYYMMDDTHHmm` (or `YYYYMMDD` from the folders) for a path, or '' when it has none. */
export function deliveryTimeKey(path: string): string {
  const named = FILE_TIME.exec(path);
  if (named) return named[1] as string;
  const day = DAY_FOLDERS.exec(path);
  return day ? `${day[1]}${day[2]}${day[3]}` : '';
}

export function byDeliveryTime<T extends { path: string }>(files: T[]): T[] {
  const keyed = files.map((file) => ({ file, key: deliveryTimeKey(file.path) }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.file.path, b.file.path));
  return keyed.map((k) => k.file);
}
