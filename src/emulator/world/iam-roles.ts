import { deriveString, UPPER_ALNUM, HEX } from '../core/prng';
import { findAccount } from './create-world';
import type { EmulatorWorld } from './world-types';

/**
 * The IAM roles STS can assume in every world account. They are derived from the world rather
 * than stored in it, so the shared world type stays what every service needs and no more.
 */
export interface WorldRole {
  accountId: string;
  name: string;
  arn: string;
  /** AROA…: the RoleId that appears in assumed-role UserIds. */
  roleId: string;
  /** MaxSessionDuration in seconds. */
  maxSessionDuration: number;
  /** AssumeRole must carry SerialNumber + TokenCode (the emulator accepts the code 123456). */
  requiresMfa: boolean;
  /** May be assumed with AssumeRoleWithWebIdentity. */
  allowsWebIdentity: boolean;
}

/** The one MFA code the emulator accepts, documented for demos and tests. */
export const EMULATOR_MFA_CODE = '123456';

const ROLE_TEMPLATES: readonly Omit<WorldRole, 'accountId' | 'arn' | 'roleId'>[] = [
  { name: 'AuditdeskReadOnly', maxSessionDuration: 43_200, requiresMfa: false, allowsWebIdentity: true },
  { name: 'OrganizationAccountAccessRole', maxSessionDuration: 3_600, requiresMfa: false, allowsWebIdentity: false },
  { name: 'AuditdeskMfaRole', maxSessionDuration: 3_600, requiresMfa: true, allowsWebIdentity: false },
];

export function rolesOf(world: EmulatorWorld, accountId: string): WorldRole[] {
  if (!findAccount(world, accountId)) return [];
  return ROLE_TEMPLATES.map((t) => ({
    ...t,
    accountId,
    arn: `arn:aws:iam::${accountId}:role/${t.name}`,
    roleId: `AROA${deriveString(world.seed, `role:${accountId}:${t.name}`, UPPER_ALNUM, 17)}`,
  }));
}

export function findRole(world: EmulatorWorld, accountId: string, name: string): WorldRole | undefined {
  return rolesOf(world, accountId).find((r) => r.name === name);
}

/** IAM Identity Center names the role it creates for a permission set `AWSReservedSSO_<set>_<16 hex>`. */
export function ssoReservedRoleName(world: EmulatorWorld, permissionSet: string): string {
  return `AWSReservedSSO_${permissionSet}_${deriveString(world.seed, `sso-role:${permissionSet}`, HEX, 16)}`;
}

export function ssoReservedRoleId(world: EmulatorWorld, accountId: string, permissionSet: string): string {
  return `AROA${deriveString(world.seed, `sso-role-id:${accountId}:${permissionSet}`, UPPER_ALNUM, 17)}`;
}

/** The IAM user behind each account's static keys profile. */
export const KEYS_USER_NAME = 'auditdesk-demo';
