import type { EmulatorWorld } from '../world/world-types';
import { summarizeRecord, type EventSummary } from './event-summary';
import { isGlobalEventSource } from './global-services';
import { field, setField, stringField, type JsonObject } from './record-fields';
import { looksLikeRegion, mapStrings, stringRemapper } from './record-remap';
import { identityAccountsOf, primaryAccountOf, worldAccountFor } from './seed-events';
import type { SeedRecord } from './seed-records';

/** What fills a hole of a compiled template. */
export type Hole = 'account' | 'region' | 'time' | 'eventId' | 'requestId';

const HOLE_CODES: Record<string, Hole> = { A: 'account', R: 'region', T: 'time', E: 'eventId', Q: 'requestId' };
const marker = (code: string): string => `\u0001${code}\u0001`;

/**
 * A real record turned into a string with holes, so a generated copy is a concatenation rather
 * than a parse/modify/stringify: that is what lets the scale generator reach hundreds of
 * thousands of events per second.
 */
export interface SyntheticTemplate {
  /** Literal JSON text; `holes[k]` goes between `pieces[k]` and `pieces[k + 1]`. */
  pieces: readonly string[];
  holes: readonly Hole[];
  /** LookupEvents fields, with the account and region still as markers (see resolveSummary). */
  summary: EventSummary;
  /** Recorded in us-east-1 only (IAM, STS, sign-in…). */
  global: boolean;
}

/**
 * Templates from the seed records that look like what AWS delivers: an ISO eventTime, an
 * eventID, a region and an owning account. The recipient account and the region become holes;
 * other account ids are mapped to world accounts once, as for the seed events.
 */
export function compileTemplates(world: EmulatorWorld, records: readonly SeedRecord[]): SyntheticTemplate[] {
  const out: SyntheticTemplate[] = [];
  for (const { record } of records) {
    const time = field(record, 'eventTime');
    const region = stringField(record, 'awsRegion');
    const primary = primaryAccountOf(record);
    if (typeof time !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(time)) continue;
    if (stringField(record, 'eventID') === undefined || !stringField(record, 'eventSource')) continue;
    if (region === undefined || !looksLikeRegion(region) || primary === undefined) continue;
    out.push(compile(world, record, primary, region));
  }
  return out;
}

function compile(world: EmulatorWorld, original: JsonObject, primary: string, region: string): SyntheticTemplate {
  const accounts = new Map<string, string>([[primary, marker('A')]]);
  for (const id of identityAccountsOf(original)) {
    if (!accounts.has(id)) accounts.set(id, worldAccountFor(world, `foreign:${id}`));
  }
  const record = mapStrings(original, stringRemapper({ accounts, regions: new Map([[region, marker('R')]]) })) as JsonObject;
  const global = isGlobalEventSource(stringField(original, 'eventSource'));
  setField(record, 'eventTime', marker('T'));
  setField(record, 'eventID', marker('E'));
  if (stringField(original, 'requestID') !== undefined) setField(record, 'requestID', marker('Q'));
  setField(record, 'awsRegion', global ? 'us-east-1' : marker('R'));
  if (field(original, 'recipientAccountId') !== undefined) setField(record, 'recipientAccountId', marker('A'));

  // JSON.stringify writes the \u0001 of a marker as the six characters `\u0001`.
  const parts = JSON.stringify(record).split(/\\u0001([ARTEQ])\\u0001/);
  const pieces: string[] = [];
  const holes: Hole[] = [];
  parts.forEach((part, k) => {
    if (k % 2 === 0) pieces.push(part);
    else holes.push(HOLE_CODES[part]!);
  });
  return { pieces, holes, summary: summarizeRecord(record), global };
}

/** A template's LookupEvents fields for one account and region. */
export function resolveSummary(summary: EventSummary, accountId: string, region: string): EventSummary {
  const fill = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : text.replaceAll(marker('A'), accountId).replaceAll(marker('R'), region);
  return {
    eventName: summary.eventName,
    eventSource: summary.eventSource,
    readOnly: summary.readOnly,
    accessKeyId: fill(summary.accessKeyId),
    username: fill(summary.username),
    resources: summary.resources.map((r) => ({ type: r.type, name: fill(r.name) ?? '' })),
  };
}
