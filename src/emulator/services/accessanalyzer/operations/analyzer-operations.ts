import { paginate } from '../api/paging';
import { analyzerView } from '../domain/api-views';
import type { OperationHandler } from './operation-context';
import { analyzerByName } from './operation-context';

/** Page size when the caller gives no maxResults. */
const DEFAULT_PAGE_SIZE = 100;

/** Newest first, the order of the real list-analyzers output. */
export const listAnalyzers: OperationHandler = (ctx, input) => {
  const type = input.optString('type');
  const analyzers = ctx.state
    .analyzersIn(ctx.caller.accountId, ctx.region)
    .filter((a) => type === undefined || a.type === type)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.name.localeCompare(b.name));
  const page = paginate(analyzers, {
    maxResults: input.optInt('maxResults'),
    nextToken: input.optString('nextToken'),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    scope: ['ListAnalyzers', ctx.caller.accountId, ctx.region, type ?? null],
  });
  return { analyzers: page.items.map((a) => analyzerView(a, false)), nextToken: page.nextToken };
};

export const getAnalyzer: OperationHandler = (ctx, input) => ({
  analyzer: analyzerView(analyzerByName(ctx, input.string('analyzerName')), true),
});
