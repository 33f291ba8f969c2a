import { resolve } from 'node:path';
import type { ImportReport } from '../../../shared/ipc/channels/events';
import type { EventBus } from '../../core/event-bus';
import type { EventStore } from '../../store/event-store';
import type { JobRunner } from '../jobs/job-runner';
import { importFolder } from '../trail-import/import-folder';
import type { SyncClients } from '../trail-sync/sync-clients';
import { importS3, s3Url } from './s3-import';
import type { S3KeyFilters } from './s3-key-filter';

export type ImportRequest =
  | { kind: 'folder'; path: string }
  | ({ kind: 's3'; profile: string; bucket: string; prefix?: string } & S3KeyFilters);

export interface ImportJobs {
  start(request: ImportRequest): { jobId: string; done: Promise<ImportReport> };
  /** Reports of this run's imports, newest first. */
  reports(): ImportReport[];
}

/** Malformed files listed per report; the count beyond is in the message. */
const MALFORMED_CAP = 200;

/**
 * Imports as jobs: a local folder (the index's folder import) or an S3 bucket through a profile
 * (importS3), with progress on the jobs tray and a report per run (counts, malformed files).
 */
export function createImportJobs(deps: { jobs: JobRunner; store: () => Promise<EventStore>; clients: SyncClients; bus?: EventBus; clock?: () => Date }): ImportJobs {
  const reports: ImportReport[] = [];

  return {
    start(request) {
      const location = request.kind === 'folder' ? resolve(request.path) : s3Url(request.bucket, request.prefix ?? '');
      const title = request.kind === 'folder' ? `Import ${location}` : `Import ${location} (${request.profile})`;
      let report: ImportReport | undefined;
      const job = deps.jobs.start({
        kind: 'trail-import',
        title,
        run: async (ctx) => {
          report = {
            jobId: ctx.jobId,
            kind: request.kind,
            location,
            state: 'running',
            filesRead: 0,
            filesSkipped: 0,
            eventsRead: 0,
            eventsInserted: 0,
            malformed: [],
          };
          reports.unshift(report);
          const store = await deps.store();
          try {
            if (request.kind === 'folder') {
              const summary = await importFolder({
                store,
                folder: location,
                signal: ctx.signal,
                clock: deps.clock,
                onProgress: (p) => ctx.progress({ step: progressStep(p), current: p.filesDone, total: p.filesTotal }),
              });
              settle(report, { ...summary, filesRead: summary.filesImported, failed: summary.failed.map((f) => ({ key: f.path, reason: f.reason })) });
            } else {
              const s3 = await deps.clients.s3(request.profile);
              const summary = await importS3({
                store,
                s3,
                profile: request.profile,
                bucket: request.bucket,
                prefix: request.prefix,
                filters: { accounts: request.accounts, regions: request.regions, fromDate: request.fromDate, toDate: request.toDate },
                signal: ctx.signal,
                clock: deps.clock,
                onProgress: (p) => ctx.progress({ step: progressStep(p), current: p.objectsDone, total: p.objectsTotal }),
              });
              settle(report, {
                ...summary,
                filesRead: summary.objectsImported,
                filesSkipped: summary.objectsSkipped,
                failed: summary.failed.map((f) => ({ key: s3Url(request.bucket, f.key), reason: f.reason })),
              });
            }
            if (report.eventsInserted > 0) deps.bus?.emit('events:changed', { source: 'import', inserted: report.eventsInserted });
            return report;
          } catch (error) {
            report.state = ctx.signal.aborted ? 'cancelled' : 'failed';
            report.message = error instanceof Error ? error.message : String(error);
            throw error;
          }
        },
      });
      const done = job.done.then(() => report!);
      // Callers that only want the id must not see an unhandled rejection.
      done.catch(() => undefined);
      return { jobId: job.jobId, done };
    },
    reports: () => reports.map((r) => ({ ...r, malformed: [...r.malformed] })),
  };
}

/** What a folder or S3 import did, in the report's terms; past MALFORMED_CAP unreadable files, a count. */
function settle(
  report: ImportReport,
  done: { cancelled: boolean; filesRead: number; filesSkipped: number; imported: number; duplicates: number; failed: Array<{ key: string; reason: string }> },
): void {
  Object.assign(report, {
    state: done.cancelled ? 'cancelled' : 'done',
    filesRead: done.filesRead,
    filesSkipped: done.filesSkipped,
    eventsRead: done.imported + done.duplicates,
    eventsInserted: done.imported,
    malformed: done.failed.slice(0, MALFORMED_CAP),
  });
  if (done.failed.length > MALFORMED_CAP) report.message = `${done.failed.length} files could not be read; the first ${MALFORMED_CAP} are listed.`;
}

function progressStep(progress: { events: number; errors: number }): string {
  return `${progress.events} events · ${progress.errors} unreadable`;
}
