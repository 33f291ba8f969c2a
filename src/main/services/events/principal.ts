import type { PrincipalType } from './event-model';
import type { ScalarFields } from './record-fields';

/**
 * ARN and principalId patterns the principal is read from (RE2-compatible: normalize-sql.ts uses
 * the same ones). An assumed-role ARN is `arn:aws:sts::<acct>:assumed-role/<role>/<session>`; the
 * role's path is not in it, which is why the role name is read here and not from the issuer ARN.
 */
export const PRINCIPAL_PATTERNS = {
  assumedRole: 'assumed-role/([^/]+)',
  assumedRoleSession: 'assumed-role/[^/]+/(.+)$',
  iamUser: ':user/(?:.*/)?([^/]+)$',
  federatedUser: 'federated-user/(.+)$',
  /** The part of a principalId after the first colon (`AROA…:session`, `acct:name`). */
  afterColon: ':(.+)$',
} as const;

export interface PrincipalFields {
  principalType: PrincipalType;
  principal: string;
  principalArn: string | null;
  principalId: string | null;
  principalName: string | null;
  sessionName: string | null;
}

function group(text: string | null, pattern: string): string | null {
  if (text === null) return null;
  const match = new RegExp(pattern).exec(text);
  return match?.[1] ? match[1] : null;
}

/**
 * Who made the call, per userIdentity.type. A record without a userIdentity (Insights events,
 * some service events, exports that drop it) has type `Unknown` and principal `unknown`.
 */
export function derivePrincipal(f: ScalarFields): PrincipalFields {
  const type = f.uiType ?? 'Unknown';
  const base = { principalType: type, principalArn: f.uiArn, principalId: f.uiPrincipalId, sessionName: null };
  switch (type) {
    case 'Root':
      return { ...base, principal: 'root', principalName: null };
    case 'IAMUser': {
      const name = f.uiUserName ?? group(f.uiArn, PRINCIPAL_PATTERNS.iamUser);
      return { ...base, principal: `user/${name ?? f.uiPrincipalId ?? 'unknown'}`, principalName: name };
    }
    case 'AssumedRole': {
      const role = group(f.uiArn, PRINCIPAL_PATTERNS.assumedRole) ?? f.issuerUserName;
      const session = group(f.uiArn, PRINCIPAL_PATTERNS.assumedRoleSession) ?? group(f.uiPrincipalId, PRINCIPAL_PATTERNS.afterColon);
      return { ...base, principal: `role/${role ?? 'unknown'}${session === null ? '' : `/${session}`}`, principalName: role, sessionName: session };
    }
    case 'FederatedUser': {
      const name = group(f.uiArn, PRINCIPAL_PATTERNS.federatedUser) ?? group(f.uiPrincipalId, PRINCIPAL_PATTERNS.afterColon);
      return { ...base, principal: `federated-user/${name ?? 'unknown'}`, principalName: name };
    }
    case 'AWSService':
      return { ...base, principal: f.uiInvokedBy ?? 'unknown-service', principalName: f.uiInvokedBy };
    case 'AWSAccount':
      return { ...base, principal: `account/${f.uiAccountId ?? 'unknown'}`, principalName: null };
    case 'SAMLUser':
      return { ...base, principal: `saml-user/${f.uiUserName ?? f.uiPrincipalId ?? 'unknown'}`, principalName: f.uiUserName };
    case 'WebIdentityUser':
      return { ...base, principal: `web-identity-user/${f.uiUserName ?? f.uiPrincipalId ?? 'unknown'}`, principalName: f.uiUserName };
    case 'IdentityCenterUser': {
      // The 2023+ shape: the Identity Center user is in onBehalfOf, not in userName.
      const name = f.onBehalfOfUserId ?? f.uiUserName;
      return { ...base, principal: `identity-center-user/${name ?? f.uiPrincipalId ?? 'unknown'}`, principalName: name };
    }
    default:
      return { ...base, principal: f.uiUserName ?? f.uiArn ?? f.uiPrincipalId ?? 'unknown', principalName: f.uiUserName };
  }
}
