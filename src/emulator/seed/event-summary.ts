import { field, isObject, objectField, stringField, type JsonObject } from './record-fields';

/** A resource as LookupEvents lists it. */
export interface LookupResource {
  type: string;
  name: string;
}

/** The fields LookupEvents returns (and filters on) besides the record itself. */
export interface EventSummary {
  eventName: string;
  eventSource: string;
  /** LookupEvents returns ReadOnly as the strings "true"/"false". */
  readOnly?: 'true' | 'false';
  accessKeyId?: string;
  username?: string;
  resources: readonly LookupResource[];
}

/**
 * Request parameters that name a resource, and the CloudFormation-style type CloudTrail uses
 * for it in LookupEvents' Resources (the records' own `resources` array is used first).
 */
const PARAMETER_RESOURCES: readonly [param: string, type: string][] = [
  ['userName', 'AWS::IAM::User'],
  ['roleName', 'AWS::IAM::Role'],
  ['groupName', 'AWS::IAM::Group'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['bucketName', 'AWS::S3::Bucket'],
  ['instanceId', 'AWS::EC2::Instance'],
  ['imageId', 'AWS::EC2::Ami'],
  ['groupId', 'AWS::EC2::SecurityGroup'],
  ['vpcId', 'AWS::EC2::VPC'],
  ['functionName', 'AWS::Lambda::Function'],
  ['layerName', 'AWS::Lambda::LayerVersion'],
  ['secretId', 'AWS::SecretsManager::Secret'],
  ['keyId', 'AWS::KMS::Key'],
  ['trailName', 'AWS::CloudTrail::Trail'],
  ['dBSnapshotIdentifier', 'AWS::RDS::DBSnapshot'],
  ['dBInstanceIdentifier', 'AWS::RDS::DBInstance'],
  ['logGroupName', 'AWS::Logs::LogGroup'],
  ['repositoryName', 'AWS::ECR::Repository'],
  ['tableName', 'AWS::DynamoDB::Table'],
  ['queueUrl', 'AWS::SQS::Queue'],
];

export function summarizeRecord(record: JsonObject): EventSummary {
  const identity = objectField(record, 'userIdentity');
  return {
    eventName: stringField(record, 'eventName') ?? '',
    eventSource: stringField(record, 'eventSource') ?? '',
    readOnly: readOnlyOf(field(record, 'readOnly')),
    accessKeyId: identity ? stringField(identity, 'accessKeyId') : undefined,
    username: identity ? usernameOf(identity) : undefined,
    resources: resourcesOf(record),
  };
}

/** Records hold a boolean; some test data a string (`"True"`), which AWS would also show as "true". */
function readOnlyOf(value: unknown): 'true' | 'false' | undefined {
  const text = typeof value === 'string' ? value.toLowerCase() : value;
  if (text === true || text === 'true') return 'true';
  if (text === false || text === 'false') return 'false';
  return undefined;
}

/** As LookupEvents shows it: the IAM user name, the role session name, or `root`. */
function usernameOf(identity: JsonObject): string | undefined {
  const type = stringField(identity, 'type');
  const userName = stringField(identity, 'userName');
  const arn = stringField(identity, 'arn');
  switch (type) {
    case 'Root':
      return 'root';
    case 'AssumedRole':
    case 'FederatedUser': {
      if (arn && arn.includes('/')) return arn.slice(arn.lastIndexOf('/') + 1);
      const principal = stringField(identity, 'principalId');
      return principal?.includes(':') ? principal.slice(principal.indexOf(':') + 1) : userName;
    }
    default:
      return userName;
  }
}

function resourcesOf(record: JsonObject): LookupResource[] {
  const out: LookupResource[] = [];
  const seen = new Set<string>();
  const add = (type: string, name: string): void => {
    const key = `${type}\u0000${name}`;
    if (!seen.has(key) && name) {
      seen.add(key);
      out.push({ type, name });
    }
  };
  const listed = field(record, 'resources');
  if (Array.isArray(listed)) {
    for (const r of listed) {
      if (!isObject(r)) continue;
      const type = stringField(r, 'type');
      const arn = stringField(r, 'ARN');
      if (type && arn) add(type, arn);
    }
  }
  const params = objectField(record, 'requestParameters');
  if (params) {
    for (const [param, type] of PARAMETER_RESOURCES) {
      const value = params[param];
      if (typeof value === 'string') add(type, value);
    }
  }
  return out;
}
