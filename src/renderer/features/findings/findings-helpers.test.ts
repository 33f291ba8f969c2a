import { describe, expect, it } from 'vitest';
import type { CoverageEntry } from '../../../shared/ipc/channels/findings';
import { fitColumns } from './column-fit';
import { summarizeCoverage } from './coverage-summary';
import { evidenceHref } from './evidence-link';
import { activeChips, DEFAULT_FILTERS, setPublicFilter, setTextFilter, toggleFilter } from './finding-filters';
import { formatAge, formatAgo } from './finding-format';
import { findingTypeLabel, resourceTypeLabel, severityOf, shortResource } from './finding-labels';
import { loadExtraRegions, saveExtraRegions } from './sync-regions';

describe('filters', () => {
  it('toggles values and drops empty lists', () => {
    const on = toggleFilter(DEFAULT_FILTERS, 'region', 'eu-west-1');
    expect(on).toEqual({ status: ['ACTIVE'], region: ['eu-west-1'] });
    expect(toggleFilter(on, 'region', 'eu-west-1')).toEqual({ status: ['ACTIVE'] });
    expect(toggleFilter(on, 'status', 'ACTIVE')).toEqual({ region: ['eu-west-1'] });
  });

  it('lists the filters in force as chips that remove themselves', () => {
    const filters = setTextFilter(setPublicFilter({ status: ['ACTIVE'], findingType: ['UnusedIAMRole'] }, true), 'prod');
    const chips = activeChips(filters);
    expect(chips.map((c) => c.label)).toEqual(['Status: Active', 'Unused role', 'Public only', '“prod”']);
    expect(chips[1]!.remove(filters)).toEqual({ status: ['ACTIVE'], isPublic: true, text: 'prod' });
    expect(chips[3]!.remove(filters)).toEqual({ status: ['ACTIVE'], findingType: ['UnusedIAMRole'], isPublic: true });
  });
});

describe('labels', () => {
  it('ranks public first, then external, internal, unused', () => {
    expect([severityOf({ isPublic: true, analyzerKind: 'external' }), severityOf({ analyzerKind: 'external' }), severityOf({ analyzerKind: 'internal' }), severityOf({ analyzerKind: 'unused' })].map((s) => s.label)).toEqual([
      'Public',
      'External',
      'Internal',
      'Unused',
    ]);
  });

  it('says AWS identifiers in words', () => {
    expect(findingTypeLabel('UnusedIAMUserAccessKey')).toBe('Unused access key');
    expect(findingTypeLabel('SomethingNew')).toBe('Something New');
    expect(resourceTypeLabel('AWS::S3::Bucket')).toBe('S3 bucket');
    expect(resourceTypeLabel('AWS::Lambda::LayerVersion')).toBe('Lambda layer version');
    expect(shortResource('arn:aws:s3:::prod-data')).toBe('prod-data');
    expect(shortResource('arn:aws:iam::111122223333:role/ops/deployer')).toBe('role/ops/deployer');
    expect(shortResource('not-an-arn')).toBe('not-an-arn');
  });
});

describe('times', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it.each([
    ['2025-06-01T11:55:00Z', '5 min'],
    ['2025-05-31T12:00:00Z', '24 h'],
    ['2025-05-20T12:00:00Z', '12 d'],
    ['2025-01-01T12:00:00Z', '5 mo'],
    ['2021-06-01T12:00:00Z', '4 y'],
    ['garbage', '—'],
  ])('%s is %s old', (iso, age) => expect(formatAge(iso, now)).toBe(age));

  it('says when the last sync was', () => {
    expect(formatAgo(undefined, now)).toBe('never');
    expect(formatAgo('2025-06-01T11:59:50Z', now)).toBe('just now');
    expect(formatAgo('2025-06-01T10:00:00Z', now)).toBe('2 h ago');
  });
});

describe('column fit', () => {
  const columns = [
    { id: 'select', size: 34, hidePriority: 0 },
    { id: 'type', size: 120, hidePriority: 4 },
    { id: 'resource', size: 0, minWidth: 160, hidePriority: 0 },
    { id: 'kind', size: 120, hidePriority: 5 },
    { id: 'account', size: 110, hidePriority: 2 },
    { id: 'status', size: 100, hidePriority: 0 },
  ];
  it('keeps everything when it fits and drops the most expendable first', () => {
    expect([...fitColumns(columns, 2000)]).toEqual(['select', 'type', 'resource', 'kind', 'account', 'status']);
    expect([...fitColumns(columns, 530)]).toEqual(['select', 'type', 'resource', 'account', 'status']);
    expect([...fitColumns(columns, 420)]).toEqual(['select', 'resource', 'account', 'status']);
    expect([...fitColumns(columns, 100)]).toEqual(['select', 'resource', 'status']);
  });
});

describe('coverage summary', () => {
  const entry = (account: string, region: string, kind: CoverageEntry['kind'], status: CoverageEntry['status']): CoverageEntry => ({
    account,
    region,
    kind,
    status,
    analyzers: [],
    organizationAnalyzers: [],
    profile: 'p',
    checkedAt: '2025-01-01T00:00:00.000Z',
  });
  it('counts gaps per kind and each unreadable account-region once', () => {
    const s = summarizeCoverage([
      entry('1', 'eu-west-1', 'external', 'missing'),
      entry('1', 'us-east-1', 'external', 'present'),
      entry('2', 'us-east-1', 'external', 'denied'),
      entry('2', 'us-east-1', 'internal', 'denied'),
      entry('3', 'us-east-1', 'external', 'org-only'),
      entry('1', '', 'unused', 'missing'),
    ]);
    expect(s.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(s.missing).toHaveLength(1);
    expect(s.blind).toHaveLength(1);
    expect(s.orgOnly).toHaveLength(1);
    expect(s.unusedMissing).toHaveLength(1);
  });
});

describe('small things', () => {
  it('links to the Events view with the query in the hash', () => {
    expect(evidenceHref('resource:"arn:aws:s3:::b" account:1')).toBe('#/events?q=resource%3A%22arn%3Aaws%3As3%3A%3A%3Ab%22%20account%3A1');
  });

  it('keeps the extra regions, and ignores what is not a region', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadExtraRegions(storage)).toEqual([]);
    saveExtraRegions(storage, ['eu-west-1', 'eu-west-1', 'ap-southeast-2']);
    expect(loadExtraRegions(storage)).toEqual(['eu-west-1', 'ap-southeast-2']);
    store.set('auditdesk.findings.extraRegions', '["eu-west-1","<script>",3]');
    expect(loadExtraRegions(storage)).toEqual(['eu-west-1']);
    store.set('auditdesk.findings.extraRegions', 'not json');
    expect(loadExtraRegions(storage)).toEqual([]);
  });
});
