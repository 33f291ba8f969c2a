import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createAwsFixture, type AwsFixture } from './aws-fixture';
import { launchBrowser } from './browser';
import { startWebApp, type WebApp } from './web-app';

export interface WebAppSuite {
  fixture: AwsFixture;
  app: WebApp;
  browser: Browser;
}

/**
 * One server and one browser per test file, torn down even when a test fails. Returns a getter:
 * the values exist only once beforeAll has run.
 */
export function useWebApp(variant: 'typical' | 'empty'): () => WebAppSuite {
  let suite: WebAppSuite | undefined;
  let fixture: AwsFixture | undefined;
  let app: WebApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    fixture = await createAwsFixture(variant);
    app = await startWebApp(fixture);
    browser = await launchBrowser();
    suite = { fixture, app, browser };
  });

  // The core keeps the workspace (active profiles, demo or not) between page loads: each test
  // starts from a fresh core's state, whatever the test before it chose.
  beforeEach(async () => {
    await app?.reset();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fixture?.remove();
  });

  return () => {
    if (!suite) throw new Error('useWebApp: the suite has not started (beforeAll failed?)');
    return suite;
  };
}
