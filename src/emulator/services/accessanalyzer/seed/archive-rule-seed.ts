import { isExternalAnalyzer, isUnusedAnalyzer, type AnalyzerRecord, type ArchiveRuleRecord } from '../domain/model-types';
import type { RealArchiveRuleExample } from './real-examples';
import type { SeedContext } from './seed-context';

/**
 * The real archive rules from the aws-cli examples, set on the management account's analyzers in
 * the home region: a rule about unused access types goes to the unused access analyzer, the
 * others to the external access analyzer. They were created 12–25 days ago, so the seed's
 * findings that match them and came later are archived, as AWS would have done.
 */
export function seedArchiveRules(ctx: SeedContext, analyzers: readonly AnalyzerRecord[], examples: readonly RealArchiveRuleExample[]): ArchiveRuleRecord[] {
  const home = analyzers.filter((a) => a.accountId === ctx.world.managementAccountId && a.region === ctx.homeRegion);
  const rules: ArchiveRuleRecord[] = [];
  for (const example of examples) {
    const aboutUnused = example.filter.findingType?.eq?.some((t) => t.startsWith('Unused')) ?? false;
    const target = home.find((a) => (aboutUnused ? isUnusedAnalyzer(a.type) : a.type === 'ACCOUNT')) ?? home.find((a) => isExternalAnalyzer(a.type));
    if (!target) continue;
    const createdAt = ctx.rng.fork(`archive-rule:${example.ruleName}`).daysBefore(ctx.now, 12, 25);
    rules.push({ analyzerArn: target.arn, ruleName: example.ruleName, filter: structuredClone(example.filter), createdAt, updatedAt: createdAt });
  }
  return rules;
}
