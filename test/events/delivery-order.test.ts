import { describe, expect, it } from 'vitest';
import { byDeliveryTime, deliveryTimeKey } from '../../src/main/services/trail-import/delivery-order';

const log = (account: string, region: string, stamp: string) =>
  `/x/AWSLogs/${account}/CloudTrail/${region}/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}/${account}_CloudTrail_${region}_${stamp}Z_AbCdEf.json.gz`;

describe('delivery order of trail files', () => {
  it('reads the delivery time from the file name, else from the day folders', () => {
    expect(deliveryTimeKey(log('111111111111', 'us-east-1', '20240731T2355'))).toBe('20240731T2355');
    expect(deliveryTimeKey('/x/AWSLogs/111111111111/CloudTrail/eu-west-1/2024/07/31/events.json')).toBe('20240731');
    expect(deliveryTimeKey('/exports/lookup-events.jsonl')).toBe('');
  });

  it('interleaves accounts and regions by time, with undated files first', () => {
    const files = [
      log('111111111111', 'us-east-1', '20240802T0005'),
      log('111111111111', 'us-east-1', '20240801T0000'),
      log('222222222222', 'eu-west-1', '20240801T1200'),
      log('111111111111', 'eu-west-1', '20240801T0600'),
      '/exports/b.jsonl',
      '/exports/a.jsonl',
    ].map((path) => ({ path }));
    expect(byDeliveryTime(files).map((f) => f.path)).toEqual([
      '/exports/a.jsonl',
      '/exports/b.jsonl',
      log('111111111111', 'us-east-1', '20240801T0000'),
      log('111111111111', 'eu-west-1', '20240801T0600'),
      log('222222222222', 'eu-west-1', '20240801T1200'),
      log('111111111111', 'us-east-1', '20240802T0005'),
    ]);
  });
});
