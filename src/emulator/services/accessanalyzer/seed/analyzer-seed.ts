import type { AnalyzerConfiguration, AnalyzerRecord, AnalyzerType, ResourceType } from '../domain/model-types';
import type { RealAnalyzerExample } from './real-examples';
import type { SeedContext } from './seed-context';

/**
 * Which analyzers exist where. Every account has an external access analyzer in most regions but
 * not all (each account misses one region other than the home region: the gap an auditor must
 * spot). The organisation's analyzers live in the management account; unused and internal access
 * analyzers live in the home region, as IAM entities are global.
 */

/** Console names and tags from the real list-analyzers / get-analyzer outputs; the rest follow their pattern. */
const FALLBACK_NAMES: Record<AnalyzerType, string> = {
  ACCOUNT: 'ConsoleAnalyzer-account',
  ORGANIZATION: 'ConsoleAnalyzer-organization',
  ACCOUNT_UNUSED_ACCESS: 'UnusedAccess-ConsoleAnalyzer-account',
  ORGANIZATION_UNUSED_ACCESS: 'UnusedAccess-ConsoleAnalyzer-organization',
  ACCOUNT_INTERNAL_ACCESS: 'InternalAccess-ConsoleAnalyzer-account',
  ORGANIZATION_INTERNAL_ACCESS: 'InternalAccess-ConsoleAnalyzer-organization',
};

const INTERNAL_RESOURCE_TYPES: ResourceType[] = ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

export function seedAnalyzers(ctx: SeedContext, examples: readonly RealAnalyzerExample[]): AnalyzerRecord[] {
  const { world } = ctx;
  const analyzers: AnalyzerRecord[] = [];
  const others = world.regions.filter((r) => r !== ctx.homeRegion);
  const members = world.accounts.filter((a) => !a.isManagement);

  for (const account of world.accounts) {
    const rng = ctx.rng.fork(`analyzers:${account.id}`);
    const add = (type: AnalyzerType, region: string, minDays: number, maxDays: number): void => {
      const real = examples.find((e) => e.type === type);
      const name = real?.name ?? FALLBACK_NAMES[type];
      analyzers.push({
        arn: `arn:aws:access-analyzer:${region}:${account.id}:analyzer/${name}`,
        name,
        type,
        accountId: account.id,
        region,
        createdAt: rng.fork(`${type}:${region}`).daysBefore(ctx.now, minDays, maxDays),
        status: 'ACTIVE',
        tags: { ...(real?.tags ?? examples[0]?.tags ?? {}) },
        ...configurationFor(type, ctx),
      });
    };

    const gap = others.length > 0 ? rng.pick(others) : undefined;
    for (const region of world.regions) if (region !== gap) add('ACCOUNT', region, 180, 1500);

    if (account.isManagement) {
      const orgGap = others.length > 0 ? rng.fork('organization').pick(others) : undefined;
      for (const region of world.regions) if (region !== orgGap) add('ORGANIZATION', region, 120, 1200);
      add('ORGANIZATION_UNUSED_ACCESS', ctx.homeRegion, 45, 400);
      add('ORGANIZATION_INTERNAL_ACCESS', ctx.homeRegion, 35, 120);
    } else {
      const memberIndex = members.indexOf(account);
      if (memberIndex === 0 || rng.chance(0.5)) add('ACCOUNT_UNUSED_ACCESS', ctx.homeRegion, 45, 400);
      if (memberIndex === 0) add('ACCOUNT_INTERNAL_ACCESS', ctx.homeRegion, 35, 120);
    }
  }
  return analyzers;
}

function configurationFor(type: AnalyzerType, ctx: SeedContext): { configuration?: AnalyzerConfiguration } {
  switch (type) {
    case 'ACCOUNT_UNUSED_ACCESS':
    case 'ORGANIZATION_UNUSED_ACCESS':
      return { configuration: { unusedAccess: { unusedAccessAge: 90, analysisRule: { exclusions: [] } } } };
    case 'ACCOUNT_INTERNAL_ACCESS':
      return { configuration: { internalAccess: { analysisRule: { inclusions: [{ resourceTypes: INTERNAL_RESOURCE_TYPES }] } } } };
    case 'ORGANIZATION_INTERNAL_ACCESS':
      return {
        configuration: {
          internalAccess: {
            analysisRule: { inclusions: [{ accountIds: ctx.world.accounts.map((a) => a.id), resourceTypes: INTERNAL_RESOURCE_TYPES }] },
          },
        },
      };
    default:
      return {};
  }
}
