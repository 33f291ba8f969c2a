import type { EmulatorWorld } from '../../../src/emulator/world/world-types';

/** The instant the test world's seed is re-timed against. */
export const AA_TEST_NOW = new Date('2025-05-01T12:00:00.000Z');

export const AA_MANAGEMENT = '111111111111';
export const AA_MEMBER_SECURITY = '222222222222';
export const AA_MEMBER_PAYMENTS = '333333333333';
export const AA_MEMBER_SANDBOX = '444444444444';

/**
 * A small organisation of its own, so these tests do not move when the shared world builder
 * changes: one management account, three members, three regions.
 */
export function aaTestWorld(seed = 'aa-test-seed'): EmulatorWorld {
  const account = (id: string, name: string, isManagement = false): EmulatorWorld['accounts'][number] => ({
    id,
    name,
    email: `aws+${name}@aa-test.example`,
    isManagement,
    ssoRoles: ['AuditReadOnly'],
  });
  return {
    seed,
    createdAt: AA_TEST_NOW,
    organizationId: 'o-aatest0001',
    managementAccountId: AA_MANAGEMENT,
    accounts: [
      account(AA_MANAGEMENT, 'management', true),
      account(AA_MEMBER_SECURITY, 'security-audit'),
      account(AA_MEMBER_PAYMENTS, 'prod-payments'),
      account(AA_MEMBER_SANDBOX, 'dev-sandbox'),
    ],
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    sso: { startUrl: 'https://d-aatest.awsapps.com/start', region: 'us-east-1', userName: 'test.auditor@aa-test.example' },
    eventsPerAccount: 0,
  };
}
