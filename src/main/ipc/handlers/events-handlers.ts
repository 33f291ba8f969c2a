import type { eventsChannels, EventDetail } from '../../../shared/ipc/channels/events';
import { AppError } from '../../../shared/ipc/result';
import type { NormalizedEvent } from '../../services/events/event-model';
import { QueryParseError } from '../../services/search/parse-query';
import type { DomainHandlers } from '../handler-types';

export const eventsHandlers: DomainHandlers<keyof typeof eventsChannels> = {
  'sync:start': (input, { core }) => ({ jobId: core.events.sync.start(input).jobId }),
  'sync:status': (_input, { core }) => core.events.sync.status(),
  'import:start': (input, { core }) => ({ jobId: core.events.imports.start(input).jobId }),
  'import:status': (_input, { core }) => core.events.imports.reports(),
  'events:search': async (input, { core }) => {
    const result = await asQueryError(() => core.events.search.search(input));
    return { rows: result.rows, ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}), total: result.total, totalExact: result.totalExact, facets: result.facets, facetsExact: result.facetsExact, ...(result.textIndexPending ? { textIndexPending: result.textIndexPending } : {}) };
  },
  'events:get': async ({ eventId }, { core }) => {
    const found = await core.events.search.getEvent(eventId);
    if (!found) throw new AppError('not-found', 'No event with that id in the index.');
    return { event: toDetail(found.event), raw: found.raw };
  },
  'events:stats': (input, { core }) => asQueryError(() => core.events.search.stats(input)),
  'searches:list': (_input, { core }) => core.events.savedSearches.list(),
  'searches:save': (input, { core }) => core.events.savedSearches.save(input),
  'searches:delete': async ({ id }, { core }) => ({ deleted: await core.events.savedSearches.delete(id) }),
};

/** A query the user typed wrong is their input, not an internal failure: say where, in words and as a column the UI can mark. */
async function asQueryError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryParseError) {
      const detail = { column: error.position + 1, length: error.length, ...(error.chip === undefined ? {} : { chip: error.chip }) };
      throw new AppError('bad-query', error.message, detail);
    }
    throw error;
  }
}

function toDetail(e: NormalizedEvent): EventDetail {
  return {
    key: e.key,
    eventId: e.eventId,
    eventTime: e.eventTime,
    eventName: e.eventName,
    eventSource: e.eventSource,
    account: e.account,
    region: e.awsRegion,
    principal: e.principal,
    principalType: e.principalType,
    sourceIp: e.sourceIpAddress,
    errorCode: e.errorCode,
    readOnly: e.readOnly,
    accessKeyId: e.accessKeyId,
    userAgent: e.userAgent,
    resources: e.resources,
    resourceCount: e.resources.length,
    principalArn: e.principalArn,
    principalName: e.principalName,
    sessionName: e.sessionName,
    invokedBy: e.invokedBy,
    errorMessage: e.errorMessage,
    eventType: e.eventType,
    eventCategory: e.eventCategory,
    requestId: e.requestId,
    source: e.source,
    sourceRef: e.sourceRef,
    profile: e.profile,
    retrievedAt: e.retrievedAt,
  };
}
