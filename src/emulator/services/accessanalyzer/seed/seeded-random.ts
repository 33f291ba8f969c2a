import { createHash } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A small deterministic generator (mulberry32 seeded by SHA-256 of a label). Each part of the
 * seed forks its own stream by label, so adding an account or a template never reshuffles the
 * findings of another: same world seed, same analyzers, same finding ids.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly label: string) {
    this.state = createHash('sha256').update(label).digest().readUInt32LE(0);
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.label}/${label}`);
  }

  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error(`SeededRandom.pick from an empty list (${this.label})`);
    return item;
  }

  /** Up to n distinct items, in a seeded order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }

  /** Weighted choice: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error('SeededRandom.weighted with no choices');
    return last[0];
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += this.int(0, 15).toString(16);
    return s;
  }

  /** Upper-case letters and digits, as in access key ids. */
  upperAlnum(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let s = '';
    while (s.length < length) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }

  /** RFC 4122 version-4 layout, as Access Analyzer finding ids are. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(0, 3)] ?? '8';
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A millisecond-precision instant in [from, to]. */
  between(from: Date, to: Date): Date {
    const span = Math.max(0, to.getTime() - from.getTime());
    return new Date(from.getTime() + Math.floor(this.next() * (span + 1)));
  }

  daysBefore(anchor: Date, minDays: number, maxDays: number): Date {
    return this.between(new Date(anchor.getTime() - maxDays * DAY_MS), new Date(anchor.getTime() - minDays * DAY_MS));
  }
}

export const ONE_DAY_MS = DAY_MS;
