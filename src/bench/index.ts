import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runImportBench } from './import-bench';
import { runPrepareBench } from './prepare-logs-bench';
import { runSearchBench } from './search-bench';
import { runSyncBench } from './sync-bench';

// One bench per process (scripts/bench.mjs runs each in its own), so peak RSS is that bench's.
// Usage: node out/main/bench.js <sync|prepare|import|search> [events]
const [name, arg] = process.argv.slice(2);
const cacheDir = process.env.AUDITDESK_BENCH_CACHE ?? join(tmpdir(), 'auditdesk-bench');

/** 1000000 → `1m`, 100000 → `100k`: the suffix of the result files. */
export function sizeLabel(events: number): string {
  return events % 1_000_000 === 0 ? `${events / 1_000_000}m` : events % 1000 === 0 ? `${events / 1000}k` : String(events);
}

async function main(): Promise<void> {
  switch (name) {
    case 'sync':
      return runSyncBench(Number(arg ?? 10_000));
    case 'prepare':
      return runPrepareBench(cacheDir, Number(arg ?? 1_000_000));
    case 'import':
      return runImportBench(cacheDir, Number(arg ?? 1_000_000));
    case 'search':
      return runSearchBench(join(cacheDir, `index-${arg ?? 1_000_000}`, 'index.duckdb'), sizeLabel(Number(arg ?? 1_000_000)));
    default:
      throw new Error(`unknown bench "${name ?? ''}": sync, prepare, import or search`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench ${name ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
