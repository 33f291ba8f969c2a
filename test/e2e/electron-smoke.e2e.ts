import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAwsFixture, envForFixture } from './harness/aws-fixture';
import { saveScreenshot, waitForView } from './harness/app-milestones';
import { repoRoot } from './harness/paths';

/** The path the `electron` package exports, when its postinstall download succeeded. */
function electronBinary(): string | undefined {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) console.log('Electron smoke skipped: no Electron binary on this machine (its download needs GitHub)');

describe('Electron smoke', () => {
  it.skipIf(!binary)('opens the desktop window on Profiles with the fixture profiles, through the preload', async () => {
    const fixture = await createAwsFixture('typical');
    // Chromium refuses to start as root with its sandbox on (CI containers run as root).
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await _electron.launch({
      executablePath: binary,
      args: [...rootOnly, 'out/main/index.js', '--data-dir', fixture.dataDir],
      cwd: repoRoot,
      env: envForFixture(fixture) as Record<string, string>,
    });
    try {
      const window = await app.firstWindow();
      const view = await waitForView(window, 'profiles');
      expect(await view.locator('tbody tr[data-profile]').count()).toBe(8);
      expect(await window.getByRole('contentinfo').innerText()).toContain('Desktop app');
      await window.keyboard.press('Control+4');
      await waitForView(window, 'findings');
      await saveScreenshot(window, 'electron-findings');
    } finally {
      await app.close();
      await fixture.remove();
    }
  });
});
