import { resourceNotFound, validationError } from '../api/aa-errors';
import { paginate } from '../api/paging';
import { recommendedSteps } from '../domain/recommended-steps';
import { analyzerByArn, findingOf, type OperationHandler } from './operation-context';

/**
 * How long the simulated generation job runs. Real generation takes seconds to minutes; a short
 * delay is enough for a client's polling loop to see IN_PROGRESS before SUCCEEDED.
 */
export const RECOMMENDATION_LATENCY_MS = 2_000;
const DEFAULT_PAGE_SIZE = 100;

/** Recommendations exist only for unused permissions (RecommendationType has one value). */
export const generateFindingRecommendation: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  const finding = findingOf(ctx, analyzer, input.string('id'));
  if (finding.findingType !== 'UnusedPermission') {
    throw validationError(
      `Recommendations are supported only for UnusedPermission findings; finding ${finding.id} is ${finding.findingType}.`,
      'notSupported',
    );
  }
  ctx.state.putRecommendation({
    analyzerArn: analyzer.arn,
    findingId: finding.id,
    resourceArn: finding.resource,
    startedAt: ctx.now,
    readyAt: new Date(ctx.now.getTime() + RECOMMENDATION_LATENCY_MS),
    steps: recommendedSteps(finding),
  });
  return undefined;
};

export const getFindingRecommendation: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  const id = input.string('id');
  const rec = ctx.state.recommendation(analyzer.arn, id);
  if (!rec) throw resourceNotFound(`No recommendation was generated for finding ${id}.`, id, 'FindingRecommendation');
  const base = { startedAt: rec.startedAt, resourceArn: rec.resourceArn, recommendationType: 'UnusedPermissionRecommendation' };
  if (ctx.now < rec.readyAt) return { ...base, status: 'IN_PROGRESS' };
  const page = paginate(rec.steps, {
    maxResults: input.optInt('maxResults'),
    nextToken: input.optString('nextToken'),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    scope: ['GetFindingRecommendation', analyzer.arn, id, rec.startedAt.toISOString()],
  });
  return { ...base, status: 'SUCCEEDED', completedAt: rec.readyAt, recommendedSteps: page.items, nextToken: page.nextToken };
};
