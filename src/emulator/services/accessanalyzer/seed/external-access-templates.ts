import type { ExternalAccessDetails, ResourceType } from '../domain/model-types';
import type { RealAccessExample } from './real-examples';
import type { SeededRandom } from './seeded-random';

/**
 * The kinds of external access the seed hands out. Templates made from the real examples keep the
 * example's principal, actions, condition and sources, re-mapped to world accounts and regions;
 * the others are synthetic (no public example exists) and built from the model's
 * ExternalAccessDetails shape with the policies auditors most often meet.
 */

export interface TemplateInput {
  owner: string;
  slug: string;
  region: string;
  rng: SeededRandom;
  /** An account outside the organisation. */
  external: string;
  /** Another account of the organisation (the management account for members). */
  peer: string;
}

export interface ExternalAccessShape {
  resource: string;
  resourceType: ResourceType;
  details: ExternalAccessDetails;
  error?: string;
  zone: 'outside-org' | 'inside-org';
}

export interface ExternalTemplate {
  name: string;
  /** IAM roles are global: the seed reports them in the home region only. */
  global: boolean;
  synthetic: boolean;
  origin: string;
  build(input: TemplateInput): ExternalAccessShape;
}

const ACCOUNT_ID = /\b\d{12}\b/g;
const DOC_POOL_ID = 'EXAMPLE0-0000-0000-0000-000000000000';
const POOL_SENTINEL = '\u0000pool\u0000';
/** AWS documentation placeholders, renamed so each account's buckets read like its own. */
const DOC_BUCKET_NAMES: Record<string, string> = { 'amzn-s3-demo-bucket': 'uploads', 'my-bucket': 'partner-exchange' };

export function templatesFromRealExamples(examples: readonly RealAccessExample[]): ExternalTemplate[] {
  return examples.map((ex, i) => ({
    name: `real-${i}-${ex.resourceType}-${ex.resourceName}`,
    global: ex.resourceType === 'AWS::IAM::Role' || ex.resourceType === 'AWS::IAM::User',
    synthetic: false,
    origin: ex.origin,
    build: (input) => remapRealExample(ex, input),
  }));
}

function remapRealExample(ex: RealAccessExample, input: TemplateInput): ExternalAccessShape {
  const poolId = input.rng.uuid();
  // The examples' own account ids stand for "another account" in a principal or condition. The
  // documentation's placeholder pool id is set aside first: its zeros would read as an account id.
  const remap = (v: string): string =>
    v
      .replace(DOC_POOL_ID, POOL_SENTINEL)
      .replace(ACCOUNT_ID, input.external)
      .replace(/us-west-2/g, input.region)
      .replace(POOL_SENTINEL, poolId);
  const details: ExternalAccessDetails = {
    condition: mapValues(ex.condition, remap),
    ...(ex.principal ? { principal: mapValues(ex.principal, remap) } : {}),
    ...(ex.action ? { action: [...ex.action] } : {}),
    ...(ex.isPublic !== undefined ? { isPublic: ex.isPublic } : {}),
    ...(ex.sources ? { sources: ex.sources.map((s) => ({ ...s })) } : {}),
  };
  return {
    resource: resourceArn(ex.resourceType, ex.resourceName, input),
    resourceType: ex.resourceType,
    details,
    ...(ex.error ? { error: ex.error } : {}),
    zone: 'outside-org',
  };
}

function resourceArn(type: ResourceType, name: string, input: TemplateInput): string {
  switch (type) {
    case 'AWS::IAM::Role':
      return `arn:aws:iam::${input.owner}:role/${name}`;
    case 'AWS::S3::Bucket':
      return `arn:aws:s3:::${input.slug}-${DOC_BUCKET_NAMES[name] ?? name}-${input.region}`;
    default:
      return `arn:aws:${type.split('::')[1]?.toLowerCase() ?? 'unknown'}:${input.region}:${input.owner}:${name}`;
  }
}

function mapValues(map: Record<string, string>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)]));
}

const synthetic = (name: string, global: boolean, build: ExternalTemplate['build']): ExternalTemplate => ({
  name,
  global,
  synthetic: true,
  origin: `synthetic:external-access/${name}`,
  build,
});

// Synthetic: no public finding body exists for these; built from the model's shapes.
export const SYNTHETIC_EXTERNAL_TEMPLATES: readonly ExternalTemplate[] = [
  synthetic('s3-public-read-policy', false, (i) => ({
    resource: `arn:aws:s3:::${i.slug}-public-assets-${i.region}`,
    resourceType: 'AWS::S3::Bucket',
    details: { principal: { AWS: '*' }, action: ['s3:GetObject'], condition: {}, isPublic: true, sources: [{ type: 'POLICY' }], resourceControlPolicyRestriction: 'NOT_APPLICABLE' },
    zone: 'outside-org',
  })),
  synthetic('s3-public-acl', false, (i) => ({
    resource: `arn:aws:s3:::${i.slug}-legacy-website-${i.region}`,
    resourceType: 'AWS::S3::Bucket',
    details: { principal: { AWS: '*' }, action: ['s3:ListBucket'], condition: {}, isPublic: true, sources: [{ type: 'BUCKET_ACL' }] },
    zone: 'outside-org',
  })),
  synthetic('s3-access-point-cross-account', false, (i) => ({
    resource: `arn:aws:s3:::${i.slug}-analytics-export-${i.region}`,
    resourceType: 'AWS::S3::Bucket',
    details: {
      principal: { AWS: `arn:aws:iam::${i.external}:root` },
      action: ['s3:GetObject', 's3:ListBucket'],
      condition: {},
      isPublic: false,
      sources: [{ type: 'S3_ACCESS_POINT', detail: { accessPointArn: `arn:aws:s3:${i.region}:${i.owner}:accesspoint/${i.slug}-partner-ap` } }],
    },
    zone: 'outside-org',
  })),
  synthetic('kms-key-cross-account', false, (i) => ({
    resource: `arn:aws:kms:${i.region}:${i.owner}:key/${i.rng.uuid()}`,
    resourceType: 'AWS::KMS::Key',
    details: {
      principal: { AWS: `arn:aws:iam::${i.external}:root` },
      action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
      condition: {},
      isPublic: false,
      resourceControlPolicyRestriction: 'APPLICABLE',
    },
    zone: 'outside-org',
  })),
  synthetic('kms-key-org-peer', false, (i) => ({
    resource: `arn:aws:kms:${i.region}:${i.owner}:key/${i.rng.uuid()}`,
    resourceType: 'AWS::KMS::Key',
    details: { principal: { AWS: `arn:aws:iam::${i.peer}:root` }, action: ['kms:Decrypt', 'kms:DescribeKey'], condition: {}, isPublic: false },
    zone: 'inside-org',
  })),
  synthetic('lambda-public-invoke', false, (i) => ({
    resource: `arn:aws:lambda:${i.region}:${i.owner}:function:${i.slug}-webhook`,
    resourceType: 'AWS::Lambda::Function',
    details: { principal: { AWS: '*' }, action: ['lambda:InvokeFunction'], condition: {}, isPublic: true },
    zone: 'outside-org',
  })),
  synthetic('lambda-service-external-source', false, (i) => ({
    resource: `arn:aws:lambda:${i.region}:${i.owner}:function:${i.slug}-thumbnailer`,
    resourceType: 'AWS::Lambda::Function',
    details: {
      principal: { Service: 's3.amazonaws.com' },
      action: ['lambda:InvokeFunction'],
      condition: { 'aws:SourceAccount': i.external },
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('sqs-queue-partner-topic', false, (i) => ({
    resource: `arn:aws:sqs:${i.region}:${i.owner}:${i.slug}-inbound-events`,
    resourceType: 'AWS::SQS::Queue',
    details: {
      principal: { Service: 'sns.amazonaws.com' },
      action: ['sqs:SendMessage'],
      condition: { 'aws:SourceArn': `arn:aws:sns:${i.region}:${i.external}:partner-events` },
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('secret-cross-account-role', false, (i) => ({
    resource: `arn:aws:secretsmanager:${i.region}:${i.owner}:secret:${i.slug}/partner-api-key-${i.rng.upperAlnum(6)}`,
    resourceType: 'AWS::SecretsManager::Secret',
    details: {
      principal: { AWS: `arn:aws:iam::${i.external}:role/partner-integration` },
      action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      condition: {},
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('sns-topic-cross-account', false, (i) => ({
    resource: `arn:aws:sns:${i.region}:${i.owner}:${i.slug}-alerts`,
    resourceType: 'AWS::SNS::Topic',
    details: { principal: { AWS: i.external }, action: ['sns:Publish', 'sns:Subscribe'], condition: {}, isPublic: false },
    zone: 'outside-org',
  })),
  synthetic('ecr-repository-org-peer', false, (i) => ({
    resource: `arn:aws:ecr:${i.region}:${i.owner}:repository/${i.slug}/api`,
    resourceType: 'AWS::ECR::Repository',
    details: {
      principal: { AWS: `arn:aws:iam::${i.peer}:root` },
      action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      condition: {},
      isPublic: false,
    },
    zone: 'inside-org',
  })),
  synthetic('ebs-snapshot-public', false, (i) => ({
    resource: `arn:aws:ec2:${i.region}:${i.owner}:snapshot/snap-0${i.rng.hex(16)}`,
    resourceType: 'AWS::EC2::Snapshot',
    details: { principal: { AWS: '*' }, condition: {}, isPublic: true },
    zone: 'outside-org',
  })),
  synthetic('rds-snapshot-cross-account', false, (i) => ({
    resource: `arn:aws:rds:${i.region}:${i.owner}:snapshot:${i.slug}-db-final-snapshot`,
    resourceType: 'AWS::RDS::DBSnapshot',
    details: { principal: { AWS: i.external }, condition: {}, isPublic: false },
    zone: 'outside-org',
  })),
  synthetic('dynamodb-table-cross-account', false, (i) => ({
    resource: `arn:aws:dynamodb:${i.region}:${i.owner}:table/${i.slug}-orders`,
    resourceType: 'AWS::DynamoDB::Table',
    details: {
      principal: { AWS: `arn:aws:iam::${i.external}:role/reporting` },
      action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
      condition: {},
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('role-trust-vendor-external-id', true, (i) => ({
    resource: `arn:aws:iam::${i.owner}:role/VendorSecurityAudit`,
    resourceType: 'AWS::IAM::Role',
    details: {
      principal: { AWS: `arn:aws:iam::${i.external}:root` },
      action: ['sts:AssumeRole'],
      condition: { 'sts:ExternalId': i.rng.hex(24) },
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('role-trust-github-oidc', true, (i) => ({
    resource: `arn:aws:iam::${i.owner}:role/github-actions-deploy`,
    resourceType: 'AWS::IAM::Role',
    details: {
      principal: { Federated: `arn:aws:iam::${i.owner}:oidc-provider/token.actions.githubusercontent.com` },
      action: ['sts:AssumeRoleWithWebIdentity'],
      condition: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': `repo:example-org/${i.slug}:ref:refs/heads/main`,
      },
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('role-trust-saml', true, (i) => ({
    resource: `arn:aws:iam::${i.owner}:role/OktaReadOnly`,
    resourceType: 'AWS::IAM::Role',
    details: {
      principal: { Federated: `arn:aws:iam::${i.owner}:saml-provider/Okta` },
      action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      condition: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      isPublic: false,
    },
    zone: 'outside-org',
  })),
  synthetic('role-trust-org-peer', true, (i) => ({
    resource: `arn:aws:iam::${i.owner}:role/OrganizationAccountAccessRole`,
    resourceType: 'AWS::IAM::Role',
    details: { principal: { AWS: `arn:aws:iam::${i.peer}:root` }, action: ['sts:AssumeRole'], condition: {}, isPublic: false },
    zone: 'inside-org',
  })),
  synthetic('role-trust-any-principal', true, (i) => ({
    resource: `arn:aws:iam::${i.owner}:role/${i.slug}-debug-role`,
    resourceType: 'AWS::IAM::Role',
    details: { principal: { AWS: '*' }, action: ['sts:AssumeRole'], condition: {}, isPublic: true },
    zone: 'outside-org',
  })),
];
