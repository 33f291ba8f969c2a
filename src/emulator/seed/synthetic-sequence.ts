import type { EmulatorWorld } from '../world/world-types';
import type { EventSummary } from './event-summary';
import { isoSeconds } from './event-time';
import { hashParts, mix, unitFloat, uuidFromWords, wordsFromUuid } from './hash';
import { resolveSummary, type SyntheticTemplate } from './synthetic-templates';
import type { EventSequence, WorldEvent } from './world-event';

const DAY_MS = 86_400_000;
/** Generated events spread over the 90 days LookupEvents can reach. */
export const SYNTHETIC_WINDOW_MS = 90 * DAY_MS;

/**
 * The scale generator for one account and region. Event i is a pure function of
 * (seed, account, region, i): its template, its time (decreasing with i, so a time is found by
 * binary search), its eventID and requestID. Nothing is stored, so a world of millions of events
 * costs no memory, and paging by index is exact.
 *
 * The eventID carries i and the region masked inside a v4-shaped UUID, so LookupEvents by
 * EventId decodes it and checks it by regenerating the event instead of scanning.
 */
export class SyntheticSequence implements EventSequence {
  private readonly base: number;
  private readonly accountKey: number;
  private readonly endMs: number;
  private readonly stepMs: number;
  private readonly summaries: (EventSummary | undefined)[];

  constructor(
    world: EmulatorWorld,
    private readonly accountId: string,
    private readonly region: string,
    private readonly regionIndex: number,
    private readonly templates: readonly SyntheticTemplate[],
    readonly length: number,
  ) {
    this.accountKey = accountKeyOf(world, accountId);
    this.base = mix(this.accountKey, regionIndex + 1);
    this.endMs = Math.floor(world.createdAt.getTime() / 1000) * 1000;
    this.stepMs = length > 0 ? SYNTHETIC_WINDOW_MS / length : 0;
    this.summaries = new Array<EventSummary | undefined>(templates.length);
  }

  timeAt(i: number): number {
    const offset = Math.floor((i + unitFloat(mix(this.base ^ 0x1b873593, i))) * this.stepMs);
    return Math.floor((this.endMs - offset) / 1000) * 1000;
  }

  private templateIndex(i: number): number {
    return mix(this.base ^ 0x68e31da4, i) % this.templates.length;
  }

  summaryAt(i: number): EventSummary {
    const t = this.templateIndex(i);
    let summary = this.summaries[t];
    if (!summary) {
      summary = resolveSummary(this.templates[t]!.summary, this.accountId, this.region);
      this.summaries[t] = summary;
    }
    return summary;
  }

  eventId(i: number): string {
    const w0 = mix(this.base, i);
    const w1 = ((mix(w0, this.base) & 0xffff0fff) | 0x00004000) >>> 0;
    const mask = mix(mix(this.accountKey, w0), w1);
    const payload = ((this.regionIndex & 0xff) << 16) | (mix(this.accountKey ^ i, 7) & 0xffff);
    return uuidFromWords(w0, w1, (payload ^ mask) & 0x3fffffff, (i ^ mix(mask, 1)) >>> 0);
  }

  eventAt(i: number): WorldEvent {
    const t = this.templateIndex(i);
    const template = this.templates[t]!;
    const timeMs = this.timeAt(i);
    const eventId = this.eventId(i);
    let json = template.pieces[0]!;
    for (let k = 0; k < template.holes.length; k++) {
      switch (template.holes[k]) {
        case 'account':
          json += this.accountId;
          break;
        case 'region':
          json += this.region;
          break;
        case 'time':
          json += isoSeconds(timeMs);
          break;
        case 'eventId':
          json += eventId;
          break;
        case 'requestId': {
          const q = mix(this.base ^ 0x2f9c4d1b, i);
          json += uuidFromWords(q, mix(q, 1), mix(q, 2), mix(q, 3));
          break;
        }
      }
      json += template.pieces[k + 1]!;
    }
    return {
      eventId,
      timeMs,
      accountId: this.accountId,
      region: this.region,
      json,
      summary: this.summaryAt(i),
      synthetic: true,
    };
  }
}

export function accountKeyOf(world: EmulatorWorld, accountId: string): number {
  return hashParts(world.seed, 'synthetic', accountId);
}

/**
 * The region index and position a generated eventID encodes for this account, or undefined if it
 * cannot be one (the caller still regenerates the event and compares ids).
 */
export function decodeSyntheticId(world: EmulatorWorld, accountId: string, eventId: string): { regionIndex: number; index: number } | undefined {
  const words = wordsFromUuid(eventId);
  if (!words) return undefined;
  const [w0, w1, w2, w3] = words;
  const mask = mix(mix(accountKeyOf(world, accountId), w0), w1);
  const payload = (w2 ^ mask) & 0x3fffffff;
  return { regionIndex: (payload >>> 16) & 0xff, index: (w3 ^ mix(mask, 1)) >>> 0 };
}
