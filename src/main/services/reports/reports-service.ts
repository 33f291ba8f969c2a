import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { AccountRegionStatus } from '../../../shared/ipc/channels/events';
import { ReportMeta, type reportsChannels } from '../../../shared/ipc/channels/reports';
import { AppError } from '../../../shared/ipc/result';
import type { EventStore } from '../../store/event-store';
import type { FindingsService } from '../findings/findings-service';
import type { JobRunner } from '../jobs/job-runner';
import type { SearchService } from '../search/search-service';
import { eventsCsv, eventsPdf, eventsScopeSummary } from './events-report';
import { filtersLine, findingsCsv, findingsPdf } from './findings-report';
import type { ReportScope } from './report-scope';

export type CreateReportRequest = z.infer<(typeof reportsChannels)['reports:create']['input']>;
export type CreatedReport = ReportMeta & { contentBase64?: string };

export interface ReportsServiceDeps {
  dataDir: string;
  jobs: JobRunner;
  search: SearchService;
  store: () => Promise<Pick<EventStore, 'read' | 'sources'>>;
  syncStatus: () => Promise<AccountRegionStatus[]>;
  findings: Pick<FindingsService, 'list' | 'coverage' | 'annotations'>;
  workspace: () => { kind: 'user' | 'demo'; activeProfiles: string[] };
  version: string;
  clock?: () => Date;
  /** Rows a CSV holds at most (default 100,000); the report says when it was cut. */
  rowCap?: number;
  /** Events a PDF lists (default 500). */
  pdfRows?: number;
  /** Content larger than this is not sent back through the channel (default 20 MB). */
  maxInlineBytes?: number;
}

export interface ReportsService {
  /** Writes the report as a job (progress in the tray) and resolves once it is on disk. */
  create(request: CreateReportRequest): Promise<CreatedReport>;
  list(): Promise<ReportMeta[]>;
  get(reportId: string): Promise<{ meta: ReportMeta; contentBase64: string }>;
}

const ID = /^(events|findings)-\d{8}T\d{6}Z-[a-z0-9]{6}$/;

export function createReportsService(deps: ReportsServiceDeps): ReportsService {
  const clock = deps.clock ?? (() => new Date());
  const folder = join(deps.dataDir, 'reports');
  const rowCap = deps.rowCap ?? 100_000;
  const pdfRows = deps.pdfRows ?? 500;
  const maxInline = deps.maxInlineBytes ?? 20 * 1024 * 1024;

  async function readMeta(reportId: string): Promise<ReportMeta | undefined> {
    try {
      const parsed = ReportMeta.safeParse(JSON.parse(await readFile(join(folder, `${reportId}.json`), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    async create(request) {
      const now = clock();
      const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const stamp = iso.replace(/[-:]/g, '');
      const reportId = `${request.kind}-${stamp}-${randomBytes(4).toString('hex').slice(0, 6)}`;
      const workspace = deps.workspace();
      const workspaceText = workspace.kind === 'demo' ? 'demo (the built-in emulator, not AWS)' : 'user (your AWS config and profiles)';
      const title = request.title?.trim() || (request.kind === 'events' ? 'CloudTrail events' : 'IAM Access Analyzer findings');
      const scope: ReportScope = { title, workspace: workspaceText, profiles: workspace.activeProfiles, generatedAt: iso, version: deps.version };
      const fileName = `auditdesk-${request.kind}-${iso.slice(0, 16).replace(':', '')}Z.${request.format}`;
      const path = join(folder, `${reportId}.${request.format}`);

      const job = deps.jobs.start({
        kind: 'report',
        title: `${request.format.toUpperCase()} report: ${title}`,
        run: async (ctx) => {
          const progress = (n: number, total: number) => ctx.progress({ step: `${n.toLocaleString('en-US')} ${request.kind} read`, current: n, total });
          if (request.kind === 'events') {
            const events = { search: deps.search, store: deps.store, syncStatus: deps.syncStatus, rowCap, pdfRows };
            const eventsRequest = { query: request.query ?? '', chips: request.chips, filters: request.eventFilters };
            const out = request.format === 'csv' ? await eventsCsv(events, eventsRequest, scope, progress, ctx.signal) : await eventsPdf(events, eventsRequest, scope, progress, ctx.signal);
            return { ...out, scopeSummary: eventsScopeSummary(eventsRequest, workspace.kind) };
          }
          const filters = request.filters ?? {};
          const findings = { findings: deps.findings, rowCap };
          const out = request.format === 'csv' ? await findingsCsv(findings, filters, progress, ctx.signal) : await findingsPdf(findings, filters, scope, progress, ctx.signal);
          return { ...out, scopeSummary: `${workspace.kind} · filters: ${filtersLine(filters)}` };
        },
      });
      const out = await job.done;
      const meta: ReportMeta = {
        reportId,
        kind: request.kind,
        format: request.format,
        title,
        fileName,
        path,
        // Milliseconds: two reports of the same second still list in order.
        createdAt: now.toISOString(),
        bytes: out.content.length,
        rows: out.rows,
        total: out.total,
        capped: out.capped,
        scopeSummary: out.scopeSummary,
        version: deps.version,
      };
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // Write then rename: a report listed is a report complete.
      await writeFile(`${path}.part`, out.content, { mode: 0o600 });
      await rename(`${path}.part`, path);
      await writeFile(join(folder, `${reportId}.json`), `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
      return { ...meta, ...(out.content.length <= maxInline ? { contentBase64: out.content.toString('base64') } : {}) };
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return [];
      }
      const metas = await Promise.all(names.filter((n) => n.endsWith('.json') && ID.test(n.slice(0, -5))).map((n) => readMeta(n.slice(0, -5))));
      return metas.filter((m): m is ReportMeta => m !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.reportId.localeCompare(a.reportId));
    },

    async get(reportId) {
      if (!ID.test(reportId)) throw new AppError('bad-input', 'Not a report id.');
      const meta = await readMeta(reportId);
      if (!meta) throw new AppError('not-found', 'No such report in the reports folder.');
      const content = await readFile(join(folder, `${reportId}.${meta.format}`)).catch(() => {
        throw new AppError('not-found', `The report file is gone from ${folder}.`);
      });
      if (content.length > maxInline) throw new AppError('too-large', `This report is larger than ${Math.round(maxInline / 1048576)} MB: open it from ${meta.path}.`);
      return { meta, contentBase64: content.toString('base64') };
    },
  };
}
