import type { Caller } from '../../../core/types';
import { accessDenied, conflict, resourceNotFound, validationError } from '../api/aa-errors';
import type { ParsedInput } from '../api/parse-input';
import type { AccessAnalyzerState } from '../domain/access-analyzer-state';
import type { AnalyzerRecord, FindingRecord } from '../domain/model-types';

/** What every operation handler gets: the state, who is calling, where, and when. */
export interface OperationContext {
  state: AccessAnalyzerState;
  caller: Caller;
  region: string;
  now: Date;
  /** The operation's name, for IAM-style messages and idempotency keys. */
  operation: string;
}

/** Output members, or undefined for operations whose model has no output shape. */
export type OperationHandler = (ctx: OperationContext, input: ParsedInput) => object | undefined;

/** ListFindings and ListFindingsV2 share one IAM action, as do GetFinding and GetFindingV2 (model docs). */
const IAM_ACTIONS: Record<string, string> = {
  ListFindingsV2: 'access-analyzer:ListFindings',
  GetFindingV2: 'access-analyzer:GetFinding',
};

export function iamAction(operation: string): string {
  return IAM_ACTIONS[operation] ?? `access-analyzer:${operation}`;
}

/**
 * An analyzer named by ARN. Another account's ARN is refused the way IAM refuses it (the caller's
 * policies cannot grant access to a resource in another account); an unknown one in the caller's
 * account, or one in another region than the endpoint's, is not found.
 */
export function analyzerByArn(ctx: OperationContext, arn: string): AnalyzerRecord {
  const [, , , region, account] = arn.split(':');
  if (account !== undefined && account !== ctx.caller.accountId) throw accessDenied(ctx.caller.arn, iamAction(ctx.operation), arn);
  const analyzer = region === ctx.region ? ctx.state.analyzerByArn(arn) : undefined;
  if (!analyzer) throw resourceNotFound(`Analyzer not found: ${arn}`, arn, 'Analyzer');
  return analyzer;
}

export function analyzerByName(ctx: OperationContext, name: string): AnalyzerRecord {
  const analyzer = ctx.state.analyzersIn(ctx.caller.accountId, ctx.region).find((a) => a.name === name);
  if (!analyzer) throw resourceNotFound(`Analyzer not found: ${name}`, name, 'Analyzer');
  return analyzer;
}

export function findingOf(ctx: OperationContext, analyzer: AnalyzerRecord, id: string): FindingRecord {
  const finding = ctx.state.finding(analyzer.arn, id);
  if (!finding) throw resourceNotFound(`Finding not found: ${id}`, id, 'Finding');
  return finding;
}

/**
 * Runs a state-changing request once per client token. A retry of a request that succeeded
 * (same token, same members) answers as before without acting again; a token reused for a
 * different request is refused: ConflictException where the operation's model lists it,
 * ValidationException elsewhere. A request that failed leaves its token unused.
 */
export function idempotent(
  ctx: OperationContext,
  input: ParsedInput,
  members: readonly string[],
  mismatch: 'conflict' | 'validation',
  act: () => void,
): void {
  const token = input.optString('clientToken');
  if (token === undefined) {
    act();
    return;
  }
  const key = `${ctx.caller.accountId}|${ctx.region}|${ctx.operation}|${token}`;
  const fingerprint = input.fingerprint(members);
  const seen = ctx.state.clientTokenFingerprint(key);
  if (seen === fingerprint) return;
  if (seen !== undefined) {
    const message = `The clientToken ${token} was already used with different parameters.`;
    throw mismatch === 'conflict' ? conflict(message, token, 'ClientToken') : validationError(message, 'other', [{ name: 'clientToken', message }]);
  }
  act();
  ctx.state.rememberClientToken(key, fingerprint);
}
