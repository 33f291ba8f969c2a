import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { describeAwsError, isAbortError, isAccessDeniedError } from '../../aws/aws-errors';
import { listAllAnalyzers, type Call } from './access-analyzer-calls';
import { syncAnalyzer } from './analyzer-sync';
import type { FindingsStore } from './findings-store';

export interface AnalyzerSeen {
  arn: string;
  type: string;
  status: string;
}

/** What one account-region sync saw: the analyzers there, and what could not be read. */
export interface RegionOutcome {
  profile: string;
  account: string;
  region: string;
  /** `denied` / `error`: ListAnalyzers itself failed, so nothing is known about this region. */
  status: 'ok' | 'denied' | 'error';
  message?: string;
  analyzers: AnalyzerSeen[];
  /** Analyzers whose findings could not be listed; their previously stored findings are kept. */
  analyzerFailures: (AnalyzerSeen & { failure: 'denied' | 'error'; message: string })[];
  findings: number;
  detailsFetched: number;
  detailsFailed: number;
}

export interface RegionSyncInput {
  profile: string;
  account: string;
  region: string;
  client: AccessAnalyzerClient;
  call: Call;
  store: FindingsStore;
  retrievedAt: string;
  detailsConcurrency: number;
  onAnalyzer?: (name: string) => void;
  onFinding?: () => void;
}

/**
 * One account in one region: every analyzer of every type, then each analyzer's findings.
 * AccessDenied (or any failure) is this region's outcome, not the sync's: the caller goes on with
 * the other account-regions. Only a cancel is thrown.
 */
export async function syncRegion(input: RegionSyncInput): Promise<RegionOutcome> {
  const outcome: RegionOutcome = {
    profile: input.profile,
    account: input.account,
    region: input.region,
    status: 'ok',
    analyzers: [],
    analyzerFailures: [],
    findings: 0,
    detailsFetched: 0,
    detailsFailed: 0,
  };
  let analyzers;
  try {
    analyzers = await listAllAnalyzers(input.client, input.call);
  } catch (error) {
    if (isAbortError(error)) throw error;
    return { ...outcome, status: isAccessDeniedError(error) ? 'denied' : 'error', message: `ListAnalyzers: ${describeAwsError(error)}` };
  }
  outcome.analyzers = analyzers.flatMap((a) => (a.arn ? [{ arn: a.arn, type: a.type ?? 'ACCOUNT', status: a.status ?? 'ACTIVE' }] : []));

  for (const analyzer of analyzers) {
    const arn = analyzer.arn;
    if (!arn) continue;
    input.onAnalyzer?.(analyzer.name ?? arn);
    try {
      const result = await syncAnalyzer({
        client: input.client,
        call: input.call,
        store: input.store,
        analyzer: { ...analyzer, arn },
        profile: input.profile,
        retrievedAt: input.retrievedAt,
        concurrency: input.detailsConcurrency,
        onFinding: input.onFinding,
      });
      outcome.findings += result.findings;
      outcome.detailsFetched += result.detailsFetched;
      outcome.detailsFailed += result.detailsFailed;
      if (result.detailsError && !outcome.message) outcome.message = `GetFindingV2: ${result.detailsError}`;
    } catch (error) {
      if (isAbortError(error)) throw error;
      outcome.analyzerFailures.push({
        arn,
        type: analyzer.type ?? 'ACCOUNT',
        status: analyzer.status ?? 'ACTIVE',
        failure: isAccessDeniedError(error) ? 'denied' : 'error',
        message: `ListFindingsV2 on ${analyzer.name ?? arn}: ${describeAwsError(error)}`,
      });
    }
  }
  return outcome;
}
