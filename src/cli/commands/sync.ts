import { parseArgs } from 'node:util';
import type { AccountRegionStatus } from '../../shared/ipc/channels/events';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';
import { cancelOnInterrupt, finishTextIndex, printJobProgress } from './cli-progress';
import { errorText, usageError } from '../cli-usage';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Fetch CloudTrail events (LookupEvents) of every account and region of your profiles into the local index.',
  usage: `
Usage: auditdesk sync --profile P [--profile P…] [--region R…] [--backfill-days N] [--json] [--data-dir DIR]

Each account-region is fetched at LookupEvents' limit of 2 requests per second, many at once.
The first sync goes back --backfill-days (default 90, the most LookupEvents keeps); later syncs
fetch only what is new. Ctrl-C stops; the next run resumes where it stopped.
  --profile P        a profile to sync (repeat for more)
  --region R         regions to sync (repeat); default us-east-1, the profile's region and its auditdesk_regions
  --backfill-days N  how far back the first sync goes (1-90)
  --json             print the result as one JSON object on stdout
Progress goes to stderr. Exit code 0 when every account-region completed, 1 otherwise.`,
  async run(ctx) {
    let values;
    try {
      ({ values } = parseArgs({
        args: ctx.args,
        options: {
          profile: { type: 'string', multiple: true },
          region: { type: 'string', multiple: true },
          'backfill-days': { type: 'string' },
          json: { type: 'boolean' },
          'data-dir': { type: 'string' },
        },
      }));
    } catch (error) {
      return usageError(ctx, 'sync', errorText(error));
    }
    const profiles = values.profile ?? [];
    if (profiles.length === 0) return usageError(ctx, 'sync', 'give at least one --profile.');
    const days = values['backfill-days'] === undefined ? undefined : Number(values['backfill-days']);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 90)) return usageError(ctx, 'sync', '--backfill-days must be a whole number from 1 to 90.');
    const badRegion = (values.region ?? []).find((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
    if (badRegion) return usageError(ctx, 'sync', `"${badRegion}" is not an AWS Region name.`);

    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    try {
      const job = core.events.sync.start({ profiles, regions: values.region, backfillDays: days });
      const stop = printJobProgress(ctx, core, job.jobId, 'sync');
      cancelOnInterrupt(ctx, core, job.jobId);
      const result = await job.done.finally(stop);
      if (values.json) ctx.stdout.write(`${JSON.stringify(result)}\n`);
      else {
        for (const s of result.accountRegions) ctx.stdout.write(`${line(s)}\n`);
        for (const p of result.profileErrors) ctx.stdout.write(`${p.profile}: ${p.message}\n`);
        ctx.stdout.write(`${result.inserted} new events (${result.fetched} fetched, ${result.requests} requests).\n`);
      }
      if (result.inserted > 0) await finishTextIndex(ctx, core);
      const complete = result.profileErrors.length === 0 && result.accountRegions.every((s) => s.state === 'done');
      return complete ? 0 : 1;
    } catch (error) {
      ctx.stderr.write(`auditdesk sync: ${errorText(error)}\n`);
      return 1;
    } finally {
      await core.close();
    }
  },
};

function line(s: AccountRegionStatus): string {
  const run = s.lastRun ? `+${s.lastRun.inserted} new` : '';
  const span = s.oldestEventTime && s.newestEventTime ? `${s.oldestEventTime} … ${s.newestEventTime}` : '';
  return [s.accountId, s.region.padEnd(14), s.state.padEnd(9), run.padEnd(10), span, s.lastError ? `! ${s.lastError.message}` : ''].join('  ').trimEnd();
}

