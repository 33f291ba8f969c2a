import { findingsStatistics, statisticsUpdatedAt } from '../domain/finding-statistics';
import { analyzerByArn, type OperationHandler } from './operation-context';

export const getFindingsStatistics: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  const findings = ctx.state.findingsOf(analyzer.arn);
  return { findingsStatistics: [findingsStatistics(analyzer, findings)], lastUpdatedAt: statisticsUpdatedAt(analyzer, findings) };
};
