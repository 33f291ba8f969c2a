import type { InternalAccessDetails, ResourceType } from '../domain/model-types';
import { accountSlug, draftTimes, type FindingDraft, type SeedContext } from './seed-context';

/**
 * Synthetic: internal access findings (who inside the account or organisation can reach a
 * critical resource). No public example of an internal access finding exists, so these are
 * built from the model's InternalAccessDetails shape. They live in the home region, where the
 * seed's internal access analyzers are.
 */

interface CriticalResource {
  name: string;
  resourceType: ResourceType;
  arn: (owner: string, slug: string, region: string, suffix: string) => string;
  actions: string[];
}

const CRITICAL_RESOURCES: readonly CriticalResource[] = [
  {
    name: 'customer-data',
    resourceType: 'AWS::S3::Bucket',
    arn: (_o, slug, region) => `arn:aws:s3:::${slug}-customer-data-${region}`,
    actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'],
  },
  {
    name: 'ledger',
    resourceType: 'AWS::DynamoDB::Table',
    arn: (o, slug, region) => `arn:aws:dynamodb:${region}:${o}:table/${slug}-ledger`,
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan'],
  },
  {
    name: 'data-key',
    resourceType: 'AWS::KMS::Key',
    arn: (o, _s, region, suffix) => `arn:aws:kms:${region}:${o}:key/${suffix}`,
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
  },
  {
    name: 'db-credentials',
    resourceType: 'AWS::SecretsManager::Secret',
    arn: (o, slug, region, suffix) => `arn:aws:secretsmanager:${region}:${o}:secret:${slug}/prod/db-credentials-${suffix.slice(0, 6)}`,
    actions: ['secretsmanager:GetSecretValue'],
  },
];

const INTRA_ACCOUNT_PRINCIPALS = [
  { name: 'data-pipeline', type: 'IAM_ROLE' },
  { name: 'analytics-readonly', type: 'IAM_ROLE' },
  { name: 'ci-deployer', type: 'IAM_ROLE' },
  { name: 'support.engineer', type: 'IAM_USER' },
] as const;

export function internalAccessDrafts(ctx: SeedContext): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const region = ctx.homeRegion;
  for (const account of ctx.world.accounts) {
    const rng = ctx.rng.fork(`internal:${account.id}`);
    const slug = accountSlug(account);
    const peers = ctx.world.accounts.filter((a) => a.id !== account.id);
    for (const resource of rng.sample(CRITICAL_RESOURCES, rng.int(2, 4))) {
      const r = rng.fork(resource.name);
      const arn = resource.arn(account.id, slug, region, r.uuid());
      const principals = r.sample(INTRA_ACCOUNT_PRINCIPALS, r.int(1, 2));
      const grants: { owner: string; name: string; type: 'IAM_ROLE' | 'IAM_USER' }[] = principals.map((p) => ({
        owner: account.id,
        name: p.name,
        type: p.type,
      }));
      if (peers.length > 0 && r.chance(0.5)) grants.push({ owner: r.pick(peers).id, name: 'shared-services-reader', type: 'IAM_ROLE' });
      for (const grant of grants) {
        const g = r.fork(`${grant.owner}:${grant.name}`);
        const kind = grant.type === 'IAM_ROLE' ? 'role' : 'user';
        const details: InternalAccessDetails = {
          action: g.sample(resource.actions, g.int(1, resource.actions.length)).sort(),
          condition: {},
          principal: { AWS: `arn:aws:iam::${grant.owner}:${kind}/${grant.name}` },
          principalOwnerAccount: grant.owner,
          accessType: grant.owner === account.id ? 'INTRA_ACCOUNT' : 'INTRA_ORG',
          principalType: grant.type,
          sources: [{ type: 'POLICY' }],
          // APPLICABLE here; organization analyzers report the same restriction as APPLIED (see seed-findings).
          serviceControlPolicyRestriction: g.pick(['NOT_APPLICABLE', 'APPLICABLE'] as const),
          resourceControlPolicyRestriction: g.pick(['NOT_APPLICABLE', 'NOT_APPLICABLE', 'APPLICABLE'] as const),
        };
        drafts.push({
          key: `${account.id}:${region}:internal:${resource.name}:${grant.owner}:${grant.name}`,
          ownerAccount: account.id,
          region,
          findingType: 'InternalAccess',
          resource: arn,
          resourceType: resource.resourceType,
          findingDetails: [{ internalAccessDetails: details }],
          ...draftTimes(g.fork('times'), ctx.now),
          synthetic: true,
          origin: `synthetic:internal-access/${resource.name}`,
        });
      }
    }
  }
  return drafts;
}
