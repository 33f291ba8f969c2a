import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';

/**
 * The active profiles are what every view reports on. Until the user picks, that is every
 * profile that can be used as written: a broken profile would only produce errors.
 */
export function defaultActiveNames(profiles: readonly ProfileSummary[]): string[] {
  return profiles.filter((p) => !p.problem).map((p) => p.name);
}

/** The user's choice (if any) applied to the profiles that exist now, in listing order. */
export function resolveActiveNames(profiles: readonly ProfileSummary[], chosen: ReadonlySet<string> | undefined): string[] {
  if (!chosen) return defaultActiveNames(profiles);
  return profiles.filter((p) => chosen.has(p.name)).map((p) => p.name);
}

export function toggleName(active: readonly string[], name: string): Set<string> {
  const next = new Set(active);
  if (next.has(name)) next.delete(name);
  else next.add(name);
  return next;
}
