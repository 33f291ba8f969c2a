import { ErrorNotice } from '../../ui/ErrorNotice';
import { useWorkspace } from '../workspace/workspace-context';

/** The way in for someone without AWS profiles: a built-in organisation on the local emulator. */
export function OpenDemoButton() {
  const { switchTo, switching, switchError } = useWorkspace();
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={switching !== undefined}
        title="Explore Auditdesk on a built-in AWS organisation served by the local emulator. Your AWS files are not touched."
        onClick={() => void switchTo('demo')}
        data-testid="open-demo"
      >
        {switching === 'demo' ? 'Opening the demo workspace…' : 'Open the demo workspace'}
      </button>
      {switchError ? <ErrorNotice compact title="Could not open the demo workspace" error={switchError} /> : null}
    </>
  );
}
