import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { formatLocalTime, plural } from './event-format';
import { diffPaths, jsonLines, parseRecord, type JsonLine } from './json-diff';

type Detail = ChannelOutput<'events:get'>;

/**
 * Two records side by side, the keys that differ highlighted on both sides: "what changed
 * between the call that worked and the one that was denied". A modal <dialog>, so focus stays
 * inside and Escape closes it without any code of ours.
 */
export function CompareDialog({ keys, onClose }: { keys: readonly [string, string]; onClose: () => void }) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [details, setDetails] = useState<[Detail, Detail]>();
  const [error, setError] = useState<DisplayError>();
  const [onlyDifferences, setOnlyDifferences] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    Promise.all(keys.map((eventId) => api.invoke('events:get', { eventId }))).then(
      ([a, b]) => {
        if (live && a && b) setDetails([a, b]);
      },
      (failure: unknown) => {
        if (live) setError(toDisplayError(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [api, keys]);

  const compared = useMemo(() => {
    if (!details) return undefined;
    const [a, b] = details.map((d) => parseRecord(d.raw));
    const changed = diffPaths(a, b);
    return { changed, left: jsonLines(a, changed, { sortKeys: true }), right: jsonLines(b, changed, { sortKeys: true }) };
  }, [details]);

  return (
    <dialog ref={dialogRef} className="compare-dialog" aria-labelledby="compare-title" onClose={onClose} data-testid="compare-dialog">
      <header className="compare-dialog__header">
        <div>
          <h2 id="compare-title" className="compare-dialog__title">
            Compare two events
          </h2>
          <p className="compare-dialog__summary" role="status">
            {compared ? (compared.changed.size === 0 ? 'The two records are identical.' : `${plural(compared.changed.size, 'key')} differ, highlighted on both sides. Keys in alphabetical order.`) : 'Reading both records…'}
          </p>
        </div>
        <div className="compare-dialog__tools">
          <label className="compare-dialog__toggle">
            <input type="checkbox" checked={onlyDifferences} onChange={(event) => setOnlyDifferences(event.target.checked)} /> Only differing lines
          </label>
          <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()} autoFocus>
            Close
          </button>
        </div>
      </header>
      {error ? <ErrorNotice compact title="Could not read both events" error={error} /> : null}
      {!compared && !error ? <LoadingState label="Reading both records…" /> : null}
      {details && compared ? (
        <div className="compare-dialog__columns">
          <CompareColumn detail={details[0]} lines={compared.left} onlyDifferences={onlyDifferences} side="left" />
          <CompareColumn detail={details[1]} lines={compared.right} onlyDifferences={onlyDifferences} side="right" />
        </div>
      ) : null}
    </dialog>
  );
}

function CompareColumn({ detail, lines, onlyDifferences, side }: { detail: Detail; lines: JsonLine[]; onlyDifferences: boolean; side: 'left' | 'right' }) {
  const { event } = detail;
  const shown = onlyDifferences ? lines.filter((l) => l.changed) : lines;
  return (
    <section className="compare-column" aria-label={`${side === 'left' ? 'First' : 'Second'} event: ${event.eventName ?? 'event'}`} data-side={side}>
      <header className="compare-column__header">
        <strong>{event.eventName ?? 'Event'}</strong>
        <span className="mono">{formatLocalTime(event.eventTime)}</span>
        <span className="compare-column__who">{event.principal}</span>
        {event.errorCode ? <span className="cell-error">{event.errorCode}</span> : null}
      </header>
      <pre className="raw-json compare-column__json" tabIndex={0}>
        {shown.map((line, i) => (
          <span key={i} className={line.changed ? 'json-line json-line--changed' : 'json-line'} data-path={line.path}>
            {line.text}
          </span>
        ))}
      </pre>
    </section>
  );
}
