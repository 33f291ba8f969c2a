import { z } from 'zod';

/**
 * The findings inbox: IAM Access Analyzer findings of every active profile, region and analyzer
 * type, kept in a local index, triaged with a recorded justification. "Who could do what", next
 * to the Events view's "who did what".
 */

/** The three families of analyzer: they differ in what a finding means and in where they must exist. */
export const AnalyzerKind = z.enum([
  /** ACCOUNT / ORGANIZATION: resource policies that let someone outside the zone of trust in. */
  'external',
  /** ACCOUNT_INTERNAL_ACCESS / ORGANIZATION_INTERNAL_ACCESS: principals inside the zone of trust that reach critical resources. */
  'internal',
  /** ACCOUNT_UNUSED_ACCESS / ORGANIZATION_UNUSED_ACCESS: roles, keys, passwords and permissions nobody used. */
  'unused',
]);
export type AnalyzerKind = z.infer<typeof AnalyzerKind>;

/** RESOLVED is the service's verdict (the access is gone); only ACTIVE and ARCHIVED can be set. */
export const FindingStatus = z.enum(['ACTIVE', 'ARCHIVED', 'RESOLVED']);
export type FindingStatus = z.infer<typeof FindingStatus>;

const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'Not an AWS region name.');
const AccountId = z.string().regex(/^\d{12}$/, 'An account id is 12 digits.');
const ProfileName = z.string().min(1).max(200);
/** Finding ids are UUIDs in AWS; kept loose so a new id format is not refused. */
const FindingId = z.string().min(1).max(200);
const AnalyzerArn = z.string().regex(/^arn:aws[a-z-]*:access-analyzer:[a-z0-9-]+:\d{12}:analyzer\/.+$/, 'Not an analyzer ARN.').max(400);
/** Open-ended: AWS adds finding and resource types; a filter on an unknown one simply matches nothing. */
const Token = z.string().min(1).max(100);

/** One finding, addressed as AWS addresses it: the id is unique within its analyzer only. */
export const FindingRef = z
  .object({
    /** The finding id. */
    id: FindingId,
    /** The analyzer that reported it. */
    analyzerArn: AnalyzerArn,
  })
  .strict();
export type FindingRef = z.infer<typeof FindingRef>;

/** What the last triage of a finding was, for the inbox's status column. */
export const TriageMark = z.object({
  /** archive, unarchive or note. */
  action: z.enum(['archive', 'unarchive', 'note']),
  /** For notes: accepted-risk, needs-follow-up or comment. */
  label: z.enum(['accepted-risk', 'needs-follow-up', 'comment']).optional(),
  /** ISO 8601. */
  at: z.string(),
  /** The STS identity ARN of the profile used, or the OS user. */
  who: z.string(),
});
export type TriageMark = z.infer<typeof TriageMark>;

/** One row of the inbox: the columns that are filtered, sorted and shown. */
export const FindingRow = z.object({
  id: z.string(),
  analyzerArn: z.string(),
  /** The analyzer's own type: ACCOUNT, ORGANIZATION_UNUSED_ACCESS… */
  analyzerType: z.string(),
  analyzerKind: AnalyzerKind,
  /** The account that owns the analyzer (the management or delegated admin account for organization analyzers). */
  account: z.string(),
  /** The account that owns the resource the finding is about. */
  resourceOwnerAccount: z.string(),
  region: z.string(),
  /** ExternalAccess, InternalAccess, UnusedIAMRole, UnusedIAMUserAccessKey, UnusedIAMUserPassword, UnusedPermission. */
  findingType: z.string(),
  /** AWS::S3::Bucket, AWS::IAM::Role… */
  resourceType: z.string(),
  /** The resource ARN (or name, for the few types AWS reports that way). */
  resource: z.string(),
  status: z.string(),
  /** External access only: true when anyone (a `*` principal without a limiting condition) has access. */
  isPublic: z.boolean().optional(),
  /** Who has (or has not used) the access, in one line: `AWS: 123456789012`, `role/ci-deploy`… */
  principal: z.string(),
  /** What access, in one line: `s3:GetObject, s3:ListBucket`, `3 services unused`, `last used 140 d ago`… */
  access: z.string(),
  /** ISO 8601 timestamps, as Access Analyzer reports them. */
  createdAt: z.string(),
  updatedAt: z.string(),
  analyzedAt: z.string(),
  /** The profile whose credentials retrieved it last; triage uses the same profile. */
  profile: z.string(),
  /** When Auditdesk last read it from AWS (ISO 8601). */
  retrievedAt: z.string(),
  /** Access Analyzer's own error for this finding (it could not analyze the resource), if any. */
  error: z.string().optional(),
  /** The latest triage recorded in Auditdesk, if any. */
  triage: TriageMark.optional(),
});
export type FindingRow = z.infer<typeof FindingRow>;

/** A value of one filter dimension and how many findings have it (with the other filters applied). */
export const FacetCount = z.object({ value: z.string(), count: z.number() });
export type FacetCount = z.infer<typeof FacetCount>;

export const FindingFacets = z.object({
  status: z.array(FacetCount),
  findingType: z.array(FacetCount),
  analyzerKind: z.array(FacetCount),
  account: z.array(FacetCount),
  region: z.array(FacetCount),
  resourceType: z.array(FacetCount),
  /** `true` / `false` for external access findings. */
  isPublic: z.array(FacetCount),
});
export type FindingFacets = z.infer<typeof FindingFacets>;

export const FindingSortKey = z.enum([
  /** Public first, then external, internal, unused; active before archived; newest change first. */
  'severity',
  'updated',
  'created',
  'resource',
  'account',
  'region',
  'type',
  'status',
]);
export type FindingSortKey = z.infer<typeof FindingSortKey>;

export const FindingFilters = z
  .object({
    /** Any of these statuses; empty or absent = all. */
    status: z.array(FindingStatus).max(3).optional(),
    /** Any of these finding types. */
    findingType: z.array(Token).max(50).optional(),
    /** Any of these analyzer families. */
    analyzerKind: z.array(AnalyzerKind).max(3).optional(),
    /** Resource owner accounts. */
    account: z.array(AccountId).max(500).optional(),
    region: z.array(Region).max(50).optional(),
    resourceType: z.array(Token).max(50).optional(),
    /** Only public (true) or only non-public (false) external access findings. */
    isPublic: z.boolean().optional(),
    /** Words found in the resource, principal, access, finding id, account or profile (case-insensitive). */
    text: z.string().max(200).optional(),
  })
  .strict();
export type FindingFilters = z.infer<typeof FindingFilters>;

/** Who can access what, per element of the finding's details; shaped for the detail pane. */
export const FindingDetail = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('external'),
    /** The policy principal: `{ AWS: "123456789012" }`, `{ Service: "…" }`, `{ AWS: "*" }`. */
    principal: z.record(z.string(), z.string()),
    actions: z.array(z.string()),
    /** Condition keys and values the access depends on. */
    conditions: z.record(z.string(), z.string()),
    isPublic: z.boolean().optional(),
    /** What grants the access: POLICY, BUCKET_ACL, S3_ACCESS_POINT… with the access point when there is one. */
    sources: z.array(z.object({ type: z.string(), detail: z.string().optional() })),
    resourceControlPolicyRestriction: z.string().optional(),
  }),
  z.object({
    kind: z.literal('internal'),
    principal: z.record(z.string(), z.string()),
    principalType: z.string().optional(),
    principalOwnerAccount: z.string().optional(),
    /** INTRA_ACCOUNT or INTRA_ORG. */
    accessType: z.string().optional(),
    actions: z.array(z.string()),
    conditions: z.record(z.string(), z.string()),
    sources: z.array(z.object({ type: z.string(), detail: z.string().optional() })),
    resourceControlPolicyRestriction: z.string().optional(),
    serviceControlPolicyRestriction: z.string().optional(),
  }),
  z.object({
    kind: z.literal('unused-permission'),
    /** `s3`, `iam`… */
    serviceNamespace: z.string(),
    /** When the service was last used (ISO 8601); absent = never in the tracking period. */
    lastAccessed: z.string().optional(),
    actions: z.array(z.object({ action: z.string(), lastAccessed: z.string().optional() })),
  }),
  z.object({ kind: z.literal('unused-role'), lastAccessed: z.string().optional() }),
  z.object({ kind: z.literal('unused-access-key'), accessKeyId: z.string(), lastAccessed: z.string().optional() }),
  z.object({ kind: z.literal('unused-password'), lastAccessed: z.string().optional() }),
  /** A details member this version does not know; the raw JSON still shows it. */
  z.object({ kind: z.literal('other'), name: z.string() }),
]);
export type FindingDetail = z.infer<typeof FindingDetail>;

export const TriageAction = z.enum(['archive', 'unarchive', 'note']);
export type TriageAction = z.infer<typeof TriageAction>;
export const NoteLabel = z.enum(['accepted-risk', 'needs-follow-up', 'comment']);
export type NoteLabel = z.infer<typeof NoteLabel>;

/** One line of the append-only audit log. */
export const Annotation = z.object({
  annotationId: z.string(),
  findingId: z.string(),
  analyzerArn: z.string(),
  /** The resource, copied at the time, so the log reads on its own. */
  resource: z.string().optional(),
  action: TriageAction,
  label: NoteLabel.optional(),
  justification: z.string(),
  /** The STS identity ARN of the profile used, or the OS user when that could not be asked. */
  who: z.string(),
  whoSource: z.enum(['sts', 'os-user']),
  /** ISO 8601. */
  at: z.string(),
  /** The profile whose credentials made the change (archive/unarchive) or looked at the finding. */
  profile: z.string().optional(),
  /** The finding's status before and after (archive/unarchive only). */
  previousStatus: z.string().optional(),
  newStatus: z.string().optional(),
});
export type Annotation = z.infer<typeof Annotation>;

/** Whether an account and region has an analyzer of a kind, as the last sync saw it. */
export const CoverageStatus = z.enum([
  /** An active analyzer of this kind exists here. */
  'present',
  /** None of its own, but an organization analyzer of this kind was seen in this region (it covers member accounts). */
  'org-only',
  /** No analyzer of this kind: nothing is watching. */
  'missing',
  /** Analyzers exist but none is ACTIVE (creating, disabled or failed). */
  'inactive',
  /** The profile may not list analyzers or findings here (AccessDenied). */
  'denied',
  /** Another failure (network, region not enabled…); see message. */
  'error',
]);
export type CoverageStatus = z.infer<typeof CoverageStatus>;

export const CoverageEntry = z.object({
  account: z.string(),
  /** The region; empty for unused access, which covers the whole account (IAM is global) wherever it lives. */
  region: z.string(),
  kind: AnalyzerKind,
  status: CoverageStatus,
  /** The analyzers of this kind found here (for unused access: in any region synced). */
  analyzers: z.array(z.object({ arn: z.string(), type: z.string(), status: z.string() })),
  /** For `org-only`: the organization analyzers seen in this region. */
  organizationAnalyzers: z.array(z.string()),
  /** The profile that looked. */
  profile: z.string(),
  /** What went wrong (denied, error), in words. */
  message: z.string().optional(),
  /** ISO 8601. */
  checkedAt: z.string(),
});
export type CoverageEntry = z.infer<typeof CoverageEntry>;

const Limit = z.number().int().min(1).max(5000);
/** Opaque paging token from the previous answer. */
const Cursor = z.string().max(40);

export const findingsChannels = {
  /**
   * Starts a findings sync job (progress on `jobs:progress`): for each profile × region, every
   * analyzer, every finding (all pages) and its details, into the local index.
   */
  'findings:sync': {
    input: z
      .object({
        /** Default: the workspace's active profiles. */
        profiles: z.array(ProfileName).max(500).optional(),
        /** Added to each profile's own regions (us-east-1, its region, its auditdesk_regions). */
        regions: z.array(Region).max(40).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** The inbox: a page of findings from the local index, the total, and counts per filter value. */
  'findings:list': {
    input: z
      .object({
        filters: FindingFilters.default({}),
        sort: z.object({ by: FindingSortKey, dir: z.enum(['asc', 'desc']) }).strict().default({ by: 'severity', dir: 'asc' }),
        limit: Limit.default(500),
        cursor: Cursor.optional(),
      })
      .strict(),
    output: z.object({
      rows: z.array(FindingRow),
      /** Findings matching the filters, over all pages. */
      total: z.number(),
      /** Findings in the index, before filters. */
      indexed: z.number(),
      /** Present when there are more rows after this page. */
      nextCursor: z.string().optional(),
      facets: FindingFacets,
      /** When the newest data in the index was read from AWS (ISO 8601); absent before the first sync. */
      lastSyncedAt: z.string().optional(),
    }),
  },
  /** One finding with its details, the raw JSON, its triage history and the CloudTrail query that shows its use. */
  'findings:get': {
    input: FindingRef,
    output: z.object({
      finding: FindingRow,
      details: z.array(FindingDetail),
      /** The finding summary and its details exactly as Access Analyzer returned them, pretty-printed. */
      rawJson: z.string(),
      annotations: z.array(Annotation),
      /** An Events view query for the CloudTrail records behind this finding (`resource:"…" account:…`). */
      evidenceQuery: z.string(),
      /** What the query looks for, in words. */
      evidenceDescription: z.string(),
    }),
  },
  /**
   * Archive or unarchive in AWS (UpdateFindings), or a note, with a justification recorded in the
   * local audit log. Nothing is recorded for a finding AWS refused to change.
   */
  'findings:triage': {
    input: z
      .object({
        /** The findings to act on (one UpdateFindings call per analyzer). */
        ids: z.array(FindingRef).min(1).max(500),
        action: TriageAction,
        /** For notes: what kind of note. Default `comment`. */
        label: NoteLabel.optional(),
        /** Why: required, recorded with who and when. */
        justification: z.string().trim().min(10, 'A justification needs at least 10 characters.').max(4000),
      })
      .strict(),
    output: z.object({
      results: z.array(
        z.object({
          id: z.string(),
          analyzerArn: z.string(),
          ok: z.boolean(),
          /** The finding's status after the action. */
          status: z.string().optional(),
          annotationId: z.string().optional(),
          /** Why this one failed; nothing was recorded for it. */
          error: z.object({ code: z.string(), message: z.string() }).optional(),
        }),
      ),
    }),
  },
  /** Per account × region × analyzer kind: present, missing, denied… as the last sync saw it. */
  'findings:coverage': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(CoverageEntry), lastSyncedAt: z.string().optional() }),
  },
  /** The append-only triage log, newest first; for one finding when given. */
  'findings:annotations': {
    input: z
      .object({
        finding: FindingRef.optional(),
        limit: Limit.default(200),
        cursor: Cursor.optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(Annotation), total: z.number(), nextCursor: z.string().optional() }),
  },
} as const;
