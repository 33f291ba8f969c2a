import type { IdentityRegistry } from '../../core/identity';
import { queryXmlError } from '../../core/protocol-errors';
import { AwsError, type EmulatorRequest, type ServiceModule } from '../../core/types';
import type { EmulatorWorld } from '../../world/world-types';
import { assumeRole, assumeRoleWithWebIdentity } from './assume-role';
import { stsResponse } from './sts-xml';

/**
 * STS (awsQuery, version 2011-06-15): GetCallerIdentity, AssumeRole (with chaining and MFA) and
 * AssumeRoleWithWebIdentity. Parameters arrive as a form body (or a query string on GET).
 */
export interface StsDeps {
  world: EmulatorWorld;
  identities: IdentityRegistry;
}

const VERSION = '2011-06-15';
const ACTIONS = new Set(['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity']);

export function createStsService({ world, identities }: StsDeps): ServiceModule {
  return {
    signingNames: ['sts'],
    operationOf: (req) => stsParams(req).get('Action') ?? undefined,
    errorResponse: (err) => queryXmlError(err),
    async handle(req) {
      const params = stsParams(req);
      const action = params.get('Action');
      if (!action) throw new AwsError('MissingAction', 'Missing Action', 400);
      const version = params.get('Version');
      if (!ACTIONS.has(action) || (version !== null && version !== VERSION)) {
        throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${version ?? VERSION}`, 400);
      }
      if (action === 'AssumeRoleWithWebIdentity') {
        return stsResponse(action, assumeRoleWithWebIdentity({ world, identities, params, now: req.now }));
      }
      // Every other STS action must be signed.
      const caller = req.caller;
      if (!caller) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      if (action === 'GetCallerIdentity') {
        return stsResponse(action, { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn });
      }
      return stsResponse(action, assumeRole({ world, identities, params, caller, now: req.now }));
    },
  };
}

/** Query-protocol parameters: the form body for POST, merged over the query string. */
function stsParams(req: EmulatorRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  if (req.method === 'POST' && req.body.length > 0) {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.set(k, v);
  }
  return params;
}
