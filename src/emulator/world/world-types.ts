/**
 * The seeded world every emulated service shares: an organisation, its accounts, the regions in
 * use, and the IAM Identity Center instance that assigns people to accounts. Each service builds
 * its own state (trails and events, analyzers and findings) on top of this, deterministically
 * from the same seed.
 */
export interface WorldAccount {
  /** 12 digits. */
  id: string;
  /** Human name shown by SSO ListAccounts ("security-audit", "prod-payments"…). */
  name: string;
  email: string;
  /** The organisation's management account: holds the organisation trail and analyzers. */
  isManagement: boolean;
  /** Roles (permission sets) the SSO user may take in this account. */
  ssoRoles: string[];
}

export interface EmulatorWorld {
  /** The seed everything was generated from; same seed, same world. */
  seed: string;
  /** Fixed "now" the seed data was re-timed against (the last 30 days before it). */
  createdAt: Date;
  organizationId: string;
  managementAccountId: string;
  accounts: WorldAccount[];
  /** Regions with activity; us-east-1 is always first (IAM, STS and sign-in events land there). */
  regions: string[];
  sso: {
    startUrl: string;
    /** The region IAM Identity Center lives in. */
    region: string;
    /** The demo user's name, as it appears in CloudTrail (IdentityCenterUser / AssumedRole sessions). */
    userName: string;
  };
  /** Synthetic events per account for benchmarks (`--events N`); 0 means only the seed records. */
  eventsPerAccount: number;
}
