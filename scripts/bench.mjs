#!/usr/bin/env node
// `npm run bench`: builds first (package.json), then runs each benchmark of src/bench in its own
// process against the BUILT bundle (out/main/bench.js), prints the results and writes them as
// JSON under bench/results/. Every data set is SYNTHETIC (the emulator's generator) and says so.
//   node scripts/bench.mjs sync import search   runs only the named steps (default: all; `import`
//                            includes prepare and the index size, `search` needs the import's index)
//   BENCH_10M=1              also import and search 10 million events (long: ~10x the 1M run)
//   BENCH_SYNC_EVENTS=N      synthetic events per account for the sync bench (default 10000: ~25 s)
//   BENCH_EVENTS=N           events for the import and search benches (default 1000000)
//   AUDITDESK_BENCH_CACHE=D  where generated logs and indexes are kept between runs (default: tmp)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'main', 'bench.js');
const resultsDir = join(root, 'bench', 'results');

if (!existsSync(bundle)) {
  process.stderr.write('bench: out/main/bench.js is missing. Run "npm run bench" (it builds first) or "npm run build".\n');
  process.exit(1);
}

/** Runs one bench; its last stdout line is the result object. */
function run(args) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bundle, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench ${args.join(' ')} exited with ${code}`));
      const line = out.trim().split('\n').at(-1) ?? '{}';
      resolve({ ...JSON.parse(line), wallSeconds: Math.round((Date.now() - started) / 100) / 10 });
    });
  });
}

async function save(name, result) {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify({ ...result, measuredAt: new Date().toISOString(), node: process.version }, null, 2)}\n`);
  return file;
}

const only = new Set(process.argv.slice(2));
const wanted = (name) => only.size === 0 || only.has(name);
const summary = [];
async function step(name, args, describe) {
  process.stderr.write(`\n== ${name}\n`);
  const result = await run(args);
  const file = await save(name, result);
  const line = `${name}: ${describe(result)}  (${file.slice(root.length + 1)})`;
  summary.push(line);
  process.stdout.write(`${line}\n`);
  return result;
}

const syncEvents = process.env.BENCH_SYNC_EVENTS ?? '10000';
if (wanted('sync')) await step('sync', ['sync', syncEvents], (r) =>
  `${r.totalEventsPerSecond} events/s total over ${r.accountRegions} account-regions; per account-region min ${r.perAccountRegion.min} / p50 ${r.perAccountRegion.p50} events/s (ceiling 100); ` +
  `max ${r.maxRequestsInAnySecond} requests in any second; throttling absorbed ${r.throttledAbsorbed}, shown ${r.throttlingShownToUser}`,
);

const sizeLabel = (n) => (n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n));
const sizes = [Number(process.env.BENCH_EVENTS ?? 1_000_000), ...(process.env.BENCH_10M === '1' ? [10_000_000] : [])].map((n) => [sizeLabel(n), n]);
for (const [label, events] of sizes) {
  if (wanted('import')) {
    await step(`prepare-${label}`, ['prepare', String(events)], (r) => `SYNTHETIC ${r.events} events, ${r.files} .json.gz files, ${(r.gzBytes / 1e6).toFixed(1)} MB (generated in ${r.generatedSeconds} s, cached)`);
    const imported = await step(`import-${label}`, ['import', String(events)], (r) =>
      `${r.eventsPerSecond} events/s (${r.imported} in ${r.seconds} s), peak RSS ${r.peakRssMb} MB; reference DuckDB read_json ${r.reference.duckdbReadJson.eventsPerSecond}/s (ratio ${r.ratioToDuckdbRead}), DuckDB read and store of the records alone ${r.reference.duckdbStoreRecordsOnly.eventsPerSecond}/s (ratio ${r.ratioToStoreRecordsOnly}), gunzip+JSON.parse ${r.reference.gunzipJsonParse.eventsPerSecond}/s (ratio ${r.ratioToGunzipParse}); ` +
      `then the text index: ${r.textIndex.eventsPerSecond} events/s (${r.textIndex.seconds} s), ${r.textIndex.bytesPerEvent} bytes/event`,
    );
    const size = imported.sizeOnDisk;
    const sizeFile = await save(`index-size-${label}`, { name: `index-size-${label}`, data: imported.data, events: imported.storedRows, ...size });
    const sizeLine = `index-size-${label}: ${size.indexBytesPerEvent} bytes/event on disk (${size.indexBytesPerEventWithoutTextIndex} without the text index) vs ${size.gzBytesPerEvent} bytes/event gzip'd source (x${size.indexToGzRatio})  (${sizeFile.slice(root.length + 1)})`;
    summary.push(sizeLine);
    process.stdout.write(`${sizeLine}\n`);
  }
  if (wanted('search')) {
    await step(`search-${label}`, ['search', String(events)], (r) => `worst p95 ${r.worstP95Ms} ms structured, ${r.worstP95FreeTextMs} ms free text; median p50 ${r.medianP50Ms} ms (21 queries, first page + total + facets); free-text page turns p95 ${r.worstP95FreeTextPageTurnMs.withinSampledMatches} ms within the sampled matches, ${r.worstP95FreeTextPageTurnMs.pastThem} ms past them`);
  }
}

process.stdout.write(`\nSummary\n${summary.map((l) => `  ${l}`).join('\n')}\n`);
