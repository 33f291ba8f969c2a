import { paginateListAccountRoles, paginateListAccounts, type SSOClient } from '@aws-sdk/client-sso';
import type { DiscoveredAccount } from '../../../shared/ipc/channels/sessions';
import type { AwsConfigSnapshot } from '../../aws/aws-config';
import { targetForProfile, type SsoTarget } from '../../aws/sso/sso-target';

/** Accounts are asked for their roles a few at a time: the portal API throttles bursts. */
const ROLE_LOOKUP_CONCURRENCY = 4;

/**
 * Every account and role the signed-in user can reach through one session (all pages of
 * ListAccounts and ListAccountRoles), with the profiles that already point at each pair.
 */
export async function discoverAccounts(deps: {
  portal: SSOClient;
  accessToken: string;
  target: SsoTarget;
  snapshot: AwsConfigSnapshot;
}): Promise<DiscoveredAccount[]> {
  const { portal, accessToken } = deps;
  const accounts: Array<{ accountId: string; accountName: string; emailAddress?: string }> = [];
  for await (const page of paginateListAccounts({ client: portal }, { accessToken })) {
    for (const a of page.accountList ?? []) {
      if (a.accountId) accounts.push({ accountId: a.accountId, accountName: a.accountName ?? a.accountId, ...(a.emailAddress ? { emailAddress: a.emailAddress } : {}) });
    }
  }
  const existing = existingProfiles(deps.snapshot, deps.target);
  const result: DiscoveredAccount[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const index = next++;
      const account = accounts[index];
      if (!account) continue;
      const roles: string[] = [];
      for await (const page of paginateListAccountRoles({ client: portal }, { accessToken, accountId: account.accountId })) {
        for (const r of page.roleList ?? []) if (r.roleName) roles.push(r.roleName);
      }
      result[index] = { ...account, roles: roles.sort(), profiles: existing.get(account.accountId) ?? {} };
    }
  };
  await Promise.all(Array.from({ length: Math.min(ROLE_LOOKUP_CONCURRENCY, accounts.length) }, worker));
  return result.sort((a, b) => a.accountName.localeCompare(b.accountName));
}

/** accountId -> roleName -> profile name, for the SSO profiles (file or in memory) on this session. */
function existingProfiles(snapshot: AwsConfigSnapshot, target: SsoTarget): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [name, settings] of Object.entries(snapshot.profiles)) {
    if (!settings.sso_account_id || !settings.sso_role_name) continue;
    let profileTarget: SsoTarget | undefined;
    try {
      profileTarget = targetForProfile(snapshot, name);
    } catch {
      continue;
    }
    if (profileTarget?.id !== target.id) continue;
    const roles = out.get(settings.sso_account_id) ?? {};
    roles[settings.sso_role_name] ??= name;
    out.set(settings.sso_account_id, roles);
  }
  return out;
}
