/**
 * The fields of the query language and the index columns they search. One table, read by the
 * parser (names, aliases, value kinds), the compiler (columns) and docs/search-syntax.md.
 */
export type FieldKind = 'text' | 'list' | 'bool' | 'time';

export interface SearchField {
  name: string;
  aliases: readonly string[];
  kind: FieldKind;
  /** Index columns; a value matches when it matches any of them. */
  columns: readonly string[];
  description: string;
}

export const SEARCH_FIELDS = [
  { name: 'account', aliases: ['accountid', 'recipientaccountid'], kind: 'text', columns: ['account'], description: 'The account the event belongs to (recipientAccountId, else userIdentity.accountId).' },
  { name: 'region', aliases: ['awsregion'], kind: 'text', columns: ['aws_region'], description: 'awsRegion, as recorded.' },
  {
    name: 'principal',
    aliases: ['user', 'who'],
    kind: 'text',
    columns: ['principal', 'principal_arn', 'principal_name', 'session_name'],
    description: 'Who: the display id (`user/alice`, `role/Admin/alice`, `root`), the ARN, the user or role name, or the session name.',
  },
  { name: 'principaltype', aliases: ['identitytype'], kind: 'text', columns: ['principal_type'], description: 'userIdentity.type: IAMUser, AssumedRole, Root, AWSService… (`Unknown` when absent).' },
  { name: 'eventname', aliases: ['name', 'action'], kind: 'text', columns: ['event_name'], description: 'The API call, e.g. `CreateUser`.' },
  { name: 'source', aliases: ['eventsource', 'service'], kind: 'text', columns: ['event_source'], description: 'eventSource; a bare service name means `<name>.amazonaws.com` (`iam`).' },
  { name: 'error', aliases: ['errorcode'], kind: 'text', columns: ['error_code'], description: 'errorCode; `error:*` any error, `-error:*` none.' },
  { name: 'readonly', aliases: [], kind: 'bool', columns: ['read_only'], description: '`true` or `false`.' },
  { name: 'ip', aliases: ['sourceip', 'sourceipaddress'], kind: 'text', columns: ['source_ip'], description: 'sourceIPAddress, as recorded.' },
  { name: 'resource', aliases: ['resources'], kind: 'list', columns: ['resources'], description: 'Any resource ARN or name the event touched.' },
  { name: 'accesskey', aliases: ['accesskeyid'], kind: 'text', columns: ['access_key_id'], description: 'The access key id used.' },
  { name: 'useragent', aliases: [], kind: 'text', columns: ['user_agent'], description: 'userAgent (use wildcards: `useragent:*aws-cli*`).' },
  { name: 'eventid', aliases: ['id'], kind: 'text', columns: ['event_id'], description: "CloudTrail's eventID." },
  { name: 'profile', aliases: [], kind: 'text', columns: ['profile'], description: 'The AWS profile the event was fetched with.' },
  { name: 'category', aliases: ['eventcategory'], kind: 'text', columns: ['event_category'], description: 'eventCategory: Management, Data, Insight, NetworkActivity.' },
  { name: 'time', aliases: ['eventtime'], kind: 'time', columns: ['event_time'], description: 'A day (`time:2024-01-31`) or a range (`time:[2024-01-01 TO 2024-02-01]`).' },
  { name: 'since', aliases: ['after', 'from'], kind: 'time', columns: ['event_time'], description: 'From this time on: `since:7d`, `since:2024-01-01`.' },
  { name: 'until', aliases: ['before', 'to'], kind: 'time', columns: ['event_time'], description: 'Up to this time: `until:24h`, `until:2024-01-31` (the whole day).' },
] as const satisfies readonly SearchField[];

export type FieldName = (typeof SEARCH_FIELDS)[number]['name'];

const BY_NAME = new Map<string, SearchField & { name: FieldName }>();
for (const field of SEARCH_FIELDS) for (const name of [field.name, ...field.aliases]) BY_NAME.set(name, field);

export function lookupField(name: string): (SearchField & { name: FieldName }) | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function fieldNames(): string[] {
  return SEARCH_FIELDS.map((f) => f.name);
}
