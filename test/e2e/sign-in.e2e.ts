import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { startTestAws, type TestAws } from '../aws/aws-test-env';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { openApp } from './harness/browser';
import { screenshotDir } from './harness/paths';
import { startWebApp, type WebApp } from './harness/web-app';

type Listing = { sessions: Array<{ ssoSession?: string; status: string; deviceCode?: { userCode: string; verificationUriComplete?: string } }> };

/**
 * The device-code sign-in as a person does it: the app (browser mode, the built CLI) starts it
 * and shows a code; the person opens the verification page in a real browser, checks the code
 * and clicks Approve; the app's sign-in completes.
 */
describe('IAM Identity Center device sign-in, approved in Chromium', () => {
  let aws: TestAws;
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    // The app's "open in the system browser" would run xdg-open; here Chromium below is the browser.
    vi.stubEnv('BROWSER', 'true');
    aws = await startTestAws();
    app = await startWebApp({ dir: aws.home, configFile: aws.configFile, credentialsFile: join(aws.dir, 'credentials'), dataDir: aws.dataDir, remove: async () => undefined });
    browser = await chromium.launch({
      executablePath: process.env.AUDITDESK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await aws?.stop();
    vi.unstubAllEnvs();
  });

  it('shows the code in the app, and signs in once Approve is clicked on the verification page', async () => {
    const signingIn = app.invoke('sessions:sign-in', { ssoSession: SSO_SESSION_NAME, flow: 'device' });
    // Awaited below; until then a failure must not surface as an unhandled rejection.
    signingIn.catch(() => undefined);
    let prompt: { userCode: string; verificationUriComplete?: string } | undefined;
    await expect
      .poll(
        async () => {
          const listing = (await app.invoke('sessions:list')) as Listing;
          prompt = listing.sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.deviceCode;
          return prompt?.userCode;
        },
        { timeout: 15_000 },
      )
      .toMatch(/^[A-Z]{4}-[A-Z]{4}$/);

    const page = await browser.newPage();
    await page.goto(prompt?.verificationUriComplete ?? '');
    expect(await page.locator('#user-code').innerText()).toBe(prompt?.userCode);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Request approved' }).waitFor({ timeout: 10_000 });
    await page.close();

    expect(await signingIn).toMatchObject({ ssoSession: SSO_SESSION_NAME, status: 'signed-in' });
    expect(await app.invoke('sessions:identity', { profile: 'demo-security-audit' })).toMatchObject({ account: aws.account('security-audit') });
  });

  it('adds a discovered account and role as a profile the workspace lists, switched on, and that can be switched off like any other', async () => {
    // After the sign-in above: the session's accounts and roles can be looked up.
    const added = 'staging-AdministratorAccess';
    const opened = await openApp(browser, app.url, { hash: '#/profiles' });
    try {
      const { page } = opened;
      await waitForShell(page);
      const view = await waitForView(page, 'profiles');
      const discovery = view.getByTestId('discovery');
      await discovery.getByRole('button', { name: 'Find accounts and roles' }).click();
      await discovery.locator(`tr[data-account="${aws.account('staging')}"][data-role="AdministratorAccess"]`).getByRole('button', { name: 'Add to workspace' }).click();

      const row = view.locator(`tr[data-profile="${added}"]`);
      await row.waitFor();
      expect(await row.locator('td.col-name').innerText()).toBe(`${added}\nadded this run`);
      expect(await row.getByRole('checkbox').isChecked()).toBe(true);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'profiles-discovered-row.png') });

      await page.getByTestId('workspace-selector').click();
      const entry = page.getByRole('dialog', { name: 'Active profiles' }).locator('label', { hasText: added });
      expect(await entry.getByRole('checkbox').isChecked()).toBe(true);
      await entry.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'profiles-discovered-added');
      await entry.getByRole('checkbox').uncheck();
      await expect.poll(async () => ((await app.invoke('workspace:get')) as { activeProfiles: string[] }).activeProfiles.includes(added)).toBe(false);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
