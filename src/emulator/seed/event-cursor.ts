import { firstAtOrBefore, type EventSequence } from './world-event';

/**
 * Walks several newest-first sequences as one, newest first (ties: earlier sequence first). Its
 * state is one index per sequence, which is what a page token stores to resume exactly.
 */
export class EventCursor {
  private readonly pos: number[];

  constructor(
    private readonly seqs: readonly EventSequence[],
    positions: readonly number[],
  ) {
    this.pos = seqs.map((_, k) => positions[k] ?? 0);
  }

  /** A cursor at the newest event at or before `ms`. */
  static atOrBefore(seqs: readonly EventSequence[], ms: number): EventCursor {
    return new EventCursor(
      seqs,
      seqs.map((s) => firstAtOrBefore(s, ms)),
    );
  }

  positions(): number[] {
    return [...this.pos];
  }

  /** The sequence holding the next event, or -1 when all are exhausted. */
  private head(): number {
    let best = -1;
    let bestTime = -Infinity;
    for (let k = 0; k < this.seqs.length; k++) {
      const seq = this.seqs[k]!;
      const i = this.pos[k]!;
      if (i >= seq.length) continue;
      const t = seq.timeAt(i);
      if (t > bestTime) {
        best = k;
        bestTime = t;
      }
    }
    return best;
  }

  /** The next event's time without moving, or undefined at the end. */
  peekTime(): number | undefined {
    const k = this.head();
    return k < 0 ? undefined : this.seqs[k]!.timeAt(this.pos[k]!);
  }

  /** The next event's sequence and index, and moves past it. */
  next(): { seq: EventSequence; index: number } | undefined {
    const k = this.head();
    if (k < 0) return undefined;
    const index = this.pos[k]!;
    this.pos[k] = index + 1;
    return { seq: this.seqs[k]!, index };
  }
}
