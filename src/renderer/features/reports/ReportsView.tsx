import { useId, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { FindingStatus } from '../../../shared/ipc/channels/findings';
import type { ReportFormat, ReportKind, ReportMeta } from '../../../shared/ipc/channels/reports';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { useInvoke } from '../../api/use-invoke';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ReportIcon } from '../../ui/icons';
import { LoadingState } from '../../ui/LoadingState';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';
import { downloadReport, formatBytes, loadLastQuery, saveLastQuery } from './report-download';
import './reports.css';

type Created = ChannelOutput<'reports:create'>;
type StatusChoice = 'ACTIVE' | 'ARCHIVED' | 'RESOLVED' | 'all';

const KINDS = [
  { id: 'events', label: 'Events' },
  { id: 'findings', label: 'Findings' },
] as const;
const FORMATS = [
  { id: 'pdf', label: 'PDF', title: 'Scope, coverage, summary and the newest 500 events: to hand over' },
  { id: 'csv', label: 'CSV', title: 'Every matching row (up to 100,000): to analyse' },
] as const;
const STATUSES = [
  { id: 'ACTIVE', label: 'Active' },
  { id: 'ARCHIVED', label: 'Archived' },
  { id: 'RESOLVED', label: 'Resolved' },
  { id: 'all', label: 'All' },
] as const;

function queryFromReportsHash(hash: string): string | undefined {
  const at = hash.indexOf('?');
  if (!hash.startsWith('#/reports') || at < 0) return undefined;
  return new URLSearchParams(hash.slice(at + 1)).get('q') ?? undefined;
}

export function ReportsView() {
  const settled = isWorkspaceSettled(useWorkspace());
  const api = useApi();
  const id = useId();
  const earlier = useInvoke('reports:list', {});
  const [kind, setKind] = useState<ReportKind>('events');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [query, setQuery] = useState(() => queryFromReportsHash(window.location.hash) ?? loadLastQuery(window.localStorage));
  const [status, setStatus] = useState<StatusChoice>('ACTIVE');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const [created, setCreated] = useState<Created>();
  const [downloadError, setDownloadError] = useState<DisplayError>();

  async function generate(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(undefined);
    try {
      const statusFilter: FindingStatus[] = status === 'all' ? [] : [status];
      const result = await api.invoke('reports:create', {
        kind,
        format,
        ...(kind === 'events' ? { query: query.trim() } : { filters: statusFilter.length ? { status: statusFilter } : {} }),
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      if (kind === 'events') saveLastQuery(window.localStorage, query.trim());
      setCreated(result);
      earlier.reload();
    } catch (failure) {
      setError(toDisplayError(failure));
    } finally {
      setBusy(false);
    }
  }

  async function download(meta: ReportMeta, content?: string) {
    setDownloadError(undefined);
    try {
      const base64 = content ?? (await api.invoke('reports:get', { reportId: meta.reportId })).contentBase64;
      downloadReport(base64, meta.fileName, meta.format);
    } catch (failure) {
      setDownloadError(toDisplayError(failure));
    }
  }

  return (
    <ViewFrame view="reports" ready={settled && earlier.status !== 'loading'}>
      <ViewHeader title="Reports" summary={<>Evidence for the audit file: a dated CSV or PDF that states its scope and where its records came from. <ActiveScope /></>} />
      <div className="view-body reports">
        <form className="reports__form" onSubmit={(e) => void generate(e)} data-testid="report-form" aria-label="New report">
          <h2 className="reports__heading">New report</h2>
          <div className="reports__row">
            <span className="reports__label">Report on</span>
            <SegmentedControl label="Report on" options={KINDS} value={kind} onChange={setKind} testId="report-kind" />
          </div>
          <div className="reports__row">
            <span className="reports__label">Format</span>
            <SegmentedControl label="Format" options={FORMATS} value={format} onChange={setFormat} testId="report-format" />
            <span className="reports__hint">{format === 'pdf' ? 'Scope, index coverage, a summary and the newest 500 rows, page-numbered.' : 'Every matching row (up to 100,000) with its source and retrieval time.'}</span>
          </div>
          {kind === 'events' ? (
            <div className="reports__row">
              <label className="reports__label" htmlFor={`${id}-query`}>
                Events query
              </label>
              <input
                id={`${id}-query`}
                className="reports__input mono"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder="eventName:CreateUser principal:alice*   (empty: every event in the index)"
                spellCheck={false}
                data-testid="report-query"
              />
            </div>
          ) : (
            <div className="reports__row">
              <span className="reports__label">Findings status</span>
              <SegmentedControl label="Findings status" options={STATUSES} value={status} onChange={setStatus} testId="report-status" />
            </div>
          )}
          <div className="reports__row">
            <label className="reports__label" htmlFor={`${id}-title`}>
              Title
            </label>
            <input
              id={`${id}-title`}
              className="reports__input"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={kind === 'events' ? 'CloudTrail events' : 'IAM Access Analyzer findings'}
              data-testid="report-title"
            />
          </div>
          <div className="reports__actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="report-generate">
              {busy ? 'Generating…' : `Generate ${format.toUpperCase()}`}
            </button>
            <span className="reports__hint">Read from the local index: sync or import first for current data.</span>
          </div>
          {error ? <ErrorNotice title="The report could not be written" error={error} compact /> : null}
          {created ? (
            <div className="reports__result" role="status" data-testid="report-result">
              <ReportIcon className="reports__result-icon" />
              <div className="reports__result-text">
                <p className="reports__result-title">
                  {created.fileName} · {formatBytes(created.bytes)}
                </p>
                <p className="reports__result-meta">
                  {created.rows.toLocaleString()} of {created.total.toLocaleString()} {created.kind}
                  {created.capped ? ' · cut at the row cap, the report says so' : ''} · {created.scopeSummary}
                </p>
                <p className="reports__result-meta">
                  Saved to <code className="mono" data-testid="report-path">{created.path}</code>
                </p>
              </div>
              <button type="button" className="button button--secondary" onClick={() => void download(created, created.contentBase64)} data-testid="report-download">
                Download
              </button>
            </div>
          ) : null}
        </form>

        <section className="reports__earlier" aria-labelledby={`${id}-earlier`}>
          <h2 className="reports__heading" id={`${id}-earlier`}>
            Earlier reports
          </h2>
          {downloadError ? <ErrorNotice title="The download failed" error={downloadError} compact /> : null}
          {earlier.status === 'loading' && !earlier.data ? (
            <LoadingState label="Reading the reports folder…" />
          ) : earlier.status === 'error' ? (
            <ErrorNotice title="The reports folder could not be read" error={earlier.error} onRetry={earlier.reload} compact />
          ) : !earlier.data?.length ? (
            <p className="reports__empty" data-testid="reports-empty">
              No reports yet. Each report you generate is kept in the reports folder of Auditdesk's data folder, with a note of its scope, and listed here.
            </p>
          ) : (
            <div className="table-frame">
              <table className="data-table reports__table" data-testid="reports-list">
                <thead>
                  <tr>
                    <th scope="col">Created (UTC)</th>
                    <th scope="col">Report</th>
                    <th scope="col">Scope</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Size</th>
                    <th scope="col">
                      <span className="sr-only">Download</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {earlier.data.map((r) => (
                    <tr key={r.reportId} data-report-id={r.reportId}>
                      <td className="mono">{r.createdAt.replace('T', ' ').replace(/(\.\d+)?Z$/, '')}</td>
                      <td>
                        <span className="cell-primary">{r.title}</span> <span className="badge badge--neutral">{r.format.toUpperCase()}</span>
                      </td>
                      <td className="reports__scope" title={r.scopeSummary}>
                        {r.scopeSummary}
                      </td>
                      <td>
                        {r.rows.toLocaleString()}
                        {r.capped ? ' (capped)' : ''}
                      </td>
                      <td>{formatBytes(r.bytes)}</td>
                      <td>
                        <button type="button" className="button button--small button--secondary" onClick={() => void download(r)} aria-label={`Download ${r.fileName}`}>
                          Download
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </ViewFrame>
  );
}
