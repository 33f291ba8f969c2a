import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags that keep a headless Chromium quiet and offline apart from our loopback server. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.AUDITDESK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface AppPage {
  page: Page;
  /** Uncaught page errors and console errors seen so far; a healthy run has none. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh context per test: its own sessionStorage, so the token in the URL is taken anew. */
export async function openApp(browser: Browser, url: string, options: { colorScheme?: 'light' | 'dark'; hash?: string } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(options.hash ? `${url}${options.hash}` : url);
  return { page, problems, close: () => context.close() };
}
