import { z } from 'zod';
import { EventFilters, FilterChip } from './events';
import { FindingFilters } from './findings';

export const ReportKind = z.enum(['events', 'findings']);
export type ReportKind = z.infer<typeof ReportKind>;
export const ReportFormat = z.enum(['csv', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** A report id: `<kind>-<yyyymmddThhmmss>-<random>`; also the file's base name under `<dataDir>/reports/`. */
const ReportId = z.string().regex(/^(events|findings)-\d{8}T\d{6}Z-[a-z0-9]{6}$/, 'Not a report id.');

/** What a report covered, in one line each, stored next to it (sidecar JSON) for the list. */
export const ReportMeta = z.object({
  reportId: z.string(),
  kind: ReportKind,
  format: ReportFormat,
  /** The title printed on the report. */
  title: z.string(),
  /** The file name offered for download: `auditdesk-events-2024-08-01T1200Z.pdf`. */
  fileName: z.string(),
  /** Where it was written, under `<dataDir>/reports/`. */
  path: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  bytes: z.number(),
  /** Events or findings in the report (for PDFs: in its summary counts, the table may show fewer). */
  rows: z.number(),
  /** How many matched in all. */
  total: z.number(),
  /** True when the row cap cut the export short; the report says so too. */
  capped: z.boolean(),
  /** One line: the workspace, profiles, query or filters. */
  scopeSummary: z.string(),
  /** The Auditdesk version that wrote it. */
  version: z.string(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const reportsChannels = {
  /**
   * Writes a report under `<dataDir>/reports/` (as a job, with progress in the tray) and returns
   * it, with its content when it is small enough to hand to the renderer (20 MB).
   */
  'reports:create': {
    input: z
      .object({
        kind: ReportKind,
        format: ReportFormat,
        /** Events reports: the query, as in `events:search`. */
        query: z.string().max(2000).optional(),
        chips: z.array(FilterChip).max(50).optional(),
        eventFilters: EventFilters.optional(),
        /** Findings reports: the inbox filters, as in `findings:list`. */
        filters: FindingFilters.optional(),
        title: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: ReportMeta.extend({
      /** The file's bytes in base64; absent when the report is larger than 20 MB (use the path). */
      contentBase64: z.string().optional(),
    }),
  },
  /** Reports written before, newest first. */
  'reports:list': {
    input: z.object({}).strict(),
    output: z.array(ReportMeta),
  },
  /** One report's content, for a download. */
  'reports:get': {
    input: z.object({ reportId: ReportId }).strict(),
    output: z.object({ meta: ReportMeta, contentBase64: z.string() }),
  },
} as const;
