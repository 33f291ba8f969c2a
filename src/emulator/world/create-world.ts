import { createPrng, deriveString, DIGITS, HEX, LOWER_ALNUM } from '../core/prng';
import type { EmulatorWorld, WorldAccount } from './world-types';

export interface CreateWorldOptions {
  seed: string;
  eventsPerAccount: number;
  /** The instant the seed data is re-timed against (the emulator's clock at start). */
  now: Date;
}

/**
 * The accounts of the demo organisation. Assignments differ on purpose: the app must cope with a
 * user who is admin in a sandbox but only an auditor elsewhere, and with accounts that offer
 * more than one role.
 */
const ACCOUNT_TEMPLATES: readonly { name: string; isManagement: boolean; ssoRoles: string[] }[] = [
  { name: 'management', isManagement: true, ssoRoles: ['AuditReadOnly'] },
  { name: 'security-audit', isManagement: false, ssoRoles: ['AuditReadOnly', 'SecurityAudit'] },
  { name: 'log-archive', isManagement: false, ssoRoles: ['AuditReadOnly'] },
  { name: 'prod-payments', isManagement: false, ssoRoles: ['AuditReadOnly'] },
  { name: 'prod-web', isManagement: false, ssoRoles: ['AuditReadOnly', 'SecurityAudit'] },
  { name: 'staging', isManagement: false, ssoRoles: ['AuditReadOnly', 'AdministratorAccess'] },
  { name: 'dev-sandbox', isManagement: false, ssoRoles: ['AdministratorAccess', 'AuditReadOnly'] },
];

/** us-east-1 first: IAM, STS and sign-in events are recorded there. */
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/** Builds the same world for the same seed; only `createdAt` follows `now`. */
export function createWorld(opts: CreateWorldOptions): EmulatorWorld {
  const rng = createPrng(`world:${opts.seed}`);
  const usedIds = new Set<string>();
  const accounts: WorldAccount[] = ACCOUNT_TEMPLATES.map((t) => {
    let id: string;
    do {
      id = String(rng.int(1, 9)) + rng.chars(DIGITS, 11);
    } while (usedIds.has(id));
    usedIds.add(id);
    return {
      id,
      name: t.name,
      email: `aws+${t.name}@auditdesk-demo.example`,
      isManagement: t.isManagement,
      ssoRoles: [...t.ssoRoles],
    };
  });
  const management = accounts.find((a) => a.isManagement);
  if (!management) throw new Error('the world needs a management account');
  const directoryId = deriveString(opts.seed, 'sso-directory', HEX, 10);
  return {
    seed: opts.seed,
    createdAt: new Date(opts.now.getTime()),
    organizationId: `o-${deriveString(opts.seed, 'organization', LOWER_ALNUM, 10)}`,
    managementAccountId: management.id,
    accounts,
    regions: [...REGIONS],
    sso: {
      startUrl: `https://d-${directoryId}.awsapps.com/start`,
      region: 'us-east-1',
      userName: 'alex.auditor@auditdesk-demo.example',
    },
    eventsPerAccount: opts.eventsPerAccount,
  };
}

export function findAccount(world: EmulatorWorld, accountId: string): WorldAccount | undefined {
  return world.accounts.find((a) => a.id === accountId);
}
