/**
 * Small, fast, deterministic hashing for the event generator. The scale generator derives every
 * field of event i from (seed, account, region, i) alone, so these run millions of times per
 * second; crypto hashes would be two orders of magnitude slower and are not needed here
 * (nothing depends on unpredictability, only on determinism and a good spread).
 */

/** murmur3's 32-bit finaliser: a full avalanche of one 32-bit word. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more 32-bit word. */
export function mix(hash: number, word: number): number {
  return fmix32((hash ^ Math.imul(word | 0, 0x9e3779b1)) + 0x7f4a7c15);
}

/** FNV-1a over UTF-16 code units, finalised: a stable 32-bit hash of any string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Hash of several labels; the separator keeps ("ab","c") and ("a","bc") apart. */
export function hashParts(...parts: (string | number)[]): number {
  let h = 0x2545f491;
  for (const part of parts) {
    if (typeof part === 'string') h = mix(h, hashString(part));
    // Epoch milliseconds exceed 32 bits: mix both halves.
    else h = mix(mix(h, part >>> 0), Math.floor(part / 4294967296));
  }
  return h;
}

/** A uniform number in [0, 1) from a hash. */
export function unitFloat(hash: number): number {
  return (hash >>> 0) / 4294967296;
}

const HEX_BYTE: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** 8 lower-case hex digits of a 32-bit word. */
export function hex32(word: number): string {
  const w = word >>> 0;
  return HEX_BYTE[w >>> 24]! + HEX_BYTE[(w >>> 16) & 0xff]! + HEX_BYTE[(w >>> 8) & 0xff]! + HEX_BYTE[w & 0xff]!;
}

/**
 * A version-4-shaped UUID from four words (CloudTrail eventIDs and requestIDs are v4 UUIDs).
 * The version nibble and the variant bits are forced, so callers that want to recover data from
 * an id must keep their payload out of those bits (see synthetic-ids.ts).
 */
export function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  const a = hex32(w0);
  const b = hex32(((w1 & 0xffff0fff) | 0x00004000) >>> 0);
  const c = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  const d = hex32(w3);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** Parses the 32 hex digits of a UUID back into four words; undefined if it is not one. */
export function wordsFromUuid(uuid: string): [number, number, number, number] | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid)) return undefined;
  const h = uuid.replace(/-/g, '');
  return [0, 8, 16, 24].map((o) => parseInt(h.slice(o, o + 8), 16) >>> 0) as [number, number, number, number];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` alphanumerics from a hash chain (the 16-character suffix of CloudTrail log file names). */
export function alnumFromHash(hash: number, length: number): string {
  let h = hash;
  let out = '';
  for (let i = 0; i < length; i++) {
    h = mix(h, i);
    out += ALNUM[h % ALNUM.length];
  }
  return out;
}
