import { hashParts, hex32 } from '../../seed/hash';
import { GLOBAL_REGION } from '../../seed/global-services';
import type { EmulatorWorld } from '../../world/world-types';

const DAY_MS = 86_400_000;

/** Where a trail's log files go: the organisation layout adds `o-<id>/` after `AWSLogs/`. */
export type LogLayout = 'organization' | 'account';

/**
 * A trail of the emulated world. The shapes an auditor meets: the organisation trail in the
 * management account (multi-region, validated, logging), one member account that also runs its
 * own trail but stopped it, one whose own trail has log file validation off, and the other
 * accounts covered by the organisation trail alone.
 */
export interface TrailDefinition {
  name: string;
  arn: string;
  ownerAccountId: string;
  homeRegion: string;
  bucketName: string;
  layout: LogLayout;
  isOrganizationTrail: boolean;
  isMultiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
  /** Accounts whose events this trail delivers. */
  accountIds: readonly string[];
  startLoggingMs: number;
  /** Set for a trail that was stopped: nothing after it reaches the bucket. */
  stopLoggingMs?: number;
}

const cache = new WeakMap<EmulatorWorld, readonly TrailDefinition[]>();

export function worldTrails(world: EmulatorWorld): readonly TrailDefinition[] {
  const cached = cache.get(world);
  if (cached) return cached;
  const home = world.regions[0] ?? GLOBAL_REGION;
  const created = world.createdAt.getTime();
  const suffix = (label: string): string => hex32(hashParts(world.seed, 'bucket', label));
  const trail = (owner: string, name: string, extra: Partial<TrailDefinition>): TrailDefinition => ({
    name,
    arn: `arn:aws:cloudtrail:${home}:${owner}:trail/${name}`,
    ownerAccountId: owner,
    homeRegion: home,
    bucketName: `aws-cloudtrail-logs-${owner}-${suffix(owner)}`,
    layout: 'account',
    isOrganizationTrail: false,
    isMultiRegionTrail: true,
    logFileValidationEnabled: true,
    accountIds: [owner],
    startLoggingMs: created - 400 * DAY_MS,
    ...extra,
  });

  const trails: TrailDefinition[] = [
    trail(world.managementAccountId, 'organization-trail', {
      layout: 'organization',
      isOrganizationTrail: true,
      accountIds: world.accounts.map((a) => a.id),
      startLoggingMs: created - 700 * DAY_MS,
    }),
  ];
  const members = world.accounts.filter((a) => a.id !== world.managementAccountId);
  const stopped = members[0];
  if (stopped) {
    // Stopped a few days before "now", so the gap shows in its bucket and in GetTrailStatus.
    const daysAgo = 3 + (hashParts(world.seed, 'trail-stop') % 8);
    const stopMs = Math.floor((created - daysAgo * DAY_MS - (hashParts(world.seed, 'trail-stop-time') % DAY_MS)) / 1000) * 1000;
    trails.push(trail(stopped.id, 'account-trail', { stopLoggingMs: stopMs }));
  }
  const unvalidated = members[1];
  if (unvalidated) trails.push(trail(unvalidated.id, 'management-events', { logFileValidationEnabled: false }));
  cache.set(world, trails);
  return trails;
}

/** A trail is a shadow for an account/region unless that account owns it and it lives there. */
export function isShadowFor(trail: TrailDefinition, accountId: string, region: string): boolean {
  return trail.ownerAccountId !== accountId || trail.homeRegion !== region;
}

/** Trails an account can see: its own, and the organisation trail that covers it. */
export function trailsVisibleTo(world: EmulatorWorld, accountId: string): TrailDefinition[] {
  return worldTrails(world).filter((t) => t.ownerAccountId === accountId || (t.isOrganizationTrail && t.accountIds.includes(accountId)));
}
