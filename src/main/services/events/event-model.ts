/**
 * The one shape every CloudTrail record takes inside Auditdesk, whatever it came from: a
 * LookupEvents `CloudTrailEvent` string, a record of a trail log file, a Panther-style export
 * line. Search, charts, exports and the detail view all read this model; the original record
 * text travels with it, untouched, in `raw`.
 */

/** Where a record entered the index. */
export type EventSourceKind = 'lookup-events' | 'trail-file' | 'import';

/**
 * The identity types CloudTrail documents (userIdentity.type). Records carry other values too
 * (test fixtures, future types): those are kept as given, so the type is open.
 */
export const KNOWN_PRINCIPAL_TYPES = [
  'Root',
  'IAMUser',
  'AssumedRole',
  'FederatedUser',
  'AWSService',
  'AWSAccount',
  'SAMLUser',
  'WebIdentityUser',
  'IdentityCenterUser',
  'Unknown',
] as const;
export type KnownPrincipalType = (typeof KNOWN_PRINCIPAL_TYPES)[number];
export type PrincipalType = KnownPrincipalType | (string & {});

/** Why eventTime is null. */
export type EventTimeIssue = 'missing' | 'unparseable';

/** Where one record came from, recorded on every row (shared/DESIGN.md "The local index"). */
export interface EventProvenance {
  source: EventSourceKind;
  /** The file path for imports and trail files; `profile/region` for LookupEvents. */
  sourceRef: string | null;
  /** The AWS profile the record was fetched with; null for local imports. */
  profile: string | null;
  /** ISO time the record was read or fetched. */
  retrievedAt: string;
}

export interface NormalizedEvent extends EventProvenance {
  /**
   * The index key: `<account>|<region>|<eventID>|<eventTime µs>` (AWS documents eventID as
   * unique per account and region), or `gen|<md5 of raw>` when the record has no eventID, so a
   * re-import of the same record lands on the same key. See event-key.ts.
   */
  key: string;
  /** The record's eventID, or `gen-<md5 of raw>` when it has none (see eventIdGenerated). */
  eventId: string;
  eventIdGenerated: boolean;
  /** ISO 8601 UTC (`2024-08-01T13:29:57Z`, fraction kept to microseconds); null with timeIssue set. */
  eventTime: string | null;
  timeIssue: EventTimeIssue | null;
  eventVersion: string | null;
  eventName: string | null;
  eventSource: string | null;
  eventCategory: string | null;
  eventType: string | null;
  /** As recorded; scrambled or redacted names (`megov-westwest-1r`, `redacted`) are kept. */
  awsRegion: string | null;
  recipientAccountId: string | null;
  /** The account the event belongs to: recipientAccountId, else userIdentity.accountId. */
  account: string | null;
  principalType: PrincipalType;
  /** A readable id: `root`, `user/<name>`, `role/<role>/<session>`, a service name, `unknown`. */
  principal: string;
  principalArn: string | null;
  principalId: string | null;
  /** The user, role, federated user or identity-store user name, where the identity has one. */
  principalName: string | null;
  /** The role session name of an AssumedRole identity. */
  sessionName: string | null;
  /** userIdentity.invokedBy: the service that made the call on the principal's behalf. */
  invokedBy: string | null;
  readOnly: boolean | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** As given (CloudTrail also records service names here, e.g. `signin.amazonaws.com`). */
  sourceIpAddress: string | null;
  /** Whether sourceIpAddress is a well-formed IPv4 or IPv6 address; null when there is none. */
  sourceIpValid: boolean | null;
  userAgent: string | null;
  accessKeyId: string | null;
  /** ARNs from resources[] and well-known names from requestParameters; sorted, distinct. */
  resources: string[];
  requestId: string | null;
  sharedEventId: string | null;
  vpcEndpointId: string | null;
  /** For Insights events (eventCategory `Insight`): insightDetails.insightType and .state. */
  insightType: string | null;
  insightState: string | null;
  /** The record exactly as it was read. */
  raw: string;
}
