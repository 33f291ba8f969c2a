import type { EmulatorWorld, WorldAccount } from '../../../world/world-types';
import type { AttachedPolicy, FindingDetails, FindingStatus, FindingType, ResourceType } from '../domain/model-types';
import { SeededRandom } from './seeded-random';

/**
 * What every part of the seed shares: the world, a root random stream, "now" (world.createdAt,
 * the instant the seed is re-timed against) and the accounts outside the organisation that
 * findings name as external principals.
 */
export interface SeedContext {
  world: EmulatorWorld;
  rng: SeededRandom;
  now: Date;
  /** us-east-1 in practice: IAM is global, and the seed reports IAM entities there. */
  homeRegion: string;
  /** 12-digit ids of accounts outside the organisation (vendors, partners, an attacker's account). */
  externalAccounts: string[];
}

/**
 * One piece of access that analyzers report on, before it becomes a finding of a given analyzer.
 * The same draft becomes one finding per analyzer whose zone of trust it crosses.
 */
export interface FindingDraft {
  /** Stable within the seed: finding ids are derived from it. */
  key: string;
  ownerAccount: string;
  region: string;
  findingType: FindingType;
  resource: string;
  resourceType: ResourceType;
  findingDetails: FindingDetails[];
  error?: string;
  createdAt: Date;
  updatedAt: Date;
  analyzedAt: Date;
  synthetic: boolean;
  origin: string;
  /**
   * External access only: a principal outside the organisation is reported by account and
   * organization analyzers alike; one in another member account only by account analyzers.
   */
  zone?: 'outside-org' | 'inside-org';
  attachedPolicies?: AttachedPolicy[];
}

export function createSeedContext(world: EmulatorWorld): SeedContext {
  const rng = new SeededRandom(`access-analyzer:${world.seed}`);
  const homeRegion = world.regions[0] ?? 'us-east-1';
  const taken = new Set(world.accounts.map((a) => a.id));
  const ext = rng.fork('external-accounts');
  const externalAccounts: string[] = [];
  while (externalAccounts.length < 6) {
    const id = String(ext.int(100_000_000_000, 999_999_999_999));
    if (!taken.has(id)) {
      taken.add(id);
      externalAccounts.push(id);
    }
  }
  return { world, rng, now: world.createdAt, homeRegion, externalAccounts };
}

/** Lower-case, dash-separated form of the account's name, for resource names. */
export function accountSlug(account: WorldAccount): string {
  return account.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || account.id;
}

/** Re-timed into the 30 days before "now": created, then updated, then analyzed, none in the future. */
export function draftTimes(rng: SeededRandom, now: Date): { createdAt: Date; updatedAt: Date; analyzedAt: Date } {
  const createdAt = rng.daysBefore(now, 0.25, 30);
  const updatedAt = rng.chance(0.6) ? createdAt : rng.between(createdAt, now);
  const analyzedAt = rng.between(updatedAt, now);
  return { createdAt, updatedAt, analyzedAt };
}

/** Most findings are open; auditors also see archived (accepted) and resolved (fixed) ones. */
export function seededStatus(rng: SeededRandom): FindingStatus {
  return rng.weighted<FindingStatus>([
    ['ACTIVE', 70],
    ['ARCHIVED', 15],
    ['RESOLVED', 15],
  ]);
}
