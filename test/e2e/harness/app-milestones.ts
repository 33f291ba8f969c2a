import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { screenshotDir } from './paths';

export const viewIds = ['profiles', 'activity', 'events', 'findings', 'reports'] as const;
export type ViewId = (typeof viewIds)[number];

/** A view is ready when it flips data-ready: its data (or its error) is on screen. */
export function readyView(page: Page, view: ViewId): Locator {
  return page.locator(`[data-view="${view}"][data-ready="true"]`);
}

export async function waitForView(page: Page, view: ViewId): Promise<Locator> {
  const locator = readyView(page, view);
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** The app's own "connected" milestone: app:info answered and the status bar shows the face. */
export async function waitForShell(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByText('Browser mode').waitFor();
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
