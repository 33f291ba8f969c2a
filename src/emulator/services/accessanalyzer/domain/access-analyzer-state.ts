import type { AnalyzerRecord, ArchiveRuleRecord, FindingRecord, RecommendationRecord } from './model-types';

/**
 * The live state of one service instance: the seed, then every change the API makes to it
 * (finding status, archive rules, recommendations, idempotency tokens). Nothing is persisted
 * beyond the instance: a new emulator starts again from the seed.
 */
export class AccessAnalyzerState {
  private readonly analyzers: AnalyzerRecord[];
  private readonly findingsByAnalyzer = new Map<string, FindingRecord[]>();
  private readonly rulesByAnalyzer = new Map<string, Map<string, ArchiveRuleRecord>>();
  private readonly recommendations = new Map<string, RecommendationRecord>();
  /** `<account>|<operation>|<clientToken>` -> fingerprint of the request that first used it. */
  private readonly clientTokens = new Map<string, string>();

  constructor(seed: { analyzers: AnalyzerRecord[]; findings: FindingRecord[]; archiveRules: ArchiveRuleRecord[] }) {
    // A copy: the seed object may be shared (tests keep it as the reference), the state is not.
    const copy = structuredClone(seed);
    this.analyzers = copy.analyzers;
    for (const f of copy.findings) {
      const list = this.findingsByAnalyzer.get(f.analyzerArn) ?? [];
      list.push(f);
      this.findingsByAnalyzer.set(f.analyzerArn, list);
    }
    for (const r of copy.archiveRules) this.rulesFor(r.analyzerArn).set(r.ruleName, r);
  }

  analyzersIn(accountId: string, region: string): AnalyzerRecord[] {
    return this.analyzers.filter((a) => a.accountId === accountId && a.region === region);
  }

  analyzerByArn(arn: string): AnalyzerRecord | undefined {
    return this.analyzers.find((a) => a.arn === arn);
  }

  findingsOf(analyzerArn: string): readonly FindingRecord[] {
    return this.findingsByAnalyzer.get(analyzerArn) ?? [];
  }

  finding(analyzerArn: string, id: string): FindingRecord | undefined {
    return this.findingsOf(analyzerArn).find((f) => f.id === id);
  }

  rulesOf(analyzerArn: string): ArchiveRuleRecord[] {
    return [...this.rulesFor(analyzerArn).values()];
  }

  rule(analyzerArn: string, ruleName: string): ArchiveRuleRecord | undefined {
    return this.rulesFor(analyzerArn).get(ruleName);
  }

  putRule(rule: ArchiveRuleRecord): void {
    this.rulesFor(rule.analyzerArn).set(rule.ruleName, rule);
  }

  deleteRule(analyzerArn: string, ruleName: string): boolean {
    return this.rulesFor(analyzerArn).delete(ruleName);
  }

  recommendation(analyzerArn: string, findingId: string): RecommendationRecord | undefined {
    return this.recommendations.get(`${analyzerArn}|${findingId}`);
  }

  putRecommendation(rec: RecommendationRecord): void {
    this.recommendations.set(`${rec.analyzerArn}|${rec.findingId}`, rec);
  }

  /** The fingerprint of the request that first used a client token, if any succeeded with it. */
  clientTokenFingerprint(key: string): string | undefined {
    return this.clientTokens.get(key);
  }

  rememberClientToken(key: string, fingerprint: string): void {
    this.clientTokens.set(key, fingerprint);
  }

  private rulesFor(analyzerArn: string): Map<string, ArchiveRuleRecord> {
    let rules = this.rulesByAnalyzer.get(analyzerArn);
    if (!rules) {
      rules = new Map();
      this.rulesByAnalyzer.set(analyzerArn, rules);
    }
    return rules;
  }
}
