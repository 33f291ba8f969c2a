import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../../shared/ipc/channels/events';
import type { ImportRequest } from '../../main/services/trail-import-s3/import-jobs';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';
import { cancelOnInterrupt, finishTextIndex, printJobProgress } from './cli-progress';
import { errorText, scopeOptions, usageError } from '../cli-usage';

const S3_URL = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import CloudTrail log files from folders, or from an S3 bucket through a profile.',
  usage: `
Usage: auditdesk import PATH… [--json] [--data-dir DIR]
       auditdesk import s3://BUCKET/PREFIX --profile P [--account A…] [--region R…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

Reads .json, .json.gz and JSON Lines files (AWSLogs/… layouts of account and organization trails,
or any folder of exports). Files imported before are skipped; every event is stored once.
Unreadable files are listed with the reason. Ctrl-C stops; the next run resumes.
  --profile P   the profile that reads the bucket (s3:// only)
  --account A   only these accounts (repeat), from the bucket's key structure
  --region R    only these regions (repeat)
  --from, --to  only these days (inclusive), from the key's date folders
  --json        one JSON report per source on stdout`,
  async run(ctx) {
    let parsed;
    try {
      parsed = parseArgs({
        args: ctx.args,
        allowPositionals: true,
        options: {
          profile: { type: 'string' },
          ...scopeOptions,
        },
      });
    } catch (error) {
      return usageError(ctx, 'import', errorText(error));
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) return usageError(ctx, 'import', 'give a folder or an s3:// URL.');
    const requests: ImportRequest[] = [];
    for (const target of positionals) {
      const s3 = S3_URL.exec(target);
      if (target.startsWith('s3://') && !s3) return usageError(ctx, 'import', `"${target}" is not an s3://bucket/prefix URL.`);
      if (s3) {
        if (!values.profile) return usageError(ctx, 'import', 'an s3:// import needs --profile.');
        for (const day of [values.from, values.to]) if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) return usageError(ctx, 'import', `"${day}" is not a YYYY-MM-DD day.`);
        requests.push({ kind: 's3', profile: values.profile, bucket: s3[1]!, prefix: s3[2] ?? '', accounts: values.account, regions: values.region, fromDate: values.from, toDate: values.to });
      } else requests.push({ kind: 'folder', path: resolve(target) });
    }

    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    let failed = false;
    try {
      for (const request of requests) {
        const job = core.events.imports.start(request);
        const stop = printJobProgress(ctx, core, job.jobId, 'import');
        cancelOnInterrupt(ctx, core, job.jobId);
        let report: ImportReport;
        try {
          report = await job.done.finally(stop);
        } catch (error) {
          ctx.stderr.write(`auditdesk import: ${errorText(error)}\n`);
          failed = true;
          continue;
        }
        if (values.json) ctx.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          ctx.stdout.write(
            `${report.location}: ${report.eventsInserted} new events of ${report.eventsRead} read, ${report.filesRead} files read, ${report.filesSkipped} unchanged, ${report.malformed.length} unreadable${report.state === 'cancelled' ? ' (stopped)' : ''}.\n`,
          );
          for (const m of report.malformed) ctx.stdout.write(`  ! ${m.key}: ${m.reason}\n`);
          if (report.message) ctx.stdout.write(`  ${report.message}\n`);
        }
        if (report.state !== 'done' || report.malformed.length > 0) failed = true;
        if (report.state === 'cancelled') return 1;
      }
      await finishTextIndex(ctx, core);
    } finally {
      await core.close();
    }
    return failed ? 1 : 0;
  },
};

