import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFolder } from '../../src/main/services/trail-import/import-folder';
import { createEventStore } from '../../src/main/store/event-store';
import { CLOUDTRAIL_DATA } from './helpers/real-data';

/** A background step of the text index that fails is told to the app's log, and searches go on. */
describe('a failing text index step', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reaches the log the store was given, naming the text index and saying the next write retries', async () => {
    dir = mkdtempSync(join(tmpdir(), 'auditdesk-text-index-errors-'));
    const lines: string[] = [];
    const store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2, textIndexDelayMs: 10, log: (line) => lines.push(line) });
    try {
      // The index's table gone (as a damaged file would leave it): every step fails.
      await store.read((connection) => connection.run('DROP TABLE text_terms'));
      const summary = await importFolder({ store, folder: CLOUDTRAIL_DATA });
      expect(summary.imported).toBeGreaterThan(0);
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/^Text index: .*text_terms.*; the next write retries\.$/s);
      expect(await store.count()).toBe(summary.imported);
    } finally {
      await store.close();
    }
  });
});
