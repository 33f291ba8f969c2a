import { stringify } from 'csv-stringify/sync';

/**
 * Access key ids are not secrets, but a report travels further than the index: it names a key
 * by its prefix and last four characters, which is how IAM's own console identifies one.
 */
const KEY_ID = /\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g;
export function maskKeyIds(text: string): string {
  return text.replace(KEY_ID, (_m, prefix: string, last: string) => `${prefix}…${last}`);
}

export function csvLines(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return stringify(rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : maskKeyIds(String(cell))))), { record_delimiter: '\r\n' });
}

export function countsLine(facets: ReadonlyArray<{ value: string; count: number }>, limit = 8): string {
  if (facets.length === 0) return '—';
  return facets.slice(0, limit).map((f) => `${f.value} (${f.count})`).join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
