import { AwsError } from '../../core/types';

/**
 * LookupEvents' documented limit: two requests per second per account per Region, as a token
 * bucket of capacity `tps` refilled at `tps` per second. Measured on a monotonic wall clock, not
 * the emulator's clock: the limit is about how fast requests arrive, and a test clock that stands
 * still must not stop the bucket from refilling.
 */
export interface LookupThrottle {
  /** Takes one token for this account and region, or throws ThrottlingException. */
  take(accountId: string, region: string): void;
}

export function createLookupThrottle(tps: number, now: () => number = () => performance.now()): LookupThrottle {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(accountId, region) {
      if (!(tps < Infinity)) return;
      const key = `${accountId}/${region}`;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: tps, at: t };
      bucket.tokens = Math.min(tps, bucket.tokens + ((t - bucket.at) / 1000) * tps);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) throw new AwsError('ThrottlingException', 'Rate exceeded');
      bucket.tokens -= 1;
    },
  };
}
