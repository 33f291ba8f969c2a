import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './harness/browser';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { answerChannel } from './harness/invoke-route';
import { useWebApp } from './harness/use-web-app';

const suite = useWebApp('typical');

let current: AppPage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** Opens the app with profiles:list failing the way the core reports a failure. */
async function openWithFailingProfiles(error: { code: string; message: string }) {
  const { app, browser } = suite();
  current = await openApp(browser, 'about:blank');
  const { page } = current;
  const restore = await answerChannel(page, 'profiles:list', () => ({ ok: false, error }));
  await page.goto(app.url);
  await waitForShell(page);
  return { page, restore, view: await waitForView(page, 'profiles') };
}

describe('errors from the core', () => {
  it('shows a failing channel in place, keeps the shell usable, and recovers on "Try again"', async () => {
    const message = 'Cannot read /home/auditor/.aws/config (EACCES): check the file permissions.';
    const { page, view, restore } = await openWithFailingProfiles({ code: 'profiles:unreadable', message });
    const alert = view.getByRole('alert');
    expect(await alert.innerText()).toContain('Could not read the AWS profiles');
    expect(await alert.innerText()).toContain(message);
    expect(await alert.innerText()).toContain('profiles:unreadable');
    expect(await page.getByTestId('workspace-selector').innerText()).toContain('unavailable');
    await saveScreenshot(page, 'profiles-error');

    await page.keyboard.press('Control+2');
    await waitForView(page, 'activity');
    await page.keyboard.press('Control+1');
    await waitForView(page, 'profiles');

    await restore();
    await view.getByRole('button', { name: 'Try again' }).click();
    await view.locator('tr[data-profile="default"]').waitFor();
    expect(await view.getByRole('alert').count()).toBe(0);
  });

  it('says the core is unreachable when the server is gone, instead of a blank screen', async () => {
    const { app, browser } = suite();
    current = await openApp(browser, 'about:blank');
    const { page } = current;
    await page.route((url) => url.pathname.startsWith('/api/invoke/'), (route) => route.abort('connectionrefused'));
    await page.goto(app.url);
    const view = await waitForView(page, 'profiles');
    expect(await view.getByRole('alert').innerText()).toContain('Lost the connection to Auditdesk');
    expect(await page.getByRole('contentinfo').innerText()).toContain('Core unreachable');
  });
});
