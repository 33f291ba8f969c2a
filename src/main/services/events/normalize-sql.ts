import type { NormalizedEvent } from './event-model';
import { EVENT_TIME_PATTERN } from './event-time';
import { IPV4_PATTERN, IPV6_PATTERN } from './ip-address';
import { PRINCIPAL_PATTERNS } from './principal';
import { RESOURCE_ARRAY_KEYS, RESOURCE_PARAMETER_KEYS, SCALAR_FIELDS, pathVariants, type ScalarField } from './record-fields';

/**
 * The SQL twin of normalize-event.ts: the same normalisation, run by DuckDB over records it
 * parsed itself, so a bulk import never brings a record into JavaScript (JSON.parse alone would
 * cap an import well below the 100k events/s target on two cores).
 *
 * Same inputs (record-fields.ts paths and spellings), same patterns (the RE2-compatible
 * constants of event-time.ts, ip-address.ts, principal.ts), same rules in the same order.
 * test/events/normalize-parity.test.ts runs both over every real record and compares them.
 *
 * Only constants of this module are inlined: no user value is ever part of this SQL.
 */

/** The columns normalizedSelect produces, in order, and the NormalizedEvent field each holds. */
export const NORMALIZED_SQL_FIELDS = {
  event_key: 'key',
  event_id: 'eventId',
  event_id_generated: 'eventIdGenerated',
  event_time: 'eventTime',
  time_issue: 'timeIssue',
  event_version: 'eventVersion',
  event_name: 'eventName',
  event_source: 'eventSource',
  event_category: 'eventCategory',
  event_type: 'eventType',
  aws_region: 'awsRegion',
  recipient_account_id: 'recipientAccountId',
  account: 'account',
  principal_type: 'principalType',
  principal: 'principal',
  principal_arn: 'principalArn',
  principal_id: 'principalId',
  principal_name: 'principalName',
  session_name: 'sessionName',
  invoked_by: 'invokedBy',
  read_only: 'readOnly',
  error_code: 'errorCode',
  error_message: 'errorMessage',
  source_ip: 'sourceIpAddress',
  source_ip_valid: 'sourceIpValid',
  user_agent: 'userAgent',
  access_key_id: 'accessKeyId',
  resources: 'resources',
  request_id: 'requestId',
  shared_event_id: 'sharedEventId',
  vpc_endpoint_id: 'vpcEndpointId',
  insight_type: 'insightType',
  insight_state: 'insightState',
  raw: 'raw',
} as const satisfies Record<string, keyof NormalizedEvent>;

export const NORMALIZED_SQL_COLUMNS = Object.keys(NORMALIZED_SQL_FIELDS) as Array<keyof typeof NORMALIZED_SQL_FIELDS>;

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A struct type for json_transform holding every path as VARCHAR (and `resources` as a list). */
class StructShape {
  private readonly root: Record<string, unknown> = {};

  /** Adds a dotted path; returns the SQL that reads it from the transformed value `alias`. */
  add(alias: string, dotted: string): string {
    const segments = dotted.split('.');
    let node = this.root;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) node[segment] = 'VARCHAR';
      else node = (node[segment] ??= {}) as Record<string, unknown>;
    });
    return `${alias}${segments.map((segment) => `[${sqlString(segment)}]`).join('')}`;
  }

  addList(alias: string, key: string, entry: Record<string, string>): string {
    this.root[key] = [entry];
    return `${alias}[${sqlString(key)}]`;
  }

  get empty(): boolean {
    return Object.keys(this.root).length === 0;
  }

  toJson(): string {
    return JSON.stringify(this.root);
  }
}

/**
 * DuckDB's json_transform reads every path in one parse, straight into typed vectors (about
 * three times cheaper than json_extract_string with a list of paths). The lower-case spellings
 * are read by two more transforms only for the records that hold such a key at all, which a
 * regular expression over the text finds far cheaper than a parse.
 */
function extractionPlan() {
  const exact = new StructShape();
  const nestedLower = new StructShape();
  const allLower = new StructShape();
  const lowerKeys = new Set<string>();
  const scalar = new Map<ScalarField, string>();
  for (const [field, dotted] of Object.entries(SCALAR_FIELDS) as Array<[ScalarField, string]>) {
    const [first, ...others] = pathVariants(dotted);
    const refs = [exact.add('t', first as string)];
    for (const variant of others) refs.push(variant === variant.toLowerCase() ? allLower.add('t3', variant) : nestedLower.add('t2', variant));
    for (const segment of dotted.split('.')) if (segment.toLowerCase() !== segment) lowerKeys.add(segment.toLowerCase());
    scalar.set(field, `nullif(${refs.length === 1 ? refs[0] : `coalesce(${refs.join(', ')})`}, '')`);
  }
  const parameters = RESOURCE_PARAMETER_KEYS.map((key) => exact.add('t', `requestParameters.${key}`));
  const resourceEntries = exact.addList('t', 'resources', Object.fromEntries(RESOURCE_ARRAY_KEYS.map((key) => [key, 'VARCHAR'])));
  // A key in a JSON text: the quoted name, then optional space and the colon.
  const lowerKeyPattern = `"(?:${[...lowerKeys].sort().join('|')})"\\s*:`;
  return { exact, nestedLower, allLower, scalar, parameters, resourceEntries, lowerKeyPattern };
}

/**
 * A SELECT producing NORMALIZED_SQL_COLUMNS plus `source_ref` (and the `passthrough` columns,
 * as they are) from `input`, a relation with columns `raw` (the record's JSON text) and
 * `source_ref`.
 *
 * The input is materialised first: DuckDB's JSON reader yields one row per small file, so a
 * trail file's ~16 records would reach every expression below in vectors of ~16 rows, and the
 * per-vector cost then doubles the whole normalisation. Read back, they come in full vectors.
 */
export function normalizedSelect(input: string, passthrough: readonly string[] = []): string {
  const extra = passthrough.map((column) => `, ${column}`).join('');
  const plan = extractionPlan();
  const f = (field: ScalarField) => `f_${field}`;
  const group = (column: string, pattern: string) => `nullif(regexp_extract(${column}, ${sqlString(pattern)}, 1), '')`;
  // By position: DuckDB resolves struct field names case-insensitively, and ARN / arn are both fields.
  const resourceArrays = RESOURCE_ARRAY_KEYS.map((_key, index) => `coalesce(list_transform(${plan.resourceEntries}, x -> struct_extract_at(x, ${index + 1})), [])`);

  const fieldColumns = [...plan.scalar].map(([field, sql]) => `${sql} AS ${f(field)}`).join(',\n    ');
  const time = `regexp_extract(${f('eventTime')}, ${sqlString(EVENT_TIME_PATTERN)}, ['y', 'mo', 'd', 'h', 'mi', 's', 'fr', 'z'])`;

  // The role and session of an assumed-role ARN, the commonest principal, are cut out by
  // position when the first `assumed-role/` is followed by a role name and the ARN has no line
  // break: what the patterns give then, without a capturing match per row. Else the patterns.
  // role_at is only set for assumed roles.
  const roleRestOk = `role_rest <> '' AND NOT starts_with(role_rest, '/')`;
  const roleName = `CASE WHEN role_at = 0 THEN NULL
        WHEN ${roleRestOk} THEN split_part(role_rest, '/', 1)
        ELSE ${group(f('uiArn'), PRINCIPAL_PATTERNS.assumedRole)} END`;
  const roleSession = `CASE WHEN role_at = 0 THEN NULL
        WHEN ${roleRestOk} AND NOT contains(role_rest, '/') THEN NULL
        WHEN ${roleRestOk} THEN nullif(substr(role_rest, strpos(role_rest, '/') + 1), '')
        ELSE ${group(f('uiArn'), PRINCIPAL_PATTERNS.assumedRoleSession)} END`;
  const principalName = `CASE principal_type
      WHEN 'Root' THEN NULL
      WHEN 'IAMUser' THEN coalesce(${f('uiUserName')}, ${group(f('uiArn'), PRINCIPAL_PATTERNS.iamUser)})
      WHEN 'AssumedRole' THEN coalesce(${roleName}, ${f('issuerUserName')})
      WHEN 'FederatedUser' THEN coalesce(${group(f('uiArn'), PRINCIPAL_PATTERNS.federatedUser)}, ${group(f('uiPrincipalId'), PRINCIPAL_PATTERNS.afterColon)})
      WHEN 'AWSService' THEN ${f('uiInvokedBy')}
      WHEN 'AWSAccount' THEN NULL
      WHEN 'IdentityCenterUser' THEN coalesce(${f('onBehalfOfUserId')}, ${f('uiUserName')})
      ELSE ${f('uiUserName')} END`;
  const sessionName = `CASE WHEN principal_type = 'AssumedRole' THEN coalesce(${roleSession}, ${group(f('uiPrincipalId'), PRINCIPAL_PATTERNS.afterColon)}) END`;
  const principal = `CASE principal_type
      WHEN 'Root' THEN 'root'
      WHEN 'IAMUser' THEN 'user/' || coalesce(principal_name, ${f('uiPrincipalId')}, 'unknown')
      WHEN 'AssumedRole' THEN 'role/' || coalesce(principal_name, 'unknown') || coalesce('/' || session_name, '')
      WHEN 'FederatedUser' THEN 'federated-user/' || coalesce(principal_name, 'unknown')
      WHEN 'AWSService' THEN coalesce(principal_name, 'unknown-service')
      WHEN 'AWSAccount' THEN 'account/' || coalesce(${f('uiAccountId')}, 'unknown')
      WHEN 'SAMLUser' THEN 'saml-user/' || coalesce(principal_name, ${f('uiPrincipalId')}, 'unknown')
      WHEN 'WebIdentityUser' THEN 'web-identity-user/' || coalesce(principal_name, ${f('uiPrincipalId')}, 'unknown')
      WHEN 'IdentityCenterUser' THEN 'identity-center-user/' || coalesce(principal_name, ${f('uiPrincipalId')}, 'unknown')
      ELSE coalesce(${f('uiUserName')}, ${f('uiArn')}, ${f('uiPrincipalId')}, 'unknown') END`;

  const int = (part: string) => `try_cast(tm.${part} AS INTEGER)`;
  const zone = `replace(tm.z, ':', '')`;
  const eventTime = `CASE
      WHEN tm.y IS NULL OR tm.y = '' THEN NULL
      WHEN ${int('mo')} NOT BETWEEN 1 AND 12 OR ${int('d')} < 1 OR ${int('h')} > 23 OR ${int('mi')} > 59 OR ${int('s')} > 59 THEN NULL
      ELSE try(make_timestamp(${int('y')}, ${int('mo')}, ${int('d')}, ${int('h')}, ${int('mi')}, ${int('s')}::DOUBLE))
        + to_microseconds(CAST(rpad(left(tm.fr, 6), 6, '0') AS BIGINT))
        - to_minutes(CASE WHEN tm.z IN ('', 'Z') THEN 0
            ELSE (CASE WHEN left(tm.z, 1) = '-' THEN -1 ELSE 1 END)
              * (CAST(substr(${zone}, 2, 2) AS INTEGER) * 60 + CAST(substr(${zone}, 4, 2) AS INTEGER)) END)
      END`;
  // Sorting and deduplicating a list costs a hash table per row: most rows name one resource or none.
  const resources = `CASE WHEN len(resource_candidates) <= 1 THEN resource_candidates ELSE list_sort(list_distinct(resource_candidates)) END`;

  return `WITH
  input AS MATERIALIZED (SELECT raw, source_ref${extra} FROM (${input})),
  src AS (SELECT raw, source_ref${extra}, json_transform(raw, ${sqlString(plan.exact.toJson())}) AS t, regexp_matches(raw, ${sqlString(plan.lowerKeyPattern)}) AS lower_keys FROM input),
  lowered AS (SELECT *,
    CASE WHEN lower_keys THEN json_transform(raw, ${sqlString(plan.nestedLower.toJson())}) END AS t2,
    CASE WHEN lower_keys THEN json_transform(raw, ${sqlString(plan.allLower.toJson())}) END AS t3
    FROM src),
  fields AS (SELECT raw, source_ref${extra}, t,
    ${fieldColumns}
    FROM lowered),
  step1 AS (SELECT *,
    coalesce(${f('recipientAccountId')}, ${f('uiAccountId')}) AS account,
    coalesce(${f('uiType')}, 'Unknown') AS principal_type,
    ${time} AS tm,
    CASE WHEN ${f('uiType')} = 'AssumedRole' AND NOT contains(${f('uiArn')}, chr(10)) THEN strpos(${f('uiArn')}, 'assumed-role/') END AS role_at,
    list_filter(list_concat(${resourceArrays.join(', ')}, [${plan.parameters.join(', ')}]),
      x -> x IS NOT NULL AND x <> '' AND NOT starts_with(x, '{') AND NOT starts_with(x, '[')) AS resource_candidates
    FROM fields),
  step2 AS (SELECT *,
    CASE WHEN role_at > 0 THEN substr(${f('uiArn')}, role_at + 13) END AS role_rest
    FROM step1),
  step3 AS (SELECT *,
    ${principalName} AS principal_name,
    ${eventTime} AS event_time
    FROM step2),
  step4 AS (SELECT *, ${sessionName} AS session_name FROM step3)
SELECT
  CASE WHEN ${f('eventId')} IS NULL THEN 'gen|' || md5(raw)
    ELSE concat(account, '|', ${f('awsRegion')}, '|', ${f('eventId')}, '|', CAST(epoch_us(event_time) AS VARCHAR)) END AS event_key,
  CASE WHEN ${f('eventId')} IS NULL THEN 'gen-' || md5(raw) ELSE ${f('eventId')} END AS event_id,
  ${f('eventId')} IS NULL AS event_id_generated,
  event_time,
  CASE WHEN ${f('eventTime')} IS NULL THEN 'missing' WHEN event_time IS NULL THEN 'unparseable' END AS time_issue,
  ${f('eventVersion')} AS event_version,
  coalesce(${f('eventName')}, ${f('insightEventName')}) AS event_name,
  coalesce(${f('eventSource')}, ${f('insightEventSource')}) AS event_source,
  ${f('eventCategory')} AS event_category,
  ${f('eventType')} AS event_type,
  ${f('awsRegion')} AS aws_region,
  ${f('recipientAccountId')} AS recipient_account_id,
  account,
  principal_type,
  ${principal} AS principal,
  ${f('uiArn')} AS principal_arn,
  ${f('uiPrincipalId')} AS principal_id,
  principal_name,
  session_name,
  ${f('uiInvokedBy')} AS invoked_by,
  CASE lower(${f('readOnly')}) WHEN 'true' THEN true WHEN 'false' THEN false END AS read_only,
  ${f('errorCode')} AS error_code,
  ${f('errorMessage')} AS error_message,
  ${f('sourceIpAddress')} AS source_ip,
  CASE WHEN ${f('sourceIpAddress')} IS NULL THEN NULL
    WHEN contains(${f('sourceIpAddress')}, ':') THEN regexp_full_match(${f('sourceIpAddress')}, ${sqlString(IPV6_PATTERN)})
    ELSE regexp_full_match(${f('sourceIpAddress')}, ${sqlString(IPV4_PATTERN)}) END AS source_ip_valid,
  ${f('userAgent')} AS user_agent,
  ${f('uiAccessKeyId')} AS access_key_id,
  ${resources} AS resources,
  ${f('requestId')} AS request_id,
  ${f('sharedEventId')} AS shared_event_id,
  ${f('vpcEndpointId')} AS vpc_endpoint_id,
  ${f('insightType')} AS insight_type,
  ${f('insightState')} AS insight_state,
  raw,
  source_ref${extra}
FROM step4`;
}
