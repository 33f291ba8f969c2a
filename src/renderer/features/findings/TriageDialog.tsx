import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FindingRow, NoteLabel, TriageAction } from '../../../shared/ipc/channels/findings';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { plural } from './finding-format';
import { NOTE_LABELS, shortResource } from './finding-labels';

/** The same floor the core enforces; checked here too so the button says why before a round trip. */
const MIN_JUSTIFICATION = 10;

type Results = ChannelOutput<'findings:triage'>['results'];

interface Props {
  rows: FindingRow[];
  action: TriageAction;
  onClose(): void;
  /** Called after the core answered (some may have failed): the view reloads. */
  onDone(results: Results): void;
}

const VERBS: Record<TriageAction, { title: string; button: string; explain: string }> = {
  archive: { title: 'Archive', button: 'Archive', explain: 'Archives in AWS IAM Access Analyzer (UpdateFindings) and records your justification in the local audit log.' },
  unarchive: { title: 'Unarchive', button: 'Unarchive', explain: 'Sets the findings back to Active in AWS IAM Access Analyzer and records your justification.' },
  note: { title: 'Add a note to', button: 'Record note', explain: 'Records a note in the local audit log. Nothing changes in AWS.' },
};

/**
 * Asks why before anything changes: a justification is required (the audit log records it with
 * who and when). A modal <dialog>: focus stays inside, Escape cancels, focus returns after.
 */
export function TriageDialog({ rows, action, onClose, onDone }: Props) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [label, setLabel] = useState<NoteLabel>('accepted-risk');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const [failures, setFailures] = useState<Results>([]);
  const verb = VERBS[action];
  const length = text.trim().length;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (length < MIN_JUSTIFICATION || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const { results } = await api.invoke('findings:triage', {
        ids: rows.map((r) => ({ id: r.id, analyzerArn: r.analyzerArn })),
        action,
        ...(action === 'note' ? { label } : {}),
        justification: text,
      });
      onDone(results);
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) onClose();
      else setFailures(failed);
    } catch (e) {
      setError(toDisplayError(e));
    } finally {
      setBusy(false);
    }
  }

  const done = failures.length > 0;
  return (
    <dialog
      ref={dialogRef}
      className="triage-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      data-testid="triage-dialog"
    >
      <form onSubmit={submit} className="triage-dialog__form">
        <h2 id={titleId} className="triage-dialog__title">
          {verb.title} {rows.length === 1 ? 'this finding' : plural(rows.length, 'finding')}
        </h2>
        <p className="triage-dialog__explain">{verb.explain}</p>
        <ul className="triage-dialog__targets">
          {rows.slice(0, 4).map((r) => (
            <li key={`${r.analyzerArn}|${r.id}`} className="mono" title={r.resource}>
              {shortResource(r.resource)} <span className="muted">· {r.resourceOwnerAccount} · {r.region}</span>
            </li>
          ))}
          {rows.length > 4 ? <li className="muted">and {rows.length - 4} more</li> : null}
        </ul>
        {action === 'note' ? (
          <fieldset className="triage-dialog__labels">
            <legend>Note</legend>
            {(Object.keys(NOTE_LABELS) as NoteLabel[]).map((value) => (
              <label key={value}>
                <input type="radio" name="note-label" value={value} checked={label === value} onChange={() => setLabel(value)} /> {NOTE_LABELS[value]}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="triage-dialog__label" htmlFor={`${titleId}-text`}>
          Justification <span className="muted">(required)</span>
        </label>
        <textarea
          id={`${titleId}-text`}
          className="triage-dialog__text"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={hintId}
          aria-invalid={length > 0 && length < MIN_JUSTIFICATION ? true : undefined}
          placeholder="Why is this access acceptable, or why is it being reopened? Name the ticket or the approver."
          autoFocus
          disabled={done}
          data-testid="triage-justification"
        />
        <p id={hintId} className="triage-dialog__hint">
          {length < MIN_JUSTIFICATION ? `At least ${MIN_JUSTIFICATION} characters (${length} so far).` : 'Recorded with the identity of the profile that synced each finding, and the time.'}
        </p>
        {error ? <ErrorNotice compact title="Nothing was changed" error={error} /> : null}
        {done ? (
          <div className="notice notice--error triage-dialog__failures" role="alert">
            <div className="notice__body">
              <p className="notice__title">{plural(failures.length, 'finding')} not changed; nothing was recorded for {failures.length === 1 ? 'it' : 'them'}</p>
              <ul>
                {failures.map((f) => (
                  <li key={`${f.analyzerArn}|${f.id}`}>
                    <code>{f.id.slice(0, 8)}</code> {f.error?.message} <span className="muted">({f.error?.code})</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <div className="triage-dialog__actions">
          {done ? (
            <button type="button" className="button button--primary" onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
                Cancel
              </button>
              <button type="submit" className="button button--primary" disabled={busy || length < MIN_JUSTIFICATION} data-testid="triage-submit">
                {busy ? 'Working…' : verb.button}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}
