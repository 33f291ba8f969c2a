import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RESOURCE_TYPES, type FilterCriteria, type FindingSource, type ResourceType } from '../domain/model-types';

/**
 * The real Access Analyzer outputs in resources/seed-data/accessanalyzer (aws-cli examples and the
 * IAM User Guide's EventBridge events), read as they are and reduced to what the seed re-uses:
 * the access patterns behind external access findings, analyzer names and tags, archive rules.
 */

export const CLI_EXAMPLES_FILE = 'aws-cli-examples.jsonl';
export const EVENTBRIDGE_FILE = 'eventbridge-events.iam-user-guide-archived.jsonl';

/** One real external access pattern: who could do what to which kind of resource. */
export interface RealAccessExample {
  /** `<file>:<path in the source repository>` of the example it came from. */
  origin: string;
  resourceType: ResourceType;
  /** The last segment of the example's resource ARN (`Cognito_testpoolAuth_Role`, `my-bucket`). */
  resourceName: string;
  principal?: Record<string, string>;
  action?: string[];
  condition: Record<string, string>;
  isPublic?: boolean;
  sources?: FindingSource[];
  error?: string;
}

export interface RealAnalyzerExample {
  origin: string;
  name: string;
  type: string;
  tags: Record<string, string>;
}

export interface RealArchiveRuleExample {
  origin: string;
  ruleName: string;
  filter: FilterCriteria;
}

export interface RealExamples {
  access: RealAccessExample[];
  analyzers: RealAnalyzerExample[];
  archiveRules: RealArchiveRuleExample[];
}

const stringMap = z.record(z.string(), z.string());
const resourceType = z.enum(RESOURCE_TYPES);
const findingLike = z.object({
  resource: z.string().optional(),
  resourceType,
  principal: stringMap.optional(),
  action: z.array(z.string()).optional(),
  condition: stringMap.optional(),
  isPublic: z.boolean().optional(),
  sources: z.array(z.object({ type: z.enum(['POLICY', 'BUCKET_ACL', 'S3_ACCESS_POINT', 'S3_ACCESS_POINT_ACCOUNT']) })).optional(),
  error: z.string().nullable().optional(),
});
const externalDetails = z.object({
  principal: stringMap.optional(),
  action: z.array(z.string()).optional(),
  condition: stringMap.optional(),
  isPublic: z.boolean().optional(),
});
const criterion = z.object({
  eq: z.array(z.string()).optional(),
  neq: z.array(z.string()).optional(),
  contains: z.array(z.string()).optional(),
  exists: z.boolean().optional(),
});
const archiveRule = z.object({ ruleName: z.string(), filter: z.record(z.string(), criterion) });
const analyzer = z.object({ name: z.string(), type: z.string(), tags: stringMap.optional() });

const cliLine = z.object({
  _source: z.object({ path: z.string() }),
  output: z.object({
    finding: findingLike.optional(),
    findings: z.array(z.unknown()).optional(),
    findingDetails: z.array(z.object({ externalAccessDetails: externalDetails.optional() })).optional(),
    resource: z.string().optional(),
    resourceType: resourceType.optional(),
    analyzers: z.array(analyzer).optional(),
    analyzer: analyzer.optional(),
    archiveRules: z.array(archiveRule).optional(),
    archiveRule: archiveRule.optional(),
  }),
});
const eventBridgeLine = z.object({
  _source: z.object({ path: z.string(), block: z.number() }),
  json: z.object({ 'detail-type': z.string(), detail: z.unknown() }),
});

export function loadRealExamples(seedDir: string): RealExamples {
  const out: RealExamples = { access: [], analyzers: [], archiveRules: [] };
  for (const line of readJsonLines(join(seedDir, CLI_EXAMPLES_FILE))) {
    const parsed = cliLine.safeParse(line);
    if (parsed.success) collectCliExample(parsed.data, out);
  }
  for (const line of readJsonLines(join(seedDir, EVENTBRIDGE_FILE))) {
    const parsed = eventBridgeLine.safeParse(line);
    if (!parsed.success || parsed.data.json['detail-type'] !== 'Access Analyzer Finding') continue;
    const detail = findingLike.safeParse(parsed.data.json.detail);
    const origin = `${EVENTBRIDGE_FILE}:${parsed.data._source.path}#${parsed.data._source.block}`;
    if (detail.success) addAccess(out, origin, detail.data);
  }
  return out;
}

function collectCliExample(line: z.infer<typeof cliLine>, out: RealExamples): void {
  const origin = `${CLI_EXAMPLES_FILE}:${line._source.path}`;
  const o = line.output;
  if (o.finding) addAccess(out, origin, o.finding);
  for (const item of o.findings ?? []) {
    // list-findings-v2 summaries carry no principal: nothing to learn from them beyond what get-finding has.
    const f = findingLike.safeParse(item);
    if (f.success && (f.data.principal || f.data.error)) addAccess(out, origin, f.data);
  }
  const details = o.findingDetails?.[0]?.externalAccessDetails;
  if (details && o.resourceType) addAccess(out, origin, { ...details, resource: o.resource, resourceType: o.resourceType });
  for (const a of [...(o.analyzers ?? []), ...(o.analyzer ? [o.analyzer] : [])]) {
    out.analyzers.push({ origin, name: a.name, type: a.type, tags: a.tags ?? {} });
  }
  for (const r of [...(o.archiveRules ?? []), ...(o.archiveRule ? [o.archiveRule] : [])]) {
    if (!out.archiveRules.some((x) => x.ruleName === r.ruleName)) out.archiveRules.push({ origin, ruleName: r.ruleName, filter: r.filter });
  }
}

/** Keeps one example per distinct access pattern (the same Cognito finding appears in three outputs). */
function addAccess(out: RealExamples, origin: string, f: z.infer<typeof findingLike>): void {
  const example: RealAccessExample = {
    origin,
    resourceType: f.resourceType,
    resourceName: lastSegment(f.resource ?? 'resource'),
    condition: f.condition ?? {},
    ...(f.principal ? { principal: f.principal } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.isPublic !== undefined ? { isPublic: f.isPublic } : {}),
    ...(f.sources ? { sources: f.sources } : {}),
    ...(f.error ? { error: f.error } : {}),
  };
  const key = (e: RealAccessExample): string =>
    JSON.stringify([e.resourceType, e.resourceName, e.principal, e.action, e.condition, e.error ?? null]);
  if (!out.access.some((e) => key(e) === key(example))) out.access.push(example);
}

function lastSegment(arn: string): string {
  const tail = arn.split(':').pop() ?? arn;
  return tail.split('/').pop() || tail;
}

function readJsonLines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as unknown);
}
