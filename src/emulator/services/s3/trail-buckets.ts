import type { Caller } from '../../core/types';
import type { EmulatorWorld } from '../../world/world-types';
import { worldTrails, type LogLayout } from '../cloudtrail/trails';

/** An S3 bucket that a trail of the world delivers to. */
export interface TrailBucket {
  name: string;
  ownerAccountId: string;
  /** Buckets live in the trail's home Region. */
  region: string;
  layout: LogLayout;
  accountIds: readonly string[];
  /** A stopped trail's bucket holds nothing logged after the stop. */
  beforeMs: number;
  createdMs: number;
}

const cache = new WeakMap<EmulatorWorld, readonly TrailBucket[]>();

export function trailBuckets(world: EmulatorWorld): readonly TrailBucket[] {
  const cached = cache.get(world);
  if (cached) return cached;
  const buckets = worldTrails(world).map((t) => ({
    name: t.bucketName,
    ownerAccountId: t.ownerAccountId,
    region: t.homeRegion,
    layout: t.layout,
    accountIds: [...t.accountIds].sort(),
    beforeMs: t.stopLoggingMs ?? Infinity,
    createdMs: t.startLoggingMs - 60_000,
  }));
  cache.set(world, buckets);
  return buckets;
}

/**
 * The bucket policy an auditor meets: the owner reads its logs, and the management account
 * reads every trail bucket of the organisation (its auditors collect from there); anyone else
 * gets AccessDenied, as a bucket policy without a grant does.
 */
export function canRead(world: EmulatorWorld, bucket: TrailBucket, caller: Caller): boolean {
  return caller.accountId === bucket.ownerAccountId || caller.accountId === world.managementAccountId;
}
