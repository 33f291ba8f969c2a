import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FindingStatus } from '../../shared/ipc/channels/findings';
import { QueryParseError } from '../../main/services/search/parse-query';
import type { CliCommand, CliContext } from '../cli-types';
import { createCliCore } from '../cli-core';

const USAGE = `
Usage: auditdesk report events   --format csv|pdf [--query Q] [--title T] [--out FILE] [--data-dir DIR]
       auditdesk report findings --format csv|pdf [--status S…] [--title T] [--out FILE] [--data-dir DIR]

Writes a report of the local index under <data dir>/reports/ (and to --out when given), stating
its scope: workspace, profiles, query or filters, index coverage, counts, when and by which
Auditdesk version. Events CSVs hold every matching event (up to 100,000, said when cut); PDFs
hold the scope, a summary and the newest 500 events. Reports never contain credentials.
Exit codes: 0 written, 1 failed, 2 usage error.`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Write a CSV or PDF report of events or findings, with its scope and provenance.',
  usage: USAGE,
  async run(ctx) {
    const [kind, ...rest] = ctx.args;
    let values;
    try {
      ({ values } = parseArgs({
        args: rest,
        options: {
          format: { type: 'string' },
          query: { type: 'string' },
          status: { type: 'string', multiple: true },
          title: { type: 'string' },
          out: { type: 'string' },
          'data-dir': { type: 'string' },
        },
      }));
    } catch (error) {
      return usageError(ctx, error instanceof Error ? error.message : String(error));
    }
    if (kind !== 'events' && kind !== 'findings') return usageError(ctx, kind ? `unknown report "${kind}".` : 'say events or findings.');
    const format = values.format;
    if (format !== 'csv' && format !== 'pdf') return usageError(ctx, '--format csv or --format pdf is required.');
    const statuses = (values.status ?? []).map((s) => FindingStatus.safeParse(s.toUpperCase()));
    if (statuses.some((s) => !s.success)) return usageError(ctx, '--status is ACTIVE, ARCHIVED or RESOLVED.');

    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    try {
      const report = await core.reports.create({
        kind,
        format,
        ...(kind === 'events' ? { query: values.query ?? '' } : { filters: statuses.length ? { status: statuses.flatMap((s) => (s.success ? [s.data] : [])) } : {} }),
        ...(values.title ? { title: values.title } : {}),
      });
      let path = report.path;
      if (values.out) {
        path = resolve(values.out);
        await copyFile(report.path, path);
      }
      ctx.stdout.write(`${path}\n`);
      ctx.stderr.write(`${report.rows} of ${report.total} ${kind}${report.capped ? ' (capped)' : ''}, ${report.bytes} bytes. ${report.scopeSummary}\n`);
      return 0;
    } catch (error) {
      const message = error instanceof QueryParseError ? `bad query: ${error.message}` : error instanceof Error ? error.message : String(error);
      ctx.stderr.write(`auditdesk report ${kind}: ${message}\n`);
      return 1;
    } finally {
      await core.close();
    }
  },
};

function usageError(ctx: CliContext, message: string): number {
  ctx.stderr.write(`auditdesk report: ${message}\n${USAGE}\n`);
  return 2;
}
