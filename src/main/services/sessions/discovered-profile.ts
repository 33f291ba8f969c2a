import type { SsoTarget } from '../../aws/sso/sso-target';
import type { ProfileSettings } from '../profiles/profile-kind';

/** `<account name>-<role>`, with only the characters the CLI accepts in a profile name. */
export function defaultProfileName(accountName: string, roleName: string): string {
  return `${accountName}-${roleName}`.replace(/[^A-Za-z0-9_.+=@-]+/g, '-').slice(0, 100);
}

/** The settings of an SSO profile for one account/role of a session, as `aws configure sso` would write them. */
export function discoveredProfileSettings(target: SsoTarget, accountId: string, roleName: string, region: string): ProfileSettings {
  return {
    ...(target.sessionName ? { sso_session: target.sessionName } : { sso_start_url: target.startUrl, sso_region: target.region }),
    sso_account_id: accountId,
    sso_role_name: roleName,
    region,
    ...(target.endpoint ? { endpoint_url: target.endpoint } : {}),
  };
}
