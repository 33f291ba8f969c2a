/**
 * CloudTrail eventTime parsing and re-timing that keeps each record's own spelling. Real AWS
 * writes `2024-07-30T21:31:21Z`, but the seed data also holds `2022-12-11 19:42:55`, nanosecond
 * fractions and no `Z`; a re-timed record keeps its layout so the app still meets those quirks.
 */
export interface TimeLayout {
  /** `T` or a space between date and time. */
  separator: string;
  /** The original fraction including its dot (`.123456789`), or ''. */
  fraction: string;
  zulu: boolean;
}

export interface ParsedTime {
  ms: number;
  layout: TimeLayout;
}

const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z)?$/;

/** Undefined for anything that is not a date-time (`redacted`, `...`, missing). */
export function parseEventTime(value: unknown): ParsedTime | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIME_RE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, sep, h, mi, s, frac, z] = m;
  const whole = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(whole)) return undefined;
  const fraction = frac ?? '';
  const fractionMs = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return { ms: whole + fractionMs, layout: { separator: sep ?? 'T', fraction, zulu: z === 'Z' } };
}

/** The canonical CloudTrail layout. */
export const ISO_LAYOUT: TimeLayout = { separator: 'T', fraction: '', zulu: true };

/**
 * Formats `ms` in `layout`. The fraction is copied from the original text (re-timing shifts by
 * whole seconds), so nanosecond digits survive unchanged.
 */
export function formatEventTime(ms: number, layout: TimeLayout): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 10)}${layout.separator}${iso.slice(11, 19)}${layout.fraction}${layout.zulu ? 'Z' : ''}`;
}

const TWO_DIGITS: string[] = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
let cachedDay = NaN;
let cachedDayPrefix = '';

/**
 * `2024-07-30T21:31:21Z`, the hot path of the scale generator: the date part is computed once
 * per day (generated events come in time order), the time part from a table.
 */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const secondOfDay = Math.floor((ms - day * 86_400_000) / 1000);
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  return `${cachedDayPrefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[secondOfDay % 60]}Z`;
}
