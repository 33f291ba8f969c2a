import { useMemo, useState, type ReactNode } from 'react';
import type { EventDetail } from '../../../shared/ipc/channels/events';
import { useInvoke } from '../../api/use-invoke';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { formatLocalTime, formatUtcTime, readOnlyLabel } from './event-format';
import { parseRecord } from './json-diff';
import { literalChip, type ChipField, type FilterChip } from './search-chips';

interface Props {
  eventKey: string;
  onClose(): void;
  onPivot(chip: FilterChip): void;
}

/** One event: who, what, where, the resources, where the record came from, and the record itself. */
export function EventDetailPane({ eventKey, onClose, onPivot }: Props) {
  const detail = useInvoke('events:get', { eventId: eventKey });
  const event = detail.data?.event.key === eventKey || detail.data?.event.eventId === eventKey ? detail.data.event : undefined;
  const pretty = useMemo(() => (detail.data ? JSON.stringify(parseRecord(detail.data.raw), null, 2) : ''), [detail.data]);

  return (
    <aside className="detail-pane event-detail" aria-labelledby="event-detail-title" data-testid="event-detail" data-event-key={eventKey} data-loaded={event ? 'true' : 'false'}>
      <header className="event-detail__header">
        <div className="event-detail__heading">
          <h2 id="event-detail-title" className="event-detail__title">
            {event?.eventName ?? 'Event'}
          </h2>
          {event ? (
            <p className="event-detail__time" title={formatUtcTime(event.eventTime)}>
              {formatLocalTime(event.eventTime)} <span className="muted">local · {formatUtcTime(event.eventTime)}</span>
            </p>
          ) : null}
        </div>
        <button type="button" className="button button--small" onClick={onClose} aria-label="Close event details" title="Close (Escape)">
          ×
        </button>
      </header>
      {detail.status === 'error' ? <ErrorNotice compact title="Could not read this event" error={detail.error} onRetry={detail.reload} /> : null}
      {!event && detail.status === 'loading' ? <LoadingState label="Reading the event…" /> : null}
      {event ? (
        <div className="event-detail__body">
          {event.errorCode ? <ErrorSummary code={event.errorCode} message={event.errorMessage} /> : null}
          <FieldGroup title="Who">
            <Field label="Principal" field="principal" value={event.principal} onPivot={onPivot} />
            <Field label="Type" value={event.principalType} />
            <Field label="ARN" value={event.principalArn} mono />
            <Field label="Session" value={event.sessionName} />
            <Field label="Access key" field="accesskey" value={event.accessKeyId} onPivot={onPivot} mono />
            <Field label="Source IP" field="ip" value={event.sourceIp} onPivot={onPivot} mono />
            <Field label="User agent" value={event.userAgent ?? null} />
            <Field label="Invoked by" value={event.invokedBy} />
          </FieldGroup>
          <FieldGroup title="What">
            <Field label="Event" field="eventname" value={event.eventName} onPivot={onPivot} />
            <Field label="Source" field="source" value={event.eventSource} onPivot={onPivot} />
            <Field label="Kind" value={readOnlyLabel(event.readOnly)} />
            <Field label="Type" value={[event.eventType, event.eventCategory].filter(Boolean).join(' · ') || null} />
            <Field label="Error" field="error" value={event.errorCode} onPivot={onPivot} />
            <Field label="Request id" value={event.requestId} mono />
            <Field label="Event id" value={event.eventId} mono />
          </FieldGroup>
          <FieldGroup title="Where">
            <Field label="Account" field="account" value={event.account} onPivot={onPivot} mono />
            <Field label="Region" field="region" value={event.region} onPivot={onPivot} />
          </FieldGroup>
          <ResourceList event={event} onPivot={onPivot} />
          <FieldGroup title="Provenance">
            <Field label="From" value={sourceLabel(event)} />
            <Field label="Profile" value={event.profile} />
            <Field label="Retrieved" value={`${formatLocalTime(event.retrievedAt)} local`} />
          </FieldGroup>
          <section className="event-detail__section" aria-labelledby="raw-title">
            <div className="event-detail__raw-head">
              <h3 id="raw-title" className="event-detail__section-title">
                Record (as read)
              </h3>
              <CopyButton text={pretty} label="Copy JSON" />
            </div>
            <pre className="raw-json" tabIndex={0} aria-label="The CloudTrail record, JSON" data-testid="raw-json">
              <code>{pretty}</code>
            </pre>
          </section>
        </div>
      ) : null}
    </aside>
  );
}

/** Long enough for a sentence; EC2's encoded authorization messages run to a thousand characters. */
const MESSAGE_PREVIEW = 220;

function ErrorSummary({ code, message }: { code: string; message: string | null }) {
  const [full, setFull] = useState(false);
  const long = message !== null && message.length > MESSAGE_PREVIEW;
  return (
    <div className="event-detail__error" role="note">
      <strong>{code}</strong>
      {message ? <span className="event-detail__error-message">{long && !full ? `${message.slice(0, MESSAGE_PREVIEW)}…` : message}</span> : null}
      {long ? (
        <button type="button" className="link-button event-detail__more" onClick={() => setFull((f) => !f)} aria-expanded={full}>
          {full ? 'Show less' : 'Show the whole message'}
        </button>
      ) : null}
    </div>
  );
}

function sourceLabel(event: EventDetail): string {
  const kind = event.source === 'lookup-events' ? 'LookupEvents' : event.source === 'trail-file' ? 'Trail log file' : event.source === 'import' ? 'Import' : event.source;
  return event.sourceRef ? `${kind} · ${event.sourceRef}` : kind;
}

function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="event-detail__section">
      <h3 className="event-detail__section-title">{title}</h3>
      <dl className="event-detail__fields">{children}</dl>
    </section>
  );
}

/** One field; with `field`, its value is a pivot: click filters on it, Alt+click excludes it. */
function Field({ label, value, field, onPivot, mono }: { label: string; value: string | null; field?: ChipField; onPivot?: (chip: FilterChip) => void; mono?: boolean }) {
  if (value === null || value === '') return null;
  return (
    <div className="event-detail__field">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{field && onPivot ? <Pivot field={field} value={value} onPivot={onPivot} /> : value}</dd>
    </div>
  );
}

function Pivot({ field, value, onPivot }: { field: ChipField; value: string; onPivot: (chip: FilterChip) => void }) {
  return (
    <button type="button" className="pivot" title="Add as a filter (Alt+click to exclude)" onClick={(event) => onPivot(literalChip(field, value, event.altKey))} data-pivot={field}>
      {value}
      <span className="pivot__icon" aria-hidden="true">
        +
      </span>
    </button>
  );
}

function ResourceList({ event, onPivot }: { event: EventDetail; onPivot: (chip: FilterChip) => void }) {
  if (event.resources.length === 0) return null;
  return (
    <section className="event-detail__section">
      <h3 className="event-detail__section-title">Resources{event.resourceCount > event.resources.length ? ` (${event.resources.length} of ${event.resourceCount})` : ''}</h3>
      <ul className="event-detail__resources">
        {event.resources.map((resource) => (
          <li key={resource} className="mono">
            <Pivot field="resource" value={resource} onPivot={onPivot} />
          </li>
        ))}
      </ul>
    </section>
  );
}
