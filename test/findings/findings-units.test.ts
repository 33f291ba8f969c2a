import { describe, expect, it, vi } from 'vitest';
import { analyzerKindOf, parseAnalyzerArn } from '../../src/main/services/findings/analyzer-kind';
import { computeCoverage } from '../../src/main/services/findings/coverage';
import { evidenceQuery } from '../../src/main/services/findings/evidence-query';
import { toFindingDetail } from '../../src/main/services/findings/finding-details';
import { summarizeFinding } from '../../src/main/services/findings/finding-summary';
import { offsetFromCursor, orderClause, whereClause, type SqlParams } from '../../src/main/services/findings/findings-query';
import type { RegionOutcome } from '../../src/main/services/findings/region-sync';
import { runLimited } from '../../src/main/services/findings/run-limited';
import { withThrottleRetry } from '../../src/main/services/findings/throttle-retry';

describe('analyzer kinds', () => {
  it.each([
    ['ACCOUNT', 'external'],
    ['ORGANIZATION', 'external'],
    ['ACCOUNT_UNUSED_ACCESS', 'unused'],
    ['ORGANIZATION_UNUSED_ACCESS', 'unused'],
    ['ACCOUNT_INTERNAL_ACCESS', 'internal'],
    ['ORGANIZATION_INTERNAL_ACCESS', 'internal'],
    ['SOMETHING_NEW', 'external'],
  ])('%s is %s', (type, kind) => expect(analyzerKindOf(type)).toBe(kind));

  it('reads an analyzer ARN, including other partitions', () => {
    expect(parseAnalyzerArn('arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/Console')).toEqual({ region: 'eu-west-1', account: '111122223333', name: 'Console' });
    expect(parseAnalyzerArn('arn:aws-us-gov:access-analyzer:us-gov-west-1:111122223333:analyzer/a/b')?.name).toBe('a/b');
    expect(parseAnalyzerArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});

describe('details and one-line summaries', () => {
  it('summarizes external access: principals, a few actions, public', () => {
    const details = [toFindingDetail({ externalAccessDetails: { principal: { AWS: '*' }, action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:DeleteObject'], condition: {}, isPublic: true, sources: [{ type: 'POLICY' }] } })];
    expect(details[0]).toEqual(expect.objectContaining({ kind: 'external', isPublic: true, sources: [{ type: 'POLICY' }] }));
    expect(summarizeFinding({ findingType: 'ExternalAccess', resource: 'arn:aws:s3:::b' }, details)).toEqual({
      principal: 'AWS: *',
      access: 's3:GetObject, s3:ListBucket, s3:PutObject +1 more',
      isPublic: true,
    });
  });

  it('summarizes unused access by what is unused and since when', () => {
    const perms = [
      toFindingDetail({ unusedPermissionDetails: { serviceNamespace: 'lambda', lastAccessed: '2025-01-02T00:00:00.000Z', actions: [{ action: 'lambda:InvokeFunction' }] } }),
      toFindingDetail({ unusedPermissionDetails: { serviceNamespace: 'sns' } }),
    ];
    expect(summarizeFinding({ findingType: 'UnusedPermission', resource: 'arn:aws:iam::111122223333:role/ops/deployer' }, perms)).toEqual({
      principal: 'role/ops/deployer',
      access: '2 services unused: lambda, sns',
      isPublic: undefined,
    });
    const key = [toFindingDetail({ unusedIamUserAccessKeyDetails: { accessKeyId: 'AKIAEXAMPLE', lastAccessed: '2024-12-01T10:00:00.000Z' } })];
    expect(summarizeFinding({ findingType: 'UnusedIAMUserAccessKey', resource: 'arn:aws:iam::111122223333:user/carol' }, key).access).toBe('Access key AKIAEXAMPLE last used 2024-12-01');
    expect(summarizeFinding({ findingType: 'UnusedIAMRole', resource: 'arn:aws:iam::111122223333:role/r' }, [toFindingDetail({ unusedIamRoleDetails: {} })]).access).toBe('Role never used');
  });

  it('keeps a details member it does not know as "other" instead of failing', () => {
    expect(toFindingDetail({ brandNewDetails: { x: 1 } })).toEqual({ kind: 'other', name: 'brandNewDetails' });
    expect(toFindingDetail(null)).toEqual({ kind: 'other', name: 'object' });
  });
});

describe('evidence queries for the Events view', () => {
  it('looks for calls on the resource, in its account', () => {
    expect(evidenceQuery({ analyzerType: 'ORGANIZATION', resource: 'arn:aws:s3:::prod-data', resourceOwnerAccount: '111122223333' }).query).toBe('resource:"arn:aws:s3:::prod-data" account:111122223333');
  });

  it('looks for what an unused role or user did in 90 days', () => {
    expect(evidenceQuery({ analyzerType: 'ACCOUNT_UNUSED_ACCESS', resource: 'arn:aws:iam::111122223333:role/service-role/old-etl', resourceOwnerAccount: '111122223333' }).query).toBe(
      'principal:role/old-etl,role/old-etl/* account:111122223333 since:90d',
    );
    expect(evidenceQuery({ analyzerType: 'ORGANIZATION_UNUSED_ACCESS', resource: 'arn:aws:iam::111122223333:user/carol', resourceOwnerAccount: '111122223333' }).query).toBe(
      'principal:user/carol account:111122223333 since:90d',
    );
  });

  it('escapes what the query language would read as syntax', () => {
    expect(evidenceQuery({ analyzerType: 'ACCOUNT', resource: 'arn:aws:sqs:us-east-1:1:q"*?', resourceOwnerAccount: '1' }).query).toBe('resource:"arn:aws:sqs:us-east-1:1:q\\"\\*\\?" account:1');
  });
});

function outcome(account: string, region: string, analyzers: [string, string?][], status: RegionOutcome['status'] = 'ok'): RegionOutcome {
  return {
    profile: `p-${account}`,
    account,
    region,
    status,
    ...(status !== 'ok' ? { message: 'ListAnalyzers: AccessDeniedException: no' } : {}),
    analyzers: analyzers.map(([type, state]) => ({ arn: `arn:aws:access-analyzer:${region}:${account}:analyzer/${type}`, type, status: state ?? 'ACTIVE' })),
    analyzerFailures: [],
    findings: 0,
    detailsFetched: 0,
    detailsFailed: 0,
  };
}

describe('coverage', () => {
  const at = '2025-01-01T00:00:00.000Z';
  const find = (entries: ReturnType<typeof computeCoverage>, account: string, region: string, kind: string) => entries.find((e) => e.account === account && e.region === region && e.kind === kind);

  it('judges external and internal per region, unused per account', () => {
    const entries = computeCoverage(
      [
        outcome('111111111111', 'us-east-1', [['ORGANIZATION'], ['ORGANIZATION_UNUSED_ACCESS']]),
        outcome('111111111111', 'eu-west-1', []),
        outcome('222222222222', 'us-east-1', [['ACCOUNT_INTERNAL_ACCESS', 'DISABLED']]),
        outcome('222222222222', 'eu-west-1', [['ACCOUNT']]),
        outcome('333333333333', 'us-east-1', [], 'denied'),
      ],
      at,
    );
    expect(find(entries, '111111111111', 'us-east-1', 'external')?.status).toBe('present');
    expect(find(entries, '111111111111', 'eu-west-1', 'external')?.status).toBe('missing');
    expect(find(entries, '222222222222', 'us-east-1', 'external')).toEqual(
      expect.objectContaining({ status: 'org-only', organizationAnalyzers: ['arn:aws:access-analyzer:us-east-1:111111111111:analyzer/ORGANIZATION'] }),
    );
    expect(find(entries, '222222222222', 'eu-west-1', 'external')?.status).toBe('present');
    expect(find(entries, '222222222222', 'us-east-1', 'internal')?.status).toBe('inactive');
    expect(find(entries, '111111111111', '', 'unused')?.status).toBe('present');
    expect(find(entries, '222222222222', '', 'unused')?.status).toBe('org-only');
    expect(find(entries, '333333333333', 'us-east-1', 'external')).toEqual(expect.objectContaining({ status: 'denied', message: expect.stringContaining('AccessDenied') }));
    expect(find(entries, '333333333333', '', 'unused')?.status).toBe('denied');
  });

  it('calls an analyzer whose findings could not be read denied, not present', () => {
    const o = outcome('111111111111', 'us-east-1', [['ACCOUNT']]);
    o.analyzerFailures.push({ ...o.analyzers[0]!, failure: 'denied', message: 'ListFindingsV2 on ACCOUNT: AccessDeniedException' });
    expect(find(computeCoverage([o], at), '111111111111', 'us-east-1', 'external')?.status).toBe('denied');
  });
});

describe('list query building', () => {
  it('binds every value and leaves the facet dimension out', () => {
    const params: SqlParams = [];
    const where = whereClause({ status: ['ACTIVE'], region: ['eu-west-1', 'us-east-1'], isPublic: true, text: " 50%_Off  'x " }, params, 'region');
    expect(where).toBe('WHERE f.status IN ($1) AND f.is_public = true AND contains(f.search_text, $2) AND contains(f.search_text, $3)');
    // Substring tests, not LIKE patterns: % and _ are just characters, nothing needs escaping.
    expect(params).toEqual(['ACTIVE', '50%_off', "'x"]);
    const all: SqlParams = [];
    expect(whereClause({ status: ['ACTIVE', 'ARCHIVED'], isPublic: false }, all)).toBe('WHERE f.status IN ($1, $2) AND coalesce(f.is_public, false) = false');
  });

  it('orders with a unique tail and reads only numeric cursors', () => {
    expect(orderClause('region', 'desc')).toBe('ORDER BY f.region DESC NULLS LAST, f.analyzer_arn ASC, f.finding_id ASC');
    expect(orderClause('severity', 'asc')).toMatch(/^ORDER BY CASE WHEN f.is_public THEN 0/);
    expect([offsetFromCursor('40'), offsetFromCursor(undefined), offsetFromCursor('-1'), offsetFromCursor('1; DROP')]).toEqual([40, 0, 0, 0]);
  });
});

describe('helpers', () => {
  it('runLimited keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await runLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('withThrottleRetry waits and retries throttling only', async () => {
    const sleep = vi.fn(async () => undefined);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const fn = vi.fn().mockRejectedValueOnce(throttled).mockRejectedValueOnce(throttled).mockResolvedValue('ok');
    await expect(withThrottleRetry(fn, { sleep, baseDelayMs: 100 })).resolves.toBe('ok');
    expect(sleep.mock.calls.map((c: unknown[]) => c[0])).toEqual([100, 200]);
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    await expect(withThrottleRetry(vi.fn().mockRejectedValue(denied), { sleep })).rejects.toBe(denied);
    await expect(withThrottleRetry(vi.fn().mockRejectedValue(throttled), { sleep, attempts: 1 })).rejects.toBe(throttled);
  });
});
