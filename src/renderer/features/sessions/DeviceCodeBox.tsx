import type { DeviceCodePrompt } from '../../../shared/ipc/channels/sessions';
import { formatUserCode } from './session-format';

/**
 * The device-code sign-in, in the app: the code to check and the page to open. The browser was
 * opened already; the link is here for when it did not (or opened on the wrong screen).
 */
export function DeviceCodeBox({ prompt, onCancel }: { prompt: DeviceCodePrompt; onCancel: () => void }) {
  const url = prompt.verificationUriComplete ?? prompt.verificationUri;
  return (
    <div className="device-code" role="status" aria-live="polite" data-testid="device-code">
      <p className="device-code__lead">Check that the sign-in page shows this code, then approve it there:</p>
      <p className="device-code__code" aria-label="Sign-in code">
        {formatUserCode(prompt.userCode)}
      </p>
      <p className="device-code__link">
        Page not open? Go to{' '}
        <a href={url} target="_blank" rel="noreferrer noopener">
          {prompt.verificationUri}
        </a>
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        Cancel sign-in
      </button>
    </div>
  );
}
