import {
  type AccessAnalyzerClient,
  type AnalyzerSummary,
  type FindingSummaryV2,
  type GetFindingV2CommandOutput,
  GetFindingV2Command,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';

/** Runs one request; the caller wraps it in its retries (throttling, sign-in) and passes the signal. */
export type Call = <T>(send: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** Access Analyzer's largest page for these operations: fewer round trips on big analyzers. */
const PAGE_SIZE = 100;

/** Every analyzer of every type in the client's region (ListAnalyzers without a type lists them all). */
export async function listAllAnalyzers(client: AccessAnalyzerClient, call: Call): Promise<AnalyzerSummary[]> {
  const analyzers: AnalyzerSummary[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call((signal) => client.send(new ListAnalyzersCommand({ maxResults: PAGE_SIZE, nextToken: token }), { abortSignal: signal }));
    analyzers.push(...(page.analyzers ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return analyzers;
}

/** Every finding of an analyzer, all statuses, all pages: the sync stores exactly this list. */
export async function listAllFindings(client: AccessAnalyzerClient, analyzerArn: string, call: Call): Promise<FindingSummaryV2[]> {
  const findings: FindingSummaryV2[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await call((signal) => client.send(new ListFindingsV2Command({ analyzerArn, maxResults: PAGE_SIZE, nextToken: token }), { abortSignal: signal }));
    findings.push(...(page.findings ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return findings;
}

/** One finding with all its details: unused permission findings page their details (one per service). */
export async function getFindingWithDetails(client: AccessAnalyzerClient, analyzerArn: string, id: string, call: Call): Promise<Omit<GetFindingV2CommandOutput, '$metadata' | 'nextToken'>> {
  let nextToken: string | undefined;
  let first: GetFindingV2CommandOutput | undefined;
  const details: NonNullable<GetFindingV2CommandOutput['findingDetails']> = [];
  do {
    const token = nextToken;
    const page = await call((signal) => client.send(new GetFindingV2Command({ analyzerArn, id, maxResults: PAGE_SIZE, nextToken: token }), { abortSignal: signal }));
    first ??= page;
    details.push(...(page.findingDetails ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const { $metadata: _metadata, nextToken: _next, ...finding } = first;
  return { ...finding, findingDetails: details };
}
