import { Badge } from '../../ui/Badge';
import { useWorkspace } from './workspace-context';

/** Says loudly when nothing on screen comes from a real AWS account, with the way back. */
export function DemoBadge() {
  const { switchTo, switching } = useWorkspace();
  return (
    <span className="demo-badge" data-testid="demo-badge">
      <Badge tone="accent" title="Everything here comes from the local AWS emulator, not from your accounts.">
        Demo workspace
      </Badge>
      <button type="button" className="link-button" onClick={() => void switchTo('user')} disabled={switching !== undefined}>
        {switching === 'user' ? 'Leaving the demo…' : 'Back to my AWS profiles'}
      </button>
    </span>
  );
}
