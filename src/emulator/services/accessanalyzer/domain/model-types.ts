/**
 * The emulator's own records for IAM Access Analyzer, shaped after the API model
 * (shared/data/aws-models/accessanalyzer.service-2.json). Timestamps are Dates here; the wire
 * layer writes them as iso8601, which is the `Timestamp` shape's timestampFormat in the model.
 *
 * The enum lists are copied from the model so that request validation refuses exactly what AWS
 * refuses; test/emulator/accessanalyzer-model-drift.test.ts compares them with the model.
 */

export const ANALYZER_TYPES = [
  'ACCOUNT',
  'ORGANIZATION',
  'ACCOUNT_UNUSED_ACCESS',
  'ORGANIZATION_UNUSED_ACCESS',
  'ACCOUNT_INTERNAL_ACCESS',
  'ORGANIZATION_INTERNAL_ACCESS',
] as const;
export type AnalyzerType = (typeof ANALYZER_TYPES)[number];

export const ANALYZER_STATUSES = ['ACTIVE', 'CREATING', 'DISABLED', 'FAILED'] as const;
export type AnalyzerStatus = (typeof ANALYZER_STATUSES)[number];

export const FINDING_TYPES = [
  'ExternalAccess',
  'UnusedIAMRole',
  'UnusedIAMUserAccessKey',
  'UnusedIAMUserPassword',
  'UnusedPermission',
  'InternalAccess',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const FINDING_STATUSES = ['ACTIVE', 'ARCHIVED', 'RESOLVED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** UpdateFindings may only move a finding between these two: RESOLVED is the service's call. */
export const FINDING_STATUS_UPDATES = ['ACTIVE', 'ARCHIVED'] as const;
export type FindingStatusUpdate = (typeof FINDING_STATUS_UPDATES)[number];

export const RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::IAM::Role',
  'AWS::SQS::Queue',
  'AWS::Lambda::Function',
  'AWS::Lambda::LayerVersion',
  'AWS::KMS::Key',
  'AWS::SecretsManager::Secret',
  'AWS::EFS::FileSystem',
  'AWS::EC2::Snapshot',
  'AWS::ECR::Repository',
  'AWS::RDS::DBSnapshot',
  'AWS::RDS::DBClusterSnapshot',
  'AWS::SNS::Topic',
  'AWS::S3Express::DirectoryBucket',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::Stream',
  'AWS::IAM::User',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const ORDER_BY = ['ASC', 'DESC'] as const;
export type OrderBy = (typeof ORDER_BY)[number];

export const FINDING_SOURCE_TYPES = ['POLICY', 'BUCKET_ACL', 'S3_ACCESS_POINT', 'S3_ACCESS_POINT_ACCOUNT'] as const;
export type FindingSourceType = (typeof FINDING_SOURCE_TYPES)[number];

export type RcpRestriction = 'APPLICABLE' | 'FAILED_TO_EVALUATE_RCP' | 'NOT_APPLICABLE' | 'APPLIED';
export type ScpRestriction = 'APPLICABLE' | 'FAILED_TO_EVALUATE_SCP' | 'NOT_APPLICABLE' | 'APPLIED';

export interface AnalyzerConfiguration {
  unusedAccess?: {
    unusedAccessAge?: number;
    analysisRule?: { exclusions?: { accountIds?: string[]; resourceTags?: Record<string, string>[] }[] };
  };
  internalAccess?: {
    analysisRule?: { inclusions?: { accountIds?: string[]; resourceTypes?: ResourceType[]; resourceArns?: string[] }[] };
  };
}

export interface AnalyzerRecord {
  arn: string;
  name: string;
  type: AnalyzerType;
  /** The account that owns the analyzer (the management account for organization analyzers). */
  accountId: string;
  region: string;
  createdAt: Date;
  status: AnalyzerStatus;
  statusReason?: { code: string };
  tags: Record<string, string>;
  lastResourceAnalyzed?: string;
  lastResourceAnalyzedAt?: Date;
  configuration?: AnalyzerConfiguration;
}

export interface FindingSource {
  type: FindingSourceType;
  detail?: { accessPointArn?: string; accessPointAccount?: string };
}

export interface ExternalAccessDetails {
  action?: string[];
  condition: Record<string, string>;
  isPublic?: boolean;
  principal?: Record<string, string>;
  sources?: FindingSource[];
  resourceControlPolicyRestriction?: RcpRestriction;
}

export interface InternalAccessDetails {
  action?: string[];
  condition?: Record<string, string>;
  principal?: Record<string, string>;
  principalOwnerAccount?: string;
  accessType?: 'INTRA_ACCOUNT' | 'INTRA_ORG';
  principalType?: 'IAM_ROLE' | 'IAM_USER';
  sources?: FindingSource[];
  resourceControlPolicyRestriction?: RcpRestriction;
  serviceControlPolicyRestriction?: ScpRestriction;
}

export interface UnusedPermissionDetails {
  actions?: { action: string; lastAccessed?: Date }[];
  serviceNamespace: string;
  lastAccessed?: Date;
}

/** The FindingDetails union of the model: exactly one member per element. */
export type FindingDetails =
  | { externalAccessDetails: ExternalAccessDetails }
  | { internalAccessDetails: InternalAccessDetails }
  | { unusedPermissionDetails: UnusedPermissionDetails }
  | { unusedIamUserAccessKeyDetails: { accessKeyId: string; lastAccessed?: Date } }
  | { unusedIamRoleDetails: { lastAccessed?: Date } }
  | { unusedIamUserPasswordDetails: { lastAccessed?: Date } };

/** A policy attached to the IAM entity of an UnusedPermission finding: what a recommendation acts on. */
export interface AttachedPolicy {
  /** Policy ARN (managed) or `<entity>/<inline-name>` for inline policies. */
  policyId: string;
  updatedAt: Date;
  /** Actions this policy grants that the entity still uses; empty means detach the policy. */
  usedActions: string[];
}

export interface FindingRecord {
  id: string;
  analyzerArn: string;
  findingType: FindingType;
  resource: string;
  resourceType: ResourceType;
  resourceOwnerAccount: string;
  status: FindingStatus;
  createdAt: Date;
  updatedAt: Date;
  analyzedAt: Date;
  error?: string;
  findingDetails: FindingDetails[];
  /** Built from the model's shapes because no public example exists. Never serialised. */
  synthetic: boolean;
  /** Where the shape came from: `aws-cli-examples.jsonl:<path>`, an EventBridge example, or a synthetic template. */
  origin: string;
  /** UnusedPermission findings only: the policies a recommendation would rewrite or detach. */
  attachedPolicies?: AttachedPolicy[];
}

export interface Criterion {
  eq?: string[];
  neq?: string[];
  contains?: string[];
  exists?: boolean;
}
export type FilterCriteria = Record<string, Criterion>;

export interface SortCriteria {
  attributeName?: string;
  orderBy?: OrderBy;
}

export interface ArchiveRuleRecord {
  analyzerArn: string;
  ruleName: string;
  filter: FilterCriteria;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecommendedStep {
  unusedPermissionsRecommendedStep: {
    policyUpdatedAt?: Date;
    recommendedAction: 'CREATE_POLICY' | 'DETACH_POLICY';
    recommendedPolicy?: string;
    existingPolicyId?: string;
  };
}

export interface RecommendationRecord {
  analyzerArn: string;
  findingId: string;
  resourceArn: string;
  startedAt: Date;
  /** When the (simulated) generation job finishes; the status flips to SUCCEEDED from then on. */
  readyAt: Date;
  steps: RecommendedStep[];
}

export function isExternalAnalyzer(type: AnalyzerType): boolean {
  return type === 'ACCOUNT' || type === 'ORGANIZATION';
}

export function isUnusedAnalyzer(type: AnalyzerType): boolean {
  return type === 'ACCOUNT_UNUSED_ACCESS' || type === 'ORGANIZATION_UNUSED_ACCESS';
}

export function isInternalAnalyzer(type: AnalyzerType): boolean {
  return type === 'ACCOUNT_INTERNAL_ACCESS' || type === 'ORGANIZATION_INTERNAL_ACCESS';
}

export function isOrganizationAnalyzer(type: AnalyzerType): boolean {
  return type.startsWith('ORGANIZATION');
}
