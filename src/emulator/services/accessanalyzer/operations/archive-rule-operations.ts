import { conflict, quotaExceeded, resourceNotFound } from '../api/aa-errors';
import { paginate } from '../api/paging';
import { archiveRuleView } from '../domain/api-views';
import { matchesFilter, validateFilter } from '../domain/finding-filter';
import type { AnalyzerRecord, ArchiveRuleRecord } from '../domain/model-types';
import { analyzerByArn, analyzerByName, idempotent, type OperationContext, type OperationHandler } from './operation-context';

/** AWS's quota on archive rules per analyzer. */
const MAX_RULES_PER_ANALYZER = 100;
const DEFAULT_PAGE_SIZE = 100;

function ruleOf(ctx: OperationContext, analyzer: AnalyzerRecord, ruleName: string): ArchiveRuleRecord {
  const rule = ctx.state.rule(analyzer.arn, ruleName);
  if (!rule) throw resourceNotFound(`Archive rule not found: ${ruleName}`, ruleName, 'ArchiveRule');
  return rule;
}

/** Oldest first, the order of the real list-archive-rules output. */
export const listArchiveRules: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByName(ctx, input.string('analyzerName'));
  const rules = ctx.state
    .rulesOf(analyzer.arn)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.ruleName.localeCompare(b.ruleName));
  const page = paginate(rules, {
    maxResults: input.optInt('maxResults'),
    nextToken: input.optString('nextToken'),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    scope: ['ListArchiveRules', analyzer.arn],
  });
  return { archiveRules: page.items.map(archiveRuleView), nextToken: page.nextToken };
};

export const getArchiveRule: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByName(ctx, input.string('analyzerName'));
  return { archiveRule: archiveRuleView(ruleOf(ctx, analyzer, input.string('ruleName'))) };
};

/**
 * A new rule archives the findings created after it; existing findings are left alone until
 * ApplyArchiveRule (model docs: "Archive rules automatically archive new findings"). The
 * emulator creates no new findings, so creating a rule changes no finding by itself.
 */
export const createArchiveRule: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByName(ctx, input.string('analyzerName'));
  const ruleName = input.string('ruleName');
  const filter = input.filter('filter');
  validateFilter(filter, 'archiveRule');
  idempotent(ctx, input, ['analyzerName', 'ruleName', 'filter'], 'conflict', () => {
    if (ctx.state.rule(analyzer.arn, ruleName)) throw conflict(`An archive rule named ${ruleName} already exists.`, ruleName, 'ArchiveRule');
    if (ctx.state.rulesOf(analyzer.arn).length >= MAX_RULES_PER_ANALYZER) {
      throw quotaExceeded(`An analyzer can have at most ${MAX_RULES_PER_ANALYZER} archive rules.`, ruleName, 'ArchiveRule');
    }
    ctx.state.putRule({ analyzerArn: analyzer.arn, ruleName, filter, createdAt: ctx.now, updatedAt: ctx.now });
  });
  return undefined;
};

export const updateArchiveRule: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByName(ctx, input.string('analyzerName'));
  const filter = input.filter('filter');
  validateFilter(filter, 'archiveRule');
  idempotent(ctx, input, ['analyzerName', 'ruleName', 'filter'], 'validation', () => {
    const rule = ruleOf(ctx, analyzer, input.string('ruleName'));
    ctx.state.putRule({ ...rule, filter, updatedAt: ctx.now });
  });
  return undefined;
};

export const deleteArchiveRule: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByName(ctx, input.string('analyzerName'));
  idempotent(ctx, input, ['analyzerName', 'ruleName'], 'validation', () => {
    const rule = ruleOf(ctx, analyzer, input.string('ruleName'));
    ctx.state.deleteRule(analyzer.arn, rule.ruleName);
  });
  return undefined;
};

/** Archives the ACTIVE findings that match; archived and resolved ones keep their status. */
export const applyArchiveRule: OperationHandler = (ctx, input) => {
  const analyzer = analyzerByArn(ctx, input.string('analyzerArn'));
  idempotent(ctx, input, ['analyzerArn', 'ruleName'], 'validation', () => {
    const rule = ruleOf(ctx, analyzer, input.string('ruleName'));
    for (const f of ctx.state.findingsOf(analyzer.arn)) {
      if (f.status !== 'ACTIVE' || !matchesFilter(f, rule.filter)) continue;
      f.status = 'ARCHIVED';
      f.updatedAt = ctx.now;
    }
  });
  return undefined;
};
