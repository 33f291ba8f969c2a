import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { normalizeMfaCode } from './session-format';
import { useMfaRequests, type MfaRequest } from './use-sessions';

/**
 * Answers the core's MFA questions (a role with mfa_serial is being assumed). One dialog at a
 * time, oldest request first; the code goes to the core and is not kept here.
 */
export function MfaPromptHost() {
  const requests = useMfaRequests();
  const first = requests[0];
  return first ? <MfaPromptDialog key={first.requestId} request={first} /> : null;
}

function MfaPromptDialog({ request }: { request: MfaRequest }) {
  const api = useApi();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError>();

  useEffect(() => inputRef.current?.focus(), []);

  async function answer(input: { code: string } | { cancel: true }) {
    setBusy(true);
    setError(undefined);
    try {
      await api.invoke('sessions:provide-mfa', { requestId: request.requestId, ...input });
    } catch (e) {
      setError(toDisplayError(e));
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeMfaCode(code);
    if (!normalized) {
      setError({ code: 'bad-input', message: 'Enter the six digits your MFA device shows.' });
      return;
    }
    void answer({ code: normalized });
  }

  return (
    <div className="modal-backdrop">
      <form
        className="modal mfa-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && void answer({ cancel: true })}
        data-testid="mfa-dialog"
      >
        <h2 id={titleId} className="modal__title">
          MFA code for {request.profile}
        </h2>
        <p className="modal__text">
          This profile assumes a role that requires multi-factor authentication with <code>{request.mfaSerial}</code>.
        </p>
        <label className="mfa-dialog__label">
          Code
          <input
            ref={inputRef}
            className="mfa-dialog__input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error ? <ErrorNotice compact title="Not sent" error={error} /> : null}
        <div className="modal__actions">
          <button type="button" className="button button--secondary" onClick={() => void answer({ cancel: true })} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Continue
          </button>
        </div>
      </form>
    </div>
  );
}
