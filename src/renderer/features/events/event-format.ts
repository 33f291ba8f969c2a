const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Times in the table read in the auditor's own zone, as `2024-05-31 14:03:07` (sortable, no
 * locale guesswork); the UTC instant CloudTrail recorded is in the tooltip and the detail.
 */
export function formatLocalTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formatUtcTime(iso: string | null): string {
  if (!iso) return 'No time recorded';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} UTC`;
}

/** `iam.amazonaws.com` reads as `iam`; other sources (a partner, a custom one) stay whole. */
export function shortSource(source: string | null): string {
  if (!source) return '—';
  return source.endsWith('.amazonaws.com') ? source.slice(0, -'.amazonaws.com'.length) : source;
}

export function readOnlyLabel(readOnly: boolean | null): string {
  return readOnly === null ? '—' : readOnly ? 'Read' : 'Write';
}

/** A count with its unit, singular when it is one. */
export function plural(n: number, unit: string, units = `${unit}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? unit : units}`;
}
