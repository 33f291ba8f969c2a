/**
 * The record fields normalisation reads, as dotted paths, shared by the TypeScript normaliser and
 * its SQL twin (normalize-sql.ts) so the two read exactly the same inputs.
 *
 * Exports such as Panther's lower-case some keys (`userIdentity.sessioncontext.sessionissuer`,
 * `accountid`), so every path is also tried in lower case: first as written, then with the keys
 * below the top level lower-cased, then all lower-cased. The first non-null value wins.
 */
export const SCALAR_FIELDS = {
  eventVersion: 'eventVersion',
  eventId: 'eventID',
  eventTime: 'eventTime',
  eventName: 'eventName',
  eventSource: 'eventSource',
  eventCategory: 'eventCategory',
  eventType: 'eventType',
  awsRegion: 'awsRegion',
  recipientAccountId: 'recipientAccountId',
  readOnly: 'readOnly',
  errorCode: 'errorCode',
  errorMessage: 'errorMessage',
  sourceIpAddress: 'sourceIPAddress',
  userAgent: 'userAgent',
  requestId: 'requestID',
  sharedEventId: 'sharedEventID',
  vpcEndpointId: 'vpcEndpointId',
  insightEventName: 'insightDetails.eventName',
  insightEventSource: 'insightDetails.eventSource',
  insightType: 'insightDetails.insightType',
  insightState: 'insightDetails.state',
  uiType: 'userIdentity.type',
  uiArn: 'userIdentity.arn',
  uiAccountId: 'userIdentity.accountId',
  uiPrincipalId: 'userIdentity.principalId',
  uiUserName: 'userIdentity.userName',
  uiAccessKeyId: 'userIdentity.accessKeyId',
  uiInvokedBy: 'userIdentity.invokedBy',
  issuerUserName: 'userIdentity.sessionContext.sessionIssuer.userName',
  onBehalfOfUserId: 'userIdentity.onBehalfOf.userId',
} as const;

export type ScalarField = keyof typeof SCALAR_FIELDS;
export type ScalarFields = Record<ScalarField, string | null>;

/**
 * requestParameters keys that name the resource a call acts on. Only exact keys: these are
 * service-defined names, not part of the CloudTrail envelope that exports re-case.
 */
export const RESOURCE_PARAMETER_KEYS = [
  'bucketName',
  'roleName',
  'userName',
  'groupName',
  'policyArn',
  'functionName',
  'instanceId',
  'imageId',
  'snapshotId',
  'volumeId',
  'groupId',
  'keyId',
  'secretId',
  'name',
  'trailName',
  'dBInstanceIdentifier',
  'dBSnapshotIdentifier',
  'dBClusterIdentifier',
  'tableName',
  'topicArn',
  'queueUrl',
  'stackName',
  'clusterName',
  'repositoryName',
  'logGroupName',
  'roleArn',
  'resourceArn',
  'detectorId',
] as const;

/** Keys of each resources[] entry that hold its ARN (CloudTrail writes `ARN`; exports vary). */
export const RESOURCE_ARRAY_KEYS = ['ARN', 'arn'] as const;

/** The spellings of a dotted path, in the order they are tried. */
export function pathVariants(path: string): string[] {
  const segments = path.split('.');
  const [head = '', ...rest] = segments;
  const variants = [segments.join('.'), [head, ...rest.map((s) => s.toLowerCase())].join('.'), segments.map((s) => s.toLowerCase()).join('.')];
  return [...new Set(variants)];
}

/**
 * The text of a JSON value the way DuckDB's json_extract_string gives it, so both normalisers
 * see the same string: strings as they are, other scalars and containers as JSON text.
 */
export function scalarText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function valueAt(record: unknown, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The first non-null value of the path's spellings, as text; empty strings count as absent. */
export function readScalar(record: unknown, path: string, variants = true): string | null {
  for (const variant of variants ? pathVariants(path) : [path]) {
    const text = scalarText(valueAt(record, variant));
    if (text !== null) return text === '' ? null : text;
  }
  return null;
}

export function readScalarFields(record: unknown): ScalarFields {
  const out = {} as ScalarFields;
  for (const [field, path] of Object.entries(SCALAR_FIELDS) as Array<[ScalarField, string]>) out[field] = readScalar(record, path);
  return out;
}

/** `resources[*].<key>` for each of RESOURCE_ARRAY_KEYS, then the well-known requestParameters. */
export function readResourceCandidates(record: unknown): Array<string | null> {
  const candidates: Array<string | null> = [];
  const resources = valueAt(record, 'resources');
  for (const key of RESOURCE_ARRAY_KEYS) {
    if (!Array.isArray(resources)) continue;
    for (const entry of resources) {
      const value = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>)[key] : undefined;
      candidates.push(scalarText(value));
    }
  }
  for (const key of RESOURCE_PARAMETER_KEYS) candidates.push(readScalar(record, `requestParameters.${key}`, false));
  return candidates;
}
