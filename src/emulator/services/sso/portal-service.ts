import { randomUUID } from 'node:crypto';
import type { IdentityRegistry } from '../../core/identity';
import { restJsonError } from '../../core/protocol-errors';
import { AwsError, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from '../../core/types';
import { findAccount } from '../../world/create-world';
import { ssoReservedRoleId, ssoReservedRoleName } from '../../world/iam-roles';
import type { SsoState } from './sso-state';

/**
 * The SSO portal API (restJson1; the SDK calls it without SigV4, with the OIDC access token in
 * `x-amz-sso_bearer_token`): ListAccounts, ListAccountRoles, GetRoleCredentials, Logout.
 */
const ROUTES: Record<string, string> = {
  'GET /assignment/accounts': 'ListAccounts',
  'GET /assignment/roles': 'ListAccountRoles',
  'GET /federation/credentials': 'GetRoleCredentials',
  'POST /logout': 'Logout',
};

/** Permission sets default to a one-hour session. */
const ROLE_SESSION_SECONDS = 3600;
const MAX_PAGE = 100;

export interface SsoPortalDeps {
  state: SsoState;
  identities: IdentityRegistry;
}

export function createSsoPortalService({ state, identities }: SsoPortalDeps): ServiceModule {
  return {
    // `awsssoportal` is the model's signing name, should a client ever sign these calls.
    signingNames: ['sso', 'awsssoportal'],
    operationOf: (req) => ROUTES[`${req.method} ${req.path}`],
    errorResponse: (err) => restJsonError(err),
    async handle(req) {
      const operation = ROUTES[`${req.method} ${req.path}`];
      if (!operation) throw new AwsError('UnknownOperationException', `No operation at ${req.method} ${req.path}`, 404);
      const token = state.validAccessToken(req.headers['x-amz-sso_bearer_token']);
      if (!token) throw unauthorized();
      const world = state.world;
      switch (operation) {
        case 'ListAccounts': {
          const accounts = world.accounts.filter((a) => a.ssoRoles.length > 0);
          const { items, nextToken } = paginate(accounts, req, 'accounts');
          return json({
            accountList: items.map((a) => ({ accountId: a.id, accountName: a.name, emailAddress: a.email })),
            ...(nextToken ? { nextToken } : {}),
          });
        }
        case 'ListAccountRoles': {
          const account = findAccount(world, requireParam(req, 'account_id'));
          if (!account) throw new AwsError('ResourceNotFoundException', 'Account not found', 404);
          const { items, nextToken } = paginate(account.ssoRoles, req, `roles:${account.id}`);
          return json({ roleList: items.map((roleName) => ({ roleName, accountId: account.id })), ...(nextToken ? { nextToken } : {}) });
        }
        case 'GetRoleCredentials': {
          const roleName = requireParam(req, 'role_name');
          const account = findAccount(world, requireParam(req, 'account_id'));
          // IAM Identity Center answers an unassigned account or role with this unmodelled 403.
          if (!account || !account.ssoRoles.includes(roleName)) throw new AwsError('ForbiddenException', 'No access', 403);
          const reservedRole = ssoReservedRoleName(world, roleName);
          const userName = world.sso.userName;
          const expiresAt = new Date(req.now.getTime() + ROLE_SESSION_SECONDS * 1000);
          const creds = identities.issueSessionKey(
            {
              accountId: account.id,
              arn: `arn:aws:sts::${account.id}:assumed-role/${reservedRole}/${userName}`,
              userId: `${ssoReservedRoleId(world, account.id, roleName)}:${userName}`,
              roleName: reservedRole,
              sessionName: userName,
            },
            expiresAt,
          );
          return json({
            roleCredentials: {
              accessKeyId: creds.accessKeyId,
              secretAccessKey: creds.secretAccessKey,
              sessionToken: creds.sessionToken,
              expiration: expiresAt.getTime(),
            },
          });
        }
        default: {
          token.revoked = true;
          return { status: 200, headers: { 'x-amzn-requestid': randomUUID() }, body: '' };
        }
      }
    },
  };
}

function unauthorized(): AwsError {
  return new AwsError('UnauthorizedException', 'Session token not found or invalid', 401);
}

function requireParam(req: EmulatorRequest, name: string): string {
  const value = req.query.get(name);
  if (!value) throw new AwsError('InvalidRequestException', `${name} is required`, 400);
  return value;
}

/** Opaque next tokens that name the list they belong to, so a token from one list is refused by another. */
function paginate<T>(items: readonly T[], req: EmulatorRequest, listId: string): { items: T[]; nextToken?: string } {
  const maxRaw = req.query.get('max_result');
  const max = maxRaw === null ? MAX_PAGE : Number(maxRaw);
  if (!Number.isInteger(max) || max < 1 || max > MAX_PAGE) throw new AwsError('InvalidRequestException', 'maxResults must be between 1 and 100', 400);
  let start = 0;
  const token = req.query.get('next_token');
  if (token !== null) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const [id, offset] = [decoded.slice(0, decoded.lastIndexOf('|')), Number(decoded.slice(decoded.lastIndexOf('|') + 1))];
    if (id !== listId || !Number.isInteger(offset) || offset < 0 || offset > items.length) {
      throw new AwsError('InvalidRequestException', 'Invalid nextToken', 400);
    }
    start = offset;
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return { items: page, ...(end < items.length ? { nextToken: Buffer.from(`${listId}|${end}`).toString('base64url') } : {}) };
}

function json(body: unknown): EmulatorResponse {
  return { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }, body: JSON.stringify(body) };
}
