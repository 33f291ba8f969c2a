import { useEffect, useRef } from 'react';
import type { FindingRef, FindingRow, TriageAction } from '../../../shared/ipc/channels/findings';
import { useInvoke } from '../../api/use-invoke';
import { Badge } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { evidenceHref } from './evidence-link';
import { FindingAccess } from './FindingAccess';
import { formatTime } from './finding-format';
import { findingTypeLabel, NOTE_LABELS, resourceTypeLabel, severityOf, STATUS_TONES, statusLabel } from './finding-labels';

interface Props {
  finding: FindingRef;
  /** Bumped after a triage or a sync: the pane reloads. */
  generation: number;
  now: number;
  onClose(): void;
  onTriage(rows: FindingRow[], action: TriageAction): void;
}

/** One finding in full: who can access what, the finding's facts, its triage log, the raw JSON. */
export function FindingDetailPane({ finding, generation, now, onClose, onTriage }: Props) {
  const detail = useInvoke('findings:get', finding);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { reload } = detail;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [generation, reload]);
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), [finding.id, finding.analyzerArn]);

  const data = detail.data;
  const row = data?.finding;
  return (
    <aside className="detail-pane finding-pane" aria-label="Finding details" data-testid="finding-pane" data-ready={detail.status !== 'loading' ? 'true' : 'false'}>
      <header className="finding-pane__header">
        <div className="finding-pane__title-row">
          <h2 className="finding-pane__title" tabIndex={-1} ref={headingRef}>
            {row ? findingTypeLabel(row.findingType) : 'Finding'}
          </h2>
          <button type="button" className="button button--small" onClick={onClose} aria-label="Close the finding details" aria-keyshortcuts="Escape">
            Close
          </button>
        </div>
        {row ? (
          <>
            <p className="finding-pane__resource mono">{row.resource}</p>
            <div className="finding-pane__badges">
              <Badge tone={severityOf(row).tone}>{severityOf(row).label}</Badge>
              <Badge tone={STATUS_TONES[row.status] ?? 'neutral'}>{statusLabel(row.status)}</Badge>
              <span className="muted">{resourceTypeLabel(row.resourceType)}</span>
            </div>
            <div className="finding-pane__actions">
              {row.status === 'ACTIVE' ? (
                <button type="button" className="button button--primary" onClick={() => onTriage([row], 'archive')}>
                  Archive…
                </button>
              ) : null}
              {row.status === 'ARCHIVED' ? (
                <button type="button" className="button button--secondary" onClick={() => onTriage([row], 'unarchive')}>
                  Unarchive…
                </button>
              ) : null}
              <button type="button" className="button button--secondary" onClick={() => onTriage([row], 'note')}>
                Add a note…
              </button>
              {data ? (
                <a className="finding-pane__evidence" href={evidenceHref(data.evidenceQuery)} title={data.evidenceQuery} data-testid="evidence-link">
                  Show CloudTrail evidence
                </a>
              ) : null}
            </div>
            {row.status === 'RESOLVED' ? <p className="finding-pane__note">Resolved by Access Analyzer: the access no longer exists, so it cannot be archived.</p> : null}
          </>
        ) : null}
      </header>
      {detail.status === 'loading' && !data ? <LoadingState label="Reading the finding…" /> : null}
      {detail.status === 'error' ? <ErrorNotice compact title="Could not read this finding" error={detail.error} onRetry={detail.reload} /> : null}
      {data && row ? (
        <div className="finding-pane__body">
          <section className="finding-section" aria-labelledby="finding-access-title">
            <h3 id="finding-access-title" className="finding-section__title">
              {row.analyzerKind === 'unused' ? 'What went unused' : 'Who can access what'}
            </h3>
            <FindingAccess details={data.details} now={now} />
          </section>
          <section className="finding-section" aria-labelledby="finding-facts-title">
            <h3 id="finding-facts-title" className="finding-section__title">
              Finding
            </h3>
            <dl className="finding-facts">
              <dt>Resource owner</dt>
              <dd className="mono">{row.resourceOwnerAccount}</dd>
              <dt>Analyzer</dt>
              <dd>
                <span className="mono">{row.analyzerArn.split('/').pop()}</span> <span className="muted">({row.analyzerType} in {row.account}, {row.region})</span>
              </dd>
              <dt>Created</dt>
              <dd>{formatTime(row.createdAt)}</dd>
              <dt>Updated</dt>
              <dd>{formatTime(row.updatedAt)}</dd>
              <dt>Analyzed</dt>
              <dd>{formatTime(row.analyzedAt)}</dd>
              <dt>Read with</dt>
              <dd>
                <span className="mono">{row.profile}</span> <span className="muted">at {formatTime(row.retrievedAt)}</span>
              </dd>
              <dt>Finding id</dt>
              <dd className="mono">{row.id}</dd>
              {row.error ? (
                <>
                  <dt>Analyzer error</dt>
                  <dd className="text-danger">{row.error}</dd>
                </>
              ) : null}
            </dl>
            <p className="finding-pane__evidence-text">
              CloudTrail: {data.evidenceDescription}. <code>{data.evidenceQuery}</code>
            </p>
          </section>
          <section className="finding-section" aria-labelledby="finding-log-title">
            <h3 id="finding-log-title" className="finding-section__title">
              Triage log
            </h3>
            {data.annotations.length === 0 ? (
              <p className="muted">Nothing recorded in Auditdesk yet.</p>
            ) : (
              <ol className="finding-log" data-testid="finding-log">
                {data.annotations.map((a) => (
                  <li key={a.annotationId} className="finding-log__entry">
                    <p className="finding-log__what">
                      <strong>{a.action === 'note' ? NOTE_LABELS[a.label ?? 'comment'] : a.action === 'archive' ? 'Archived' : 'Unarchived'}</strong>
                      {a.previousStatus && a.newStatus ? <span className="muted"> ({statusLabel(a.previousStatus)} → {statusLabel(a.newStatus)})</span> : null}
                      <span className="muted"> · {formatTime(a.at)}</span>
                    </p>
                    <p className="finding-log__why">{a.justification}</p>
                    <p className="finding-log__who mono" title={a.whoSource === 'sts' ? 'The STS identity of the profile used' : 'The operating-system user (STS could not be asked)'}>
                      {a.who}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <details className="finding-section finding-raw">
            <summary className="finding-section__title">Raw JSON from Access Analyzer</summary>
            <pre className="finding-raw__json">{data.rawJson}</pre>
          </details>
        </div>
      ) : null}
    </aside>
  );
}
