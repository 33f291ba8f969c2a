import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useWorkspace } from '../workspace/workspace-context';

/**
 * The way in for someone without AWS profiles: a built-in organisation on the local emulator.
 * A first look fills every view without another click, as `npm run web` does: the CloudTrail
 * and findings syncs start with the workspace (each waits for the demo's own sign-in).
 */
export function OpenDemoButton() {
  const api = useApi();
  const { switchTo, switching, switchError } = useWorkspace();
  const open = async () => {
    if (!(await switchTo('demo'))) return;
    // Their progress and any failure show where syncs always show them (the jobs tray, the
    // Events and Findings views); one already running (a second click) is no failure here.
    await Promise.allSettled([api.invoke('sync:start', {}), api.invoke('findings:sync', {})]);
  };
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={switching !== undefined}
        title="Explore Auditdesk on a built-in AWS organisation served by the local emulator. Your AWS files are not touched."
        onClick={() => void open()}
        data-testid="open-demo"
      >
        {switching === 'demo' ? 'Opening the demo workspace…' : 'Open the demo workspace'}
      </button>
      {switchError ? <ErrorNotice compact title="Could not open the demo workspace" error={switchError} /> : null}
    </>
  );
}
