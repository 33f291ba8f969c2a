import type { AttachedPolicy, FindingDetails, UnusedPermissionDetails } from '../domain/model-types';
import { draftTimes, type FindingDraft, type SeedContext } from './seed-context';
import type { SeededRandom } from './seeded-random';

/**
 * Synthetic: unused access findings (UnusedIAMRole, UnusedIAMUserAccessKey,
 * UnusedIAMUserPassword, UnusedPermission). SOURCES.md records that no public body of these
 * exists, so they follow the model's Unused*Details shapes. Every account gets at least one
 * of each type so each analyzer shows all four.
 */

const ROLE_NAMES = [
  'legacy-etl-runner',
  'data-science-notebook',
  'break-glass-admin',
  'vendor-readonly',
  'reporting-lambda-exec',
  'old-jenkins-deployer',
  'migration-2023',
  'sandbox-poweruser',
];
const USER_NAMES = ['svc-backup', 'jenkins', 'alice.admin', 'bob.dev', 'terraform-ci', 'carol.finance'];

/**
 * Action-level last-accessed data exists only for some services (S3, EC2, IAM, Lambda
 * management actions); for the rest the details name the service alone.
 */
const SERVICES: Record<string, string[] | undefined> = {
  s3: ['s3:DeleteBucket', 's3:GetObject', 's3:PutBucketPolicy', 's3:PutObject'],
  ec2: ['ec2:RunInstances', 'ec2:TerminateInstances', 'ec2:CreateSnapshot', 'ec2:ModifyInstanceAttribute'],
  iam: ['iam:CreateUser', 'iam:AttachRolePolicy', 'iam:PassRole', 'iam:CreateAccessKey'],
  lambda: ['lambda:UpdateFunctionCode', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  dynamodb: undefined,
  kms: undefined,
  sqs: undefined,
  sns: undefined,
  secretsmanager: undefined,
  rds: undefined,
  cloudformation: undefined,
  logs: undefined,
};
const USED_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents', 's3:GetObject', 's3:ListBucket', 'sqs:ReceiveMessage', 'dynamodb:Query'];
const BROAD_MANAGED_POLICIES = ['AmazonEC2FullAccess', 'AmazonS3FullAccess', 'IAMFullAccess', 'PowerUserAccess'];

/** Unused means not used within the analyzers' 90-day window: last use 91+ days ago, or never. */
const UNUSED_AFTER_DAYS = 91;

export function unusedAccessDrafts(ctx: SeedContext): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const account of ctx.world.accounts) {
    const rng = ctx.rng.fork(`unused:${account.id}`);
    const roles = rng.sample(ROLE_NAMES, rng.int(3, 5));
    const users = rng.sample(USER_NAMES, rng.int(2, 4));
    roles.forEach((role, i) => {
      const r = rng.fork(`role:${role}`);
      const arn = `arn:aws:iam::${account.id}:role/${role}`;
      if (i === 0 || (i > 1 && r.chance(0.35))) {
        drafts.push(draft(ctx, account.id, arn, 'role', role, 'UnusedIAMRole', [{ unusedIamRoleDetails: lastAccessed(r, ctx.now) }], r));
      } else {
        drafts.push(unusedPermission(ctx, account.id, arn, 'role', role, r));
      }
    });
    users.forEach((user, i) => {
      const r = rng.fork(`user:${user}`);
      const arn = `arn:aws:iam::${account.id}:user/${user}`;
      if (i === 0 || r.chance(0.7)) {
        const details = { accessKeyId: `AKIA${r.upperAlnum(16)}`, ...lastAccessed(r, ctx.now) };
        drafts.push(draft(ctx, account.id, arn, 'user', user, 'UnusedIAMUserAccessKey', [{ unusedIamUserAccessKeyDetails: details }], r));
      }
      if (i === 0 || r.chance(0.5)) {
        drafts.push(draft(ctx, account.id, arn, 'user', user, 'UnusedIAMUserPassword', [{ unusedIamUserPasswordDetails: lastAccessed(r, ctx.now) }], r));
      }
      if (r.chance(0.4)) drafts.push(unusedPermission(ctx, account.id, arn, 'user', user, r));
    });
  }
  return drafts;
}

function unusedPermission(ctx: SeedContext, owner: string, arn: string, kind: 'role' | 'user', name: string, rng: SeededRandom): FindingDraft {
  const services = rng.sample(Object.keys(SERVICES), rng.int(2, 6)).sort();
  const details: FindingDetails[] = services.map((service) => ({ unusedPermissionDetails: serviceDetails(service, rng.fork(service), ctx.now) }));
  const policies: AttachedPolicy[] = [
    {
      policyId: `arn:aws:iam::${owner}:policy/${name}-permissions`,
      updatedAt: rng.daysBefore(ctx.now, 60, 700),
      usedActions: rng.sample(USED_ACTIONS, rng.int(2, 4)).sort(),
    },
  ];
  if (rng.chance(0.5)) {
    policies.push({ policyId: `arn:aws:iam::aws:policy/${rng.pick(BROAD_MANAGED_POLICIES)}`, updatedAt: rng.daysBefore(ctx.now, 200, 1500), usedActions: [] });
  }
  return { ...draft(ctx, owner, arn, kind, name, 'UnusedPermission', details, rng), attachedPolicies: policies };
}

function serviceDetails(service: string, rng: SeededRandom, now: Date): UnusedPermissionDetails {
  const actions = SERVICES[service];
  if (!actions) return { serviceNamespace: service, ...lastAccessed(rng, now) };
  const unused = rng.sample(actions, rng.int(1, actions.length)).sort().map((action) => ({ action, ...lastAccessed(rng.fork(action), now) }));
  const times = unused.map((a) => a.lastAccessed?.getTime()).filter((t): t is number => t !== undefined);
  return {
    serviceNamespace: service,
    actions: unused,
    ...(times.length > 0 ? { lastAccessed: new Date(Math.max(...times)) } : {}),
  };
}

/** About a fifth of the entities were never used at all: no lastAccessed member then. */
function lastAccessed(rng: SeededRandom, now: Date): { lastAccessed?: Date } {
  return rng.chance(0.8) ? { lastAccessed: rng.daysBefore(now, UNUSED_AFTER_DAYS, 540) } : {};
}

function draft(
  ctx: SeedContext,
  owner: string,
  arn: string,
  kind: 'role' | 'user',
  name: string,
  findingType: FindingDraft['findingType'],
  findingDetails: FindingDetails[],
  rng: SeededRandom,
): FindingDraft {
  return {
    key: `${owner}:${ctx.homeRegion}:unused:${findingType}:${kind}/${name}`,
    ownerAccount: owner,
    region: ctx.homeRegion,
    findingType,
    resource: arn,
    resourceType: kind === 'role' ? 'AWS::IAM::Role' : 'AWS::IAM::User',
    findingDetails,
    ...draftTimes(rng.fork(`times:${findingType}`), ctx.now),
    synthetic: true,
    origin: `synthetic:unused-access/${findingType}`,
  };
}
