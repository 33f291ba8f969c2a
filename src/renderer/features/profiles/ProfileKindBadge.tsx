import type { ProfileKind } from '../../../shared/ipc/channels/profiles';
import { Badge } from '../../ui/Badge';
import { kindInfo } from './profile-kind-labels';

export function ProfileKindBadge({ kind }: { kind: ProfileKind }) {
  const info = kindInfo(kind);
  return (
    <Badge tone={info.tone} title={info.explanation}>
      {info.label}
    </Badge>
  );
}
