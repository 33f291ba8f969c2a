import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';

export function ProfileCounts({ profiles, activeCount }: { profiles: readonly ProfileSummary[]; activeCount: number }) {
  const broken = profiles.filter((p) => p.problem).length;
  return (
    <p className="counts" data-testid="profile-counts">
      <span>
        <strong>{profiles.length}</strong> {profiles.length === 1 ? 'profile' : 'profiles'}
      </span>
      <span>
        <strong>{profiles.length - broken}</strong> usable
      </span>
      {broken > 0 ? (
        <span className="text-warn">
          <strong>{broken}</strong> with problems
        </span>
      ) : null}
      <span>
        <strong>{activeCount}</strong> active
      </span>
    </p>
  );
}
