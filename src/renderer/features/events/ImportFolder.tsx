import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { FileIcon } from '../../ui/icons';
import { usePopover } from '../../ui/use-popover';

/**
 * Imports CloudTrail log files (.json, .json.gz, .jsonl) from a folder on this machine. A path
 * field rather than a picker: browser mode has no native folder dialog, and auditors often
 * paste the path of an evidence folder anyway.
 */
export function ImportFolderForm({ autoFocus }: { autoFocus?: boolean }) {
  const api = useApi();
  const id = useId();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const [started, setStarted] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(undefined);
    setStarted(undefined);
    try {
      await api.invoke('import:start', { kind: 'folder', path: trimmed });
      setStarted(trimmed);
    } catch (failure) {
      setError(toDisplayError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="import-form" onSubmit={(event) => void submit(event)} data-testid="import-form">
      <label htmlFor={id} className="import-form__label">
        Folder or file with CloudTrail logs
      </label>
      <div className="import-form__row">
        <input
          id={id}
          className="text-input mono"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/evidence/AWSLogs/111111111111/CloudTrail"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <button type="submit" className="button button--primary" disabled={busy || !path.trim()}>
          {busy ? 'Starting…' : 'Import'}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="import-form__error text-danger" role="alert">
          {error.message}
        </p>
      ) : started ? (
        <p className="import-form__note" role="status">
          Importing {started}. Progress shows in Jobs, below; new events appear here as they are stored.
        </p>
      ) : (
        <p id={`${id}-hint`} className="import-form__note">
          An absolute path on this machine. Reads .json, .json.gz and .jsonl files, in subfolders too; files imported before are skipped.
        </p>
      )}
    </form>
  );
}

export function ImportFolderButton() {
  const popover = usePopover();
  const panelId = useId();
  useEffect(() => {
    if (popover.open) popover.panelRef.current?.querySelector('input')?.focus();
  }, [popover.open, popover.panelRef]);
  return (
    <div className="import-folder">
      <button ref={popover.buttonRef} type="button" className="button button--secondary" aria-expanded={popover.open} aria-controls={panelId} onClick={popover.toggle} data-testid="import-button">
        <FileIcon /> Import folder…
      </button>
      {popover.open ? (
        <div ref={popover.panelRef} id={panelId} className="popover popover--right import-folder__panel" role="dialog" aria-label="Import CloudTrail log files">
          <div className="popover__header">
            <p className="popover__title">Import CloudTrail log files</p>
            <p className="popover__subtitle">From an exported trail bucket, an evidence package, or a folder of .json.gz files.</p>
          </div>
          <ImportFolderForm />
        </div>
      ) : null}
    </div>
  );
}
