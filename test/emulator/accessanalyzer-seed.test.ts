import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYZER_TYPES, FINDING_STATUSES, FINDING_TYPES } from '../../src/emulator/services/accessanalyzer/domain/model-types';
import { loadAccessAnalyzerSeed } from '../../src/emulator/services/accessanalyzer/seed/build-seed';
import { findAccessAnalyzerSeedDir, SEED_SUBDIR } from '../../src/emulator/services/accessanalyzer/seed/seed-data-dir';
import { AA_MANAGEMENT, AA_TEST_NOW, aaTestWorld } from './helpers/aa-world';

const DAY = 24 * 60 * 60 * 1000;
const world = aaTestWorld();
const seed = loadAccessAnalyzerSeed(world);

describe('Access Analyzer seed', () => {
  it('is deterministic for a world seed and differs for another', () => {
    expect(loadAccessAnalyzerSeed(aaTestWorld())).toEqual(seed);
    const other = loadAccessAnalyzerSeed(aaTestWorld('another-seed'));
    expect(other.findings.map((f) => f.id)).not.toEqual(seed.findings.map((f) => f.id));
  });

  it('has an analyzer of every type, organisation ones in the management account', () => {
    expect(new Set(seed.analyzers.map((a) => a.type))).toEqual(new Set(ANALYZER_TYPES));
    for (const a of seed.analyzers.filter((x) => x.type.startsWith('ORGANIZATION'))) expect(a.accountId).toBe(AA_MANAGEMENT);
  });

  it('leaves every account a region without an external access analyzer', () => {
    for (const account of world.accounts) {
      const covered = new Set(
        seed.analyzers.filter((a) => a.accountId === account.id && (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION')).map((a) => a.region),
      );
      expect(world.regions.filter((r) => !covered.has(r)).length, account.name).toBeGreaterThan(0);
    }
  });

  it('holds all six finding types and all three statuses, over many resource types', () => {
    expect(new Set(seed.findings.map((f) => f.findingType))).toEqual(new Set(FINDING_TYPES));
    expect(new Set(seed.findings.map((f) => f.status))).toEqual(new Set(FINDING_STATUSES));
    const types = new Set(seed.findings.map((f) => f.resourceType));
    for (const t of ['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::SecretsManager::Secret', 'AWS::IAM::User']) {
      expect(types, t).toContain(t);
    }
  });

  it('has a realistic volume per account', () => {
    for (const account of world.accounts) {
      const n = seed.findings.filter((f) => f.resourceOwnerAccount === account.id).length;
      expect(n, account.name).toBeGreaterThanOrEqual(20);
      expect(n, account.name).toBeLessThanOrEqual(80);
    }
  });

  it('re-times findings into the 30 days before the world was created', () => {
    for (const f of seed.findings) {
      expect(f.createdAt.getTime()).toBeGreaterThanOrEqual(AA_TEST_NOW.getTime() - 30 * DAY);
      expect(f.createdAt.getTime()).toBeLessThanOrEqual(f.updatedAt.getTime());
      expect(f.updatedAt.getTime()).toBeLessThanOrEqual(f.analyzedAt.getTime());
      expect(f.analyzedAt.getTime()).toBeLessThanOrEqual(AA_TEST_NOW.getTime());
    }
    for (const a of seed.analyzers) expect(a.createdAt.getTime()).toBeLessThan(AA_TEST_NOW.getTime() - 30 * DAY);
  });

  it('builds external access from every real example and marks the rest synthetic', () => {
    const realOrigins = new Set(seed.findings.filter((f) => !f.synthetic).map((f) => f.origin.split(':')[0]));
    expect(realOrigins).toEqual(new Set(['aws-cli-examples.jsonl', 'eventbridge-events.iam-user-guide-archived.jsonl']));
    expect(seed.findings.some((f) => !f.synthetic && f.error === 'ACCESS_DENIED')).toBe(true);
    expect(seed.findings.some((f) => !f.synthetic && f.resource.includes('Cognito_testpoolAuth_Role'))).toBe(true);
    for (const f of seed.findings.filter((x) => x.findingType !== 'ExternalAccess')) expect(f.synthetic).toBe(true);
    // Re-mapped: no documentation account or placeholder is left.
    const text = JSON.stringify(seed.findings);
    for (const placeholder of ['111122223333', '999988887777', 'EXAMPLE0-', 'us-west-2']) expect(text).not.toContain(placeholder);
  });

  it('archives the seeded findings that a real archive rule covers', () => {
    const rule = seed.archiveRules.find((r) => r.ruleName === 'MyArchiveRule');
    expect(rule).toBeDefined();
    const covered = seed.findings.filter(
      (f) => f.analyzerArn === rule?.analyzerArn && f.resource.includes('Cognito') && f.resourceType === 'AWS::IAM::Role' && rule.createdAt <= f.createdAt,
    );
    for (const f of covered) expect(f.status).not.toBe('ACTIVE');
  });
});

describe('seed data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'aa-seed-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is found from a bundled out/main/chunks folder, walking up to package.json', () => {
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, SEED_SUBDIR), { recursive: true });
    const bundled = join(root, 'out', 'main', 'chunks');
    mkdirSync(bundled, { recursive: true });
    // A package.json without the data (e.g. a nested package) does not stop the walk.
    writeFileSync(join(root, 'out', 'package.json'), '{}');
    expect(findAccessAnalyzerSeedDir([bundled])).toBe(join(root, SEED_SUBDIR));
  });

  it('is found from this repository by default', () => {
    expect(findAccessAnalyzerSeedDir()).toMatch(/resources[\\/]seed-data[\\/]accessanalyzer$/);
  });

  it('names the folder it looked for when it is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'aa-no-seed-'));
    try {
      expect(() => findAccessAnalyzerSeedDir([empty])).toThrow(/seed data not found/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
