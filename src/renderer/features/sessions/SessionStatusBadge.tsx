import type { SessionStatus } from '../../../shared/ipc/channels/sessions';
import { Badge } from '../../ui/Badge';
import { statusLabels } from './session-format';

export function SessionStatusBadge({ status, title }: { status: SessionStatus; title?: string }) {
  const { label, tone } = statusLabels[status];
  return (
    <span data-status={status}>
      <Badge tone={tone} title={title}>
        {label}
      </Badge>
    </span>
  );
}
