import type { EmulatorWorld } from '../../../src/emulator/world/world-types';

/** A fixed world for the CloudTrail/S3 tests, independent of how the core builds its demo world. */
export const CT_NOW = new Date('2026-03-01T12:00:00Z');

export function ctWorld(opts: { eventsPerAccount?: number; seed?: string; accounts?: number; regions?: string[] } = {}): EmulatorWorld {
  const ids = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'].slice(0, opts.accounts ?? 5);
  return {
    seed: opts.seed ?? 'ct-test',
    createdAt: CT_NOW,
    organizationId: 'o-ct1test2ab',
    managementAccountId: ids[0]!,
    accounts: ids.map((id, k) => ({
      id,
      name: k === 0 ? 'management' : `member-${k}`,
      email: `aws+${k}@example.com`,
      isManagement: k === 0,
      ssoRoles: ['AuditReadOnly'],
    })),
    regions: opts.regions ?? ['us-east-1', 'eu-west-1', 'eu-central-1'],
    sso: { startUrl: 'https://d-0000000000.awsapps.com/start', region: 'us-east-1', userName: 'auditor@example.com' },
    eventsPerAccount: opts.eventsPerAccount ?? 0,
  };
}
