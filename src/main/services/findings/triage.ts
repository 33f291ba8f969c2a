import { randomUUID } from 'node:crypto';
import { UpdateFindingsCommand } from '@aws-sdk/client-accessanalyzer';
import type { FindingRef, FindingRow, NoteLabel, TriageAction } from '../../../shared/ipc/channels/findings';
import { AppError } from '../../../shared/ipc/result';
import { awsErrorName, describeAwsError, isAccessDeniedError } from '../../aws/aws-errors';
import { parseAnalyzerArn } from './analyzer-kind';
import type { FindingsAws } from './findings-aws';
import type { NewAnnotation } from './findings-model';
import type { FindingsStore } from './findings-store';

export interface TriageRequest {
  ids: FindingRef[];
  action: TriageAction;
  label?: NoteLabel;
  justification: string;
}

export interface TriageResult {
  id: string;
  analyzerArn: string;
  ok: boolean;
  status?: string;
  annotationId?: string;
  error?: { code: string; message: string };
}

export interface TriageDeps {
  aws: FindingsAws;
  store: FindingsStore;
  clock: () => Date;
  /** The OS user, recorded as "who" when the profile's identity cannot be asked. */
  osUser: () => string;
}

export const MIN_JUSTIFICATION = 10;

/**
 * Archive / unarchive in AWS and a justification in the audit log, or a note alone. AWS first:
 * a line in the log says the change was made, so it is written only once UpdateFindings
 * succeeded, and never for a finding AWS refused.
 */
export async function triageFindings(deps: TriageDeps, request: TriageRequest): Promise<TriageResult[]> {
  const justification = request.justification.trim();
  if (justification.length < MIN_JUSTIFICATION) {
    throw new AppError('bad-input', `A justification needs at least ${MIN_JUSTIFICATION} characters: say why, for whoever reads the audit log.`);
  }
  const results = new Map<string, TriageResult>();
  const key = (ref: FindingRef) => `${ref.analyzerArn}\n${ref.id}`;
  const rows: FindingRow[] = [];
  for (const ref of uniqueRefs(request.ids)) {
    const stored = await deps.store.get(ref);
    if (!stored) results.set(key(ref), fail(ref, 'not-found', 'This finding is not in the local index. Sync findings first.'));
    else rows.push(stored.row);
  }

  const who = whoResolver(deps);
  if (request.action === 'note') {
    const at = deps.clock().toISOString();
    const entries = await Promise.all(rows.map(async (row) => annotation(row, request, justification, await who(row.profile), at, undefined)));
    await deps.store.recordTriage(entries);
    for (const [i, row] of rows.entries()) results.set(key(row), { id: row.id, analyzerArn: row.analyzerArn, ok: true, status: row.status, annotationId: entries[i]!.annotationId });
  } else {
    const target = request.action === 'archive' ? 'ARCHIVED' : 'ACTIVE';
    const groups = new Map<string, FindingRow[]>();
    for (const row of rows) {
      if (row.status === 'RESOLVED') {
        results.set(key(row), fail(row, 'findings:resolved', 'RESOLVED findings cannot be archived or unarchived: AWS closed them because the access is gone.'));
        continue;
      }
      const groupKey = `${row.analyzerArn}\n${row.profile}`;
      groups.set(groupKey, [...(groups.get(groupKey) ?? []), row]);
    }
    for (const group of groups.values()) {
      for (const result of await updateGroup(deps, group, target, request, justification, who)) results.set(key(result), result);
    }
  }
  return request.ids.map((ref) => results.get(key(ref)) ?? fail(ref, 'internal', 'No result.'));
}

/** One UpdateFindings per analyzer; if AWS refuses the batch for one bad id, each id is tried alone. */
async function updateGroup(
  deps: TriageDeps,
  rows: FindingRow[],
  status: 'ARCHIVED' | 'ACTIVE',
  request: TriageRequest,
  justification: string,
  who: (profile: string) => Promise<Who>,
): Promise<TriageResult[]> {
  const first = rows[0]!;
  try {
    await updateFindings(deps, first.profile, first.analyzerArn, rows.map((r) => r.id), status);
  } catch (error) {
    const retryAlone = rows.length > 1 && !isAccessDeniedError(error) && awsErrorName(error) !== undefined;
    if (!retryAlone) return rows.map((row) => refused(row, error));
    const results: TriageResult[] = [];
    for (const row of rows) results.push(...(await updateGroup(deps, [row], status, request, justification, who)));
    return results;
  }
  const at = deps.clock().toISOString();
  const whoNow = await who(first.profile);
  const entries = rows.map((row) => annotation(row, request, justification, whoNow, at, status));
  try {
    await deps.store.recordTriage(entries, status);
  } catch (error) {
    const message = `AWS ${status === 'ARCHIVED' ? 'archived' : 'unarchived'} it, but the justification could not be written to the local audit log: ${describeAwsError(error)}`;
    return rows.map((row) => fail(row, 'findings:log-failed', message));
  }
  return rows.map((row, i) => ({ id: row.id, analyzerArn: row.analyzerArn, ok: true, status, annotationId: entries[i]!.annotationId }));
}

async function updateFindings(deps: TriageDeps, profile: string, analyzerArn: string, ids: string[], status: 'ARCHIVED' | 'ACTIVE'): Promise<void> {
  const region = parseAnalyzerArn(analyzerArn)?.region;
  if (!region) throw new AppError('bad-input', `Not an analyzer ARN: ${analyzerArn}`);
  const client = await deps.aws.accessAnalyzer(profile, region);
  await client.send(new UpdateFindingsCommand({ analyzerArn, ids, status, clientToken: randomUUID() }));
}

function refused(row: FindingRow, error: unknown): TriageResult {
  const name = awsErrorName(error);
  const code = error instanceof AppError ? error.code : name ? `aws:${name}` : 'internal';
  const what = isAccessDeniedError(error) ? 'AWS refused UpdateFindings (access denied)' : 'UpdateFindings failed';
  return fail(row, code, `${what} with profile ${row.profile}: ${describeAwsError(error)}. Nothing was recorded.`);
}

interface Who {
  who: string;
  whoSource: 'sts' | 'os-user';
}

/** The profile's STS identity, asked once per profile per triage; the OS user when STS cannot say. */
function whoResolver(deps: TriageDeps): (profile: string) => Promise<Who> {
  const cache = new Map<string, Promise<Who>>();
  return (profile) => {
    let found = cache.get(profile);
    if (!found) {
      found = deps.aws.identity(profile).then(
        (identity): Who => ({ who: identity.arn, whoSource: 'sts' }),
        (): Who => ({ who: deps.osUser(), whoSource: 'os-user' }),
      );
      cache.set(profile, found);
    }
    return found;
  };
}

function annotation(row: FindingRow, request: TriageRequest, justification: string, who: Who, at: string, newStatus: string | undefined): NewAnnotation {
  return {
    annotationId: randomUUID(),
    findingId: row.id,
    analyzerArn: row.analyzerArn,
    resource: row.resource,
    action: request.action,
    label: request.action === 'note' ? (request.label ?? 'comment') : undefined,
    justification,
    who: who.who,
    whoSource: who.whoSource,
    at,
    profile: row.profile,
    previousStatus: newStatus ? row.status : undefined,
    newStatus,
  };
}

function fail(ref: FindingRef, code: string, message: string): TriageResult {
  return { id: ref.id, analyzerArn: ref.analyzerArn, ok: false, error: { code, message } };
}

function uniqueRefs(refs: readonly FindingRef[]): FindingRef[] {
  const seen = new Map<string, FindingRef>();
  for (const ref of refs) seen.set(`${ref.analyzerArn}\n${ref.id}`, { id: ref.id, analyzerArn: ref.analyzerArn });
  return [...seen.values()];
}
