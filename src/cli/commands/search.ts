import { parseArgs } from 'node:util';
import type { EventRow } from '../../shared/ipc/channels/events';
import { QueryParseError } from '../../main/services/search/parse-query';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';
import { errorText, scopeOptions, usageError } from '../cli-usage';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the local index with the query language; --json prints one event per line.',
  usage: `
Usage: auditdesk search QUERY [--limit N] [--account A…] [--region R…] [--from ISO] [--to ISO] [--json] [--data-dir DIR]

QUERY uses the search bar's language, e.g. 'eventName:CreateUser principal:alice*' or
'errorCode:AccessDenied* -readOnly:true'. Newest events first.
  --limit N     at most N events (default 100)
  --json        one JSON object per line: eventID, eventTime, eventName, eventSource, account,
                region, principal, principalType, sourceIp, errorCode, readOnly, accessKeyId,
                userAgent, resources, key`,
  async run(ctx) {
    let parsed;
    try {
      parsed = parseArgs({
        args: ctx.args,
        allowPositionals: true,
        options: {
          limit: { type: 'string', default: '100' },
          ...scopeOptions,
        },
      });
    } catch (error) {
      return usageError(ctx, 'search', errorText(error));
    }
    const { values, positionals } = parsed;
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) return usageError(ctx, 'search', '--limit must be a whole number, 1 or more.');
    const query = positionals.join(' ');
    const filters = {
      ...(values.account ? { accounts: values.account } : {}),
      ...(values.region ? { regions: values.region } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    };

    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    try {
      let cursor: string | undefined;
      let shown = 0;
      let total = 0;
      let exact = true;
      do {
        const page = await core.events.search.search({ query, filters, limit: Math.min(1000, limit - shown), cursor, facets: false });
        total = page.total;
        exact = page.totalExact;
        for (const row of page.rows) ctx.stdout.write(`${values.json ? JSON.stringify(jsonLine(row)) : textLine(row)}\n`);
        shown += page.rows.length;
        cursor = page.nextCursor;
      } while (cursor && shown < limit);
      if (!values.json) ctx.stderr.write(`${shown} of ${exact ? '' : 'at least '}${total} matching events.\n`);
      return 0;
    } catch (error) {
      if (error instanceof QueryParseError) return usageError(ctx, 'search', error.message);
      ctx.stderr.write(`auditdesk search: ${errorText(error)}\n`);
      return 1;
    } finally {
      await core.close();
    }
  },
};

/** CloudTrail's own field names where it has one, so scripts read it like a trail record. */
function jsonLine(row: EventRow) {
  return {
    eventID: row.eventId,
    eventTime: row.eventTime,
    eventName: row.eventName,
    eventSource: row.eventSource,
    account: row.account,
    region: row.region,
    principal: row.principal,
    principalType: row.principalType,
    sourceIp: row.sourceIp,
    errorCode: row.errorCode,
    readOnly: row.readOnly,
    accessKeyId: row.accessKeyId,
    userAgent: row.userAgent ?? null,
    resources: row.resources,
    key: row.key,
  };
}

function textLine(row: EventRow): string {
  return [row.eventTime ?? '-', row.account ?? '-', (row.region ?? '-').padEnd(14), `${row.eventSource ?? '-'}:${row.eventName ?? '-'}`, row.principal, row.errorCode ?? ''].join('  ').trimEnd();
}

