import { rmSync, mkdirSync, statSync } from 'node:fs';
import { it } from 'vitest';
import { createEventStore } from '../../src/main/store/event-store';
import { importFolder } from '../../src/main/services/trail-import/import-folder';

it('perf', async () => {
  const out = process.env.OUT ?? '/tmp/exp/perf';
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const store = await createEventStore({ path: `${out}/index.duckdb`, threads: 2, memoryLimit: process.env.MEM ?? '512MB' });
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t = performance.now();
  const u = process.cpuUsage();
  const s = await importFolder({ store, folder: process.env.DATA ?? '/tmp/exp/data', groupFiles: Number(process.env.GF ?? 256), groupBytes: Number(process.env.GB ?? 48e6) });
  const ms = performance.now() - t;
  const d = process.cpuUsage(u);
  clearInterval(timer);
  console.log(JSON.stringify({ ...s, failed: s.failed.length }));
  console.log('ms', ms.toFixed(0), 'cpu', ((d.user + d.system) / 1000).toFixed(0), 'ev/s', ((s.imported + s.duplicates) / ms * 1000).toFixed(0), 'cpu-2core ev/s', ((s.imported + s.duplicates) / ((d.user + d.system) / 2e6)).toFixed(0), 'peak rss MB', (peak / 1e6).toFixed(0));
  console.log('count', await store.count(), 'stage wall', (globalThis as any).__st, 'flush wall', (globalThis as any).__fl);
  await store.close();
  console.log('size', statSync(`${out}/index.duckdb`).size);
}, 900_000);
