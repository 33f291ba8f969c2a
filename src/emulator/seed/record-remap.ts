import { isObject } from './record-fields';

/** Old → new values to substitute wherever they occur inside a record's strings. */
export interface RemapPlan {
  accounts: ReadonlyMap<string, string>;
  regions: ReadonlyMap<string, string>;
}

/** Region-shaped names only: `redacted` or `<region>` placeholders must not be replaced everywhere. */
export function looksLikeRegion(value: string): boolean {
  return /^[a-z]{2,}(-[a-z]+)+-\d+[a-z]?$/.test(value);
}

/**
 * A string rewriter for a plan. Account ids are replaced only as whole digit runs and regions
 * only as whole names (an availability zone `us-east-1a` follows its region), so ARNs, host
 * headers and error messages stay consistent with the re-mapped recipient account and region.
 */
export function stringRemapper(plan: RemapPlan): (text: string) => string {
  const parts: string[] = [];
  const table = new Map<string, string>();
  for (const [from, to] of plan.accounts) {
    if (from === to || !/^\d+$/.test(from)) continue;
    parts.push(`(?<!\\d)${from}(?!\\d)`);
    table.set(from, to);
  }
  for (const [from, to] of plan.regions) {
    if (from === to || !looksLikeRegion(from)) continue;
    parts.push(`(?<![A-Za-z0-9-])${from.replace(/-/g, '\\-')}(?![0-9])`);
    table.set(from, to);
  }
  if (parts.length === 0) return (text) => text;
  // Longest first, so one id that is a prefix of another cannot win.
  parts.sort((a, b) => b.length - a.length);
  const re = new RegExp(parts.join('|'), 'g');
  // UUIDs (eventID, requestID, sharedEventID) can end in twelve digits that equal an account id
  // in placeholder data (`…-111111111111`); they are identifiers, not account references.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return (text) => (text.length < 9 || uuid.test(text) ? text : text.replace(re, (m) => table.get(m) ?? m));
}

/** A deep copy of `value` with every string (not key) passed through `rewrite`. */
export function mapStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, rewrite));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, rewrite);
    return out;
  }
  return value;
}
