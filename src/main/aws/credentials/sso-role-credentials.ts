import { GetRoleCredentialsCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { SsoTarget } from '../sso/sso-target';
import { withPortalToken, type PortalTokenSource } from '../sso/with-portal-token';
import type { AwsCredentials } from './aws-credentials';

/**
 * What the SDK's fromSSO does, on our token cache instead of $HOME's: the session's access token
 * buys one-hour role credentials from the SSO portal.
 */
export function ssoRoleCredentials(deps: {
  portal: SSOClient;
  tokens: PortalTokenSource;
  target: SsoTarget;
  accountId: string;
  roleName: string;
}): Promise<AwsCredentials> {
  return withPortalToken(deps.tokens, deps.target, async (accessToken) => {
    const out = await deps.portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: deps.accountId, roleName: deps.roleName }));
    const creds = out.roleCredentials;
    if (!creds?.accessKeyId || !creds.secretAccessKey) throw new Error(`IAM Identity Center returned no credentials for ${deps.roleName} in ${deps.accountId}.`);
    return {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
      ...(creds.expiration ? { expiration: new Date(creds.expiration) } : {}),
      accountId: deps.accountId,
    };
  });
}
