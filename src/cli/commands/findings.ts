import { parseArgs } from 'node:util';
import type { Core } from '../../main/core/create-core';
import type { FindingFilters, FindingRef, FindingRow } from '../../shared/ipc/channels/findings';
import { FindingFilters as FindingFiltersSchema, FindingStatus } from '../../shared/ipc/channels/findings';
import type { CliCommand, CliContext } from '../cli-types';
import { createCliCore } from '../cli-core';
import { cancelOnInterrupt, printJobProgress } from './cli-progress';
import { errorText, usageError } from '../cli-usage';

const USAGE = `
Usage: auditdesk findings sync [--profile P…] [--region R…] [--json]
       auditdesk findings list [--status S…] [--type T…] [--account A…] [--region R…] [--public] [--text WORDS] [--json]
       auditdesk findings archive ID… --justification "…" [--analyzer ARN]
       auditdesk findings unarchive ID… --justification "…" [--analyzer ARN]
       auditdesk findings coverage [--json]
(every form also takes --data-dir DIR)

IAM Access Analyzer findings of every analyzer (external, internal and unused access) in the
local findings index.
  sync        reads every analyzer, finding and its details for each profile (default: $AWS_PROFILE,
              else "default") in us-east-1, the profile's region, its auditdesk_regions and --region.
              Regions without an analyzer and accounts that refuse access are reported.
  list        the stored findings, most severe first; --json prints one JSON object per line.
  archive     archives findings in AWS (UpdateFindings) and records the justification, who and when
              in the local audit log. Nothing is recorded for a finding AWS refuses to change.
              A finding id is unique per analyzer only: give --analyzer when an id is ambiguous.
  coverage    account × region × analyzer kind: present, org-only, missing, denied…
Exit codes: 0 done, 1 something failed or was refused, 2 usage error.`;

type Values = Record<string, string | boolean | string[] | undefined>;

export const findingsCommand: CliCommand = {
  name: 'findings',
  summary: 'Sync, list and triage IAM Access Analyzer findings (archive with a recorded justification).',
  usage: USAGE,
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    let values: Values;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: rest,
        allowPositionals: sub === 'archive' || sub === 'unarchive',
        options: {
          profile: { type: 'string', multiple: true },
          region: { type: 'string', multiple: true },
          status: { type: 'string', multiple: true },
          type: { type: 'string', multiple: true },
          account: { type: 'string', multiple: true },
          public: { type: 'boolean' },
          text: { type: 'string' },
          justification: { type: 'string' },
          analyzer: { type: 'string' },
          json: { type: 'boolean' },
          'data-dir': { type: 'string' },
        },
      }));
    } catch (error) {
      return usageError(ctx, 'findings', errorText(error));
    }
    if (sub !== 'sync' && sub !== 'list' && sub !== 'archive' && sub !== 'unarchive' && sub !== 'coverage') return usageError(ctx, 'findings', sub ? `unknown subcommand "${sub}".` : 'give a subcommand.');
    if ((sub === 'archive' || sub === 'unarchive') && positionals.length === 0) return usageError(ctx, 'findings', `give the ids of the findings to ${sub}.`);
    if ((sub === 'archive' || sub === 'unarchive') && typeof values.justification !== 'string') return usageError(ctx, 'findings', '--justification "why" is required: it goes to the audit log.');

    const core = await createCliCore(ctx, { dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined });
    try {
      if (sub === 'sync') return await sync(ctx, core, values);
      if (sub === 'list') return await list(ctx, core, values);
      if (sub === 'coverage') return await coverage(ctx, core, values);
      return await triage(ctx, core, sub, positionals, values);
    } catch (error) {
      ctx.stderr.write(`auditdesk findings ${sub}: ${errorText(error)}\n`);
      return 1;
    } finally {
      await core.close();
    }
  },
};

const strings = (value: Values[string]): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);

async function sync(ctx: CliContext, core: Core, values: Values): Promise<number> {
  const profiles = strings(values.profile);
  const job = core.findings.sync({ profiles: profiles.length > 0 ? profiles : [ctx.env.AWS_PROFILE || 'default'], regions: strings(values.region) });
  const stop = printJobProgress(ctx, core, job.jobId, 'findings sync');
  cancelOnInterrupt(ctx, core, job.jobId);
  const report = await job.done.finally(stop);
  if (values.json) ctx.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    for (const o of report.outcomes) {
      const failures = [o.message, ...o.analyzerFailures.map((f) => f.message)].filter(Boolean).join(' · ');
      ctx.stdout.write(`${o.account}  ${o.region.padEnd(14)}  ${o.status.padEnd(6)}  ${String(o.analyzers.length).padStart(2)} analyzers  ${String(o.findings).padStart(5)} findings${failures ? `  ! ${failures}` : ''}\n`);
    }
    for (const p of report.profileErrors) ctx.stdout.write(`${p.profile}: ${p.message}\n`);
    const gaps = (await core.findings.coverage()).entries.filter((e) => e.status === 'missing' && e.kind === 'external');
    for (const gap of gaps) ctx.stdout.write(`No external access analyzer: ${gap.account} ${gap.region}\n`);
    ctx.stdout.write(`${report.findings} findings stored.\n`);
  }
  const complete = report.profileErrors.length === 0 && report.outcomes.every((o) => o.status === 'ok' && o.analyzerFailures.length === 0);
  return complete ? 0 : 1;
}

async function list(ctx: CliContext, core: Core, values: Values): Promise<number> {
  const parsed = FindingFiltersSchema.safeParse({
    ...(values.status ? { status: strings(values.status).map((s) => s.toUpperCase()) } : {}),
    ...(values.type ? { findingType: strings(values.type) } : {}),
    ...(values.account ? { account: strings(values.account) } : {}),
    ...(values.region ? { region: strings(values.region) } : {}),
    ...(values.public ? { isPublic: true } : {}),
    ...(typeof values.text === 'string' ? { text: values.text } : {}),
  });
  if (!parsed.success) return usageError(ctx, 'findings', `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message ?? 'invalid filter'} (statuses: ${FindingStatus.options.join(', ')}).`);
  const filters: FindingFilters = parsed.data;
  let cursor: string | undefined;
  let shown = 0;
  do {
    const page = await core.findings.list({ filters, sort: { by: 'severity', dir: 'asc' }, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const row of page.rows) ctx.stdout.write(values.json ? `${JSON.stringify(row)}\n` : `${tableLine(row)}\n`);
    shown += page.rows.length;
    cursor = page.nextCursor;
    if (!cursor && !values.json) ctx.stderr.write(`${shown} of ${page.indexed} findings${page.lastSyncedAt ? `, synced ${page.lastSyncedAt}` : ''}.\n`);
  } while (cursor);
  return 0;
}

function tableLine(r: FindingRow): string {
  const flag = r.isPublic ? 'PUBLIC ' : '';
  return [r.status.padEnd(8), r.findingType.padEnd(22), r.resourceOwnerAccount, r.region.padEnd(14), `${flag}${r.resource}`, r.principal, r.access, r.id].join('  ');
}

async function coverage(ctx: CliContext, core: Core, values: Values): Promise<number> {
  const { entries } = await core.findings.coverage();
  for (const e of entries) {
    ctx.stdout.write(values.json ? `${JSON.stringify(e)}\n` : `${e.account}  ${(e.region || 'all regions').padEnd(14)}  ${e.kind.padEnd(8)}  ${e.status}${e.message ? `  ! ${e.message}` : ''}\n`);
  }
  return 0;
}

async function triage(ctx: CliContext, core: Core, action: 'archive' | 'unarchive', ids: string[], values: Values): Promise<number> {
  const refs: FindingRef[] = [];
  for (const id of ids) {
    const matches = (await core.findings.findById(id)).filter((r) => typeof values.analyzer !== 'string' || r.analyzerArn === values.analyzer);
    if (matches.length === 1) refs.push({ id, analyzerArn: matches[0]!.analyzerArn });
    else if (matches.length === 0) {
      ctx.stderr.write(`${id}: not in the local findings index (run "auditdesk findings sync" first).\n`);
      return 1;
    } else {
      ctx.stderr.write(`${id}: reported by ${matches.length} analyzers; give --analyzer with one of:\n${matches.map((m) => `  ${m.analyzerArn}`).join('\n')}\n`);
      return 2;
    }
  }
  const justification = typeof values.justification === 'string' ? values.justification : '';
  const { results } = await core.findings.triage({ ids: refs, action, justification });
  for (const r of results) {
    if (r.ok) ctx.stdout.write(`${r.id}: ${r.status} (recorded as ${r.annotationId})\n`);
    else ctx.stderr.write(`${r.id}: ${r.error?.code}: ${r.error?.message}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

