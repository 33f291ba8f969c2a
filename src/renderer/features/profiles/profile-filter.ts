import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { kindInfo } from './profile-kind-labels';
import { describeTarget } from './profile-target';

/** Every word must match somewhere: name, kind, region, account, role, role ARN or problem. */
export function filterProfiles(profiles: readonly ProfileSummary[], query: string): ProfileSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...profiles];
  return profiles.filter((p) => {
    const target = describeTarget(p);
    const haystack = [p.name, kindInfo(p.kind).label, p.kind, p.region, target.account, target.role, target.roleArn, target.via, p.problem]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
