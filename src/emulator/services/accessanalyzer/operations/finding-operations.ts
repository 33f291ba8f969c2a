import { resourceNotFound, validationError } from '../api/aa-errors';
import type { ParsedInput } from '../api/parse-input';
import { paginate } from '../api/paging';
import { findingSummaryV2, findingV1 } from '../domain/api-views';
import { matchesFilter, validateFilter } from '../domain/finding-filter';
import { sortFindings } from '../domain/finding-sort';
import { isExternalAnalyzer, type AnalyzerRecord, type FindingRecord, type FindingStatusUpdate } from '../domain/model-types';
import { analyzerByArn, findingOf, idempotent, type OperationContext, type OperationHandler } from './operation-context';

/** Page size when the caller gives no maxResults. */
const DEFAULT_PAGE_SIZE = 100;

function listFindings(ctx: OperationContext, input: ParsedInput, analyzer: AnalyzerRecord): { items: FindingRecord[]; nextToken?: string } {
  const filter = input.filter('filter');
  validateFilter(filter, 'list');
  const sort = input.optSort('sort');
  const matching = ctx.state.findingsOf(analyzer.arn).filter((f) => matchesFilter(f, filter));
  return paginate(sortFindings(matching, sort), {
    maxResults: input.optInt('maxResults'),
    nextToken: input.optString('nextToken'),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    scope: [ctx.operation, analyzer.arn, filter, sort ?? null],
  });
}

/** The v1 finding APIs predate unused and internal access: the model says they serve external access analyzers only. */
function requireExternal(ctx: OperationContext, analyzer: AnalyzerRecord): void {
  if (isExternalAnalyzer(analyzer.type)) return;
  const v2 = ctx.operation === 'ListFindings' ? 'ListFindingsV2' : 'GetFindingV2';
  throw validationError(
    `${ctx.operation} is supported only for external access analyzers. Use ${v2} for analyzers of type ${analyzer.type}.`,
    'notSupported',
  );
}

export const listFindingsV2: OperationHandler = (ctx, input) => {
  const page = listFindings(ctx, input, analyzerByArn(ctx, input.string('analyzerArn')));
  return { findings: page.items.map(findingSummaryV2), nextToken: page.nextToken };
};

/** Unused permission findings carry one details element per service: the only details that page. */
export const getFindingV2: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  const finding = findingOf(ctx, analyzer, input.string('id'));
  const page = paginate(finding.findingDetails, {
    maxResults: input.optInt('maxResults'),
    nextToken: input.optString('nextToken'),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    scope: ['GetFindingV2', analyzer.arn, finding.id],
  });
  return { ...findingSummaryV2(finding), findingDetails: page.items, nextToken: page.nextToken };
};

export const listFindingsV1: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  requireExternal(ctx, analyzer);
  const page = listFindings(ctx, input, analyzer);
  return { findings: page.items.map(findingV1), nextToken: page.nextToken };
};

export const getFindingV1: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  requireExternal(ctx, analyzer);
  return { finding: findingV1(findingOf(ctx, analyzer, input.string('id'))) };
};

/**
 * Archives or re-activates findings, by ids or by resource. RESOLVED is the service's verdict
 * (the access is gone) and no request can set it or move a finding out of it.
 */
export const updateFindings: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  const status = input.string('status') as FindingStatusUpdate;
  const ids = input.optStringList('ids');
  const resourceArn = input.optString('resourceArn');
  if ((ids === undefined) === (resourceArn === undefined)) {
    const message = 'Specify either ids or resourceArn, but not both.';
    throw validationError(message, 'fieldValidationFailed', [
      { name: 'ids', message },
      { name: 'resourceArn', message },
    ]);
  }
  idempotent(ctx, input, ['analyzerArn', 'status', 'ids', 'resourceArn'], 'validation', () => {
    for (const f of updateTargets(ctx, analyzer, ids, resourceArn)) {
      if (f.status === status) continue;
      f.status = status;
      f.updatedAt = ctx.now;
    }
  });
  return undefined;
};

function updateTargets(ctx: OperationContext, analyzer: AnalyzerRecord, ids: string[] | undefined, resourceArn: string | undefined): FindingRecord[] {
  if (ids !== undefined) {
    const targets = ids.map((id) => findingOf(ctx, analyzer, id));
    const resolved = targets.find((f) => f.status === 'RESOLVED');
    if (resolved) throw validationError(`Finding ${resolved.id} is RESOLVED and its status cannot be updated.`, 'other');
    return targets;
  }
  const all = ctx.state.findingsOf(analyzer.arn).filter((f) => f.resource === resourceArn);
  if (all.length === 0) throw resourceNotFound(`No findings for resource ${resourceArn ?? ''}`, resourceArn ?? '', 'Resource');
  // By resource, resolved findings are simply left as they are.
  return all.filter((f) => f.status !== 'RESOLVED');
}
