import type { AnalyzerKind, CoverageEntry, NoteLabel, TriageAction } from '../../../shared/ipc/channels/findings';

/** A finding as the sync writes it: the inbox's columns plus the raw answer from AWS. */
export interface StoredFinding {
  analyzerArn: string;
  id: string;
  analyzerType: string;
  analyzerKind: AnalyzerKind;
  account: string;
  resourceOwnerAccount: string;
  region: string;
  findingType: string;
  resourceType: string;
  resource: string;
  status: string;
  isPublic: boolean | undefined;
  principal: string;
  access: string;
  /** ISO 8601, or undefined when AWS left the field out. */
  createdAt: string | undefined;
  updatedAt: string | undefined;
  analyzedAt: string | undefined;
  error: string | undefined;
  profile: string;
  retrievedAt: string;
  /** The GetFindingV2 answer with every details page merged, as JSON. */
  rawJson: string;
}

/** What re-sync compares to decide whether a finding's details must be fetched again. */
export interface StoredVersion {
  updatedAt: string | undefined;
  analyzedAt: string | undefined;
  status: string;
  rawJson: string;
}

export type StoredCoverage = CoverageEntry;

/** A line for the append-only audit log. */
export interface NewAnnotation {
  annotationId: string;
  findingId: string;
  analyzerArn: string;
  resource: string | undefined;
  action: TriageAction;
  label: NoteLabel | undefined;
  justification: string;
  who: string;
  whoSource: 'sts' | 'os-user';
  at: string;
  profile: string | undefined;
  previousStatus: string | undefined;
  newStatus: string | undefined;
}
