import { z } from 'zod';
import type { IdentityRegistry } from '../../core/identity';
import { AwsError, type Caller } from '../../core/types';
import { EMULATOR_MFA_CODE, findRole, type WorldRole } from '../../world/iam-roles';
import type { EmulatorWorld } from '../../world/world-types';
import { stsTimestamp, type XmlFields } from './sts-xml';

interface AssumeDeps {
  world: EmulatorWorld;
  identities: IdentityRegistry;
  params: URLSearchParams;
  now: Date;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/** AWS caps sessions assumed with role-chained credentials at one hour, whatever the role allows. */
const CHAINED_MAX_SECONDS = 3600;

export function assumeRole(deps: AssumeDeps & { caller: Caller }): XmlFields {
  const { world, params, caller } = deps;
  const { roleArn, sessionName, duration } = commonParams(params);
  const denied = (): AwsError =>
    new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  const role = lookupRole(world, roleArn);
  // Trust: any principal of the organisation (every key the emulator issues belongs to a world account).
  if (!role || !world.accounts.some((a) => a.id === caller.accountId)) throw denied();
  if (role.requiresMfa) {
    const serial = params.get('SerialNumber');
    const code = params.get('TokenCode');
    if (!serial || !code) throw denied();
    if (!/^\d{6}$/.test(code)) throw validation(`Value '${code}' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*`);
    if (code !== EMULATOR_MFA_CODE) throw new AwsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', 403);
  }
  const chained = caller.arn.includes(':assumed-role/');
  if (chained && duration !== undefined && duration > CHAINED_MAX_SECONDS) {
    throw validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', false);
  }
  return issue(deps, role, sessionName, duration, {
    SourceIdentity: params.get('SourceIdentity') ?? undefined,
    PackedPolicySize: params.has('Policy') || params.has('PolicyArns.member.1') ? 6 : undefined,
  });
}

const JwtClaims = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string()).nonempty()]),
  exp: z.number(),
});

/** Web identity tokens are read, not verified: any well-formed, unexpired JWT is trusted. */
export function assumeRoleWithWebIdentity(deps: AssumeDeps): XmlFields {
  const { world, params, now } = deps;
  const token = params.get('WebIdentityToken');
  if (!token) throw validation("Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null");
  const { roleArn, sessionName, duration } = commonParams(params);
  const claims = parseJwt(token);
  if (claims.exp * 1000 <= now.getTime()) {
    throw new AwsError(
      'ExpiredTokenException',
      `Token expired: current date/time ${Math.floor(now.getTime() / 1000)} must be before the expiration date/time ${claims.exp}`,
      400,
    );
  }
  const role = lookupRole(world, roleArn);
  if (!role || !role.allowsWebIdentity) throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
  const audience = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  return issue(deps, role, sessionName, duration, {
    SubjectFromWebIdentityToken: claims.sub,
    Provider: claims.iss.replace(/^https:\/\//, ''),
    Audience: audience,
  });
}

function commonParams(params: URLSearchParams): { roleArn: string; sessionName: string; duration: number | undefined } {
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  if (!roleArn) throw validation("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  if (!sessionName) throw validation("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
  if (roleArn.length < 20 || roleArn.length > 2048) {
    throw validation(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(`Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const raw = params.get('DurationSeconds');
  let duration: number | undefined;
  if (raw !== null) {
    duration = Number(raw);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
      throw validation(`Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    }
  }
  return { roleArn, sessionName, duration };
}

function lookupRole(world: EmulatorWorld, roleArn: string): WorldRole | undefined {
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw validation(`${roleArn} is invalid`, false);
  return findRole(world, m[1] ?? '', m[2] ?? '');
}

function issue(deps: AssumeDeps, role: WorldRole, sessionName: string, duration: number | undefined, extra: XmlFields): XmlFields {
  const seconds = duration ?? 3600;
  if (seconds > role.maxSessionDuration) {
    throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', false);
  }
  const expiresAt = new Date(deps.now.getTime() + seconds * 1000);
  const arn = `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
  const assumedRoleId = `${role.roleId}:${sessionName}`;
  const creds = deps.identities.issueSessionKey(
    { accountId: role.accountId, arn, userId: assumedRoleId, roleName: role.name, sessionName },
    expiresAt,
  );
  const { SourceIdentity, PackedPolicySize, ...rest } = extra;
  return {
    ...rest,
    AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
    Credentials: {
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      SessionToken: creds.sessionToken,
      Expiration: stsTimestamp(expiresAt),
    },
    PackedPolicySize,
    SourceIdentity,
  };
}

function parseJwt(token: string): z.infer<typeof JwtClaims> {
  const parts = token.split('.');
  const invalid = new AwsError('InvalidIdentityToken', "Couldn't parse the provided token as a JWT", 400);
  if (parts.length !== 3 || !parts[1]) throw invalid;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = JwtClaims.safeParse(payload);
  if (!parsed.success) throw invalid;
  return parsed.data;
}

/** Coral-style model validation ("1 validation error detected: …") or a plain ValidationError. */
function validation(message: string, coral = true): AwsError {
  return new AwsError('ValidationError', coral ? `1 validation error detected: ${message}` : message, 400);
}
