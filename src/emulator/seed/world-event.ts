import type { EventSummary } from './event-summary';

/** One CloudTrail event of the emulated world, as LookupEvents and the trail log files serve it. */
export interface WorldEvent {
  eventId: string;
  /** Event time in epoch milliseconds (whole seconds for generated events). */
  timeMs: number;
  /** The account the event belongs to (its recipient account). */
  accountId: string;
  region: string;
  /** The CloudTrail record as JSON: LookupEvents' CloudTrailEvent and a trail log file's entry. */
  json: string;
  summary: EventSummary;
  /**
   * True for scale-generator copies. A side flag on purpose: the records themselves stay real
   * CloudTrail records, never tagged with invented fields.
   */
  synthetic: boolean;
}

/**
 * A newest-first run of one account's events in one region: either the re-timed seed records
 * (an array) or the scale generator (a pure function of the index). Times never increase with
 * the index, so any moment can be found by binary search.
 */
export interface EventSequence {
  readonly length: number;
  timeAt(index: number): number;
  /** Cheap: lets filters skip events without building their JSON. */
  summaryAt(index: number): EventSummary;
  eventAt(index: number): WorldEvent;
}

/** The first index whose time is at or before `ms` (length if none). */
export function firstAtOrBefore(seq: EventSequence, ms: number): number {
  let lo = 0;
  let hi = seq.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seq.timeAt(mid) <= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A sequence over an array already sorted newest first. */
export function arraySequence(events: readonly WorldEvent[]): EventSequence {
  return {
    length: events.length,
    timeAt: (i) => events[i]!.timeMs,
    summaryAt: (i) => events[i]!.summary,
    eventAt: (i) => events[i]!,
  };
}
