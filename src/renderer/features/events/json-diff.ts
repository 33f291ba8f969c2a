import { compareText } from '../../../shared/compare-text';

/**
 * A small structural diff for comparing two CloudTrail records side by side. Paths are JSON
 * Pointers (`/userIdentity/arn`, `/resources/0/ARN`); a key present on one side only, or a value
 * that differs, is one difference. Arrays compare by position, as CloudTrail writes them.
 */
export type JsonPointer = string;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(path: JsonPointer, key: string | number): JsonPointer {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The paths where `a` and `b` differ, as deep as the difference goes. */
export function diffPaths(a: unknown, b: unknown): Set<JsonPointer> {
  const out = new Set<JsonPointer>();
  walk(a, b, '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: JsonPointer, out: Set<JsonPointer>): void {
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) out.add(child(path, key));
      else walk(a[key], b[key], child(path, key), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      if (i >= a.length || i >= b.length) out.add(child(path, i));
      else walk(a[i], b[i], child(path, i), out);
    }
    return;
  }
  if (!Object.is(a, b)) out.add(path);
}

/** True when the path, or a container above it, differs: a whole missing subtree is marked. */
export function isChanged(path: JsonPointer, changed: ReadonlySet<JsonPointer>): boolean {
  if (changed.size === 0) return false;
  if (changed.has(path)) return true;
  for (let at = path.lastIndexOf('/'); at >= 0; at = path.lastIndexOf('/', at - 1)) {
    if (changed.has(path.slice(0, at))) return true;
    if (at === 0) break;
  }
  return false;
}

/** One line of pretty-printed JSON, with the path it shows, for line-by-line highlighting. */
export interface JsonLine {
  path: JsonPointer;
  depth: number;
  text: string;
  changed: boolean;
}

/**
 * The value printed like JSON.stringify(value, null, 2), one entry per line. `sortKeys` prints
 * object keys in alphabetical order, so two records written in different orders line up.
 */
export function jsonLines(value: unknown, changed: ReadonlySet<JsonPointer> = new Set(), options: { sortKeys?: boolean } = {}): JsonLine[] {
  const lines: JsonLine[] = [];
  const push = (path: JsonPointer, depth: number, text: string) => lines.push({ path, depth, text: `${'  '.repeat(depth)}${text}`, changed: isChanged(path, changed) });

  function emit(node: unknown, path: JsonPointer, depth: number, key: string | undefined, comma: boolean): void {
    const prefix = key === undefined ? '' : `${JSON.stringify(key)}: `;
    const end = comma ? ',' : '';
    const entries: Array<[string | undefined, unknown, JsonPointer]> | undefined = Array.isArray(node)
      ? node.map((item, i) => [undefined, item, child(path, i)])
      : isObject(node)
        ? (options.sortKeys ? Object.entries(node).sort(([a], [b]) => compareText(a, b)) : Object.entries(node)).map(([k, v]) => [k, v, child(path, k)])
        : undefined;
    if (!entries) {
      push(path, depth, `${prefix}${JSON.stringify(node) ?? 'null'}${end}`);
      return;
    }
    const [open, close] = Array.isArray(node) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      push(path, depth, `${prefix}${open}${close}${end}`);
      return;
    }
    push(path, depth, `${prefix}${open}`);
    entries.forEach(([k, v, p], i) => emit(v, p, depth + 1, k, i < entries.length - 1));
    push(path, depth, `${close}${end}`);
  }

  emit(value, '', 0, undefined, false);
  return lines;
}

/** The record as a value; a record that is not JSON (it should always be) is shown as its text. */
export function parseRecord(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
