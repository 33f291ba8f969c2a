/**
 * Regions a findings sync covers on top of each profile's own (us-east-1, its region, its
 * auditdesk_regions). Access Analyzer is regional: a region nobody syncs is a region nobody
 * checks, so the choice is kept across runs.
 */
export const COMMON_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

const STORAGE_KEY = 'auditdesk.findings.extraRegions';
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function loadExtraRegions(storage: Pick<Storage, 'getItem'> | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string' && REGION.test(r)) : [];
  } catch {
    return [];
  }
}

export function saveExtraRegions(storage: Pick<Storage, 'setItem'> | undefined, regions: readonly string[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify([...new Set(regions)]));
  } catch {
    // Storage can be full or disabled; the choice then lasts for this window only.
  }
}
