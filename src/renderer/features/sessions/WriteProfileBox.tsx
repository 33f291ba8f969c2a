import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Preview = ChannelOutput<'profiles:write-preview'>;

/**
 * Keeping a profile added this run: first the exact text that will be appended to the config
 * file, then, on confirmation, the write (after a backup copy of the file).
 */
export function WriteProfileBox({ profile }: { profile: string }) {
  const api = useApi();
  const [preview, setPreview] = useState<Preview>();
  const [written, setWritten] = useState<ChannelOutput<'profiles:write'>>();
  const [error, setError] = useState<DisplayError>();
  const [busy, setBusy] = useState(false);

  async function run<T>(call: () => Promise<T>, done: (value: T) => void) {
    setBusy(true);
    setError(undefined);
    try {
      done(await call());
    } catch (e) {
      setError(toDisplayError(e));
    } finally {
      setBusy(false);
    }
  }

  if (written) {
    return (
      <p className="write-profile__done" role="status">
        Saved to <code>{written.configFile}</code>
        {written.backupFile ? (
          <>
            {' '}
            (backup <code>{written.backupFile}</code>)
          </>
        ) : null}
        .
      </p>
    );
  }
  return (
    <div className="write-profile">
      {preview ? (
        <>
          <p className="cell-secondary">
            This will be added to the end of <code>{preview.configFile}</code>:
          </p>
          <pre className="write-profile__text">{preview.text}</pre>
          <div className="write-profile__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => setPreview(undefined)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={() => void run(() => api.invoke('profiles:write', { profile }), setWritten)} disabled={busy}>
              Write to config file
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => void run(() => api.invoke('profiles:write-preview', { profile }), setPreview)} disabled={busy}>
          Save {profile} to the config file…
        </button>
      )}
      {error ? <ErrorNotice compact title="Not saved" error={error} /> : null}
    </div>
  );
}
