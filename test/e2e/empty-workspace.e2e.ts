import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './harness/browser';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { useWebApp } from './harness/use-web-app';

// A second server whose AWS files do not exist: the first-run experience.
const suite = useWebApp('empty');

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

describe('Profiles view without AWS profiles', () => {
  it('says where it looked and offers the demo workspace', async () => {
    const { app, browser, fixture } = suite();
    current = await openApp(browser, app.url);
    const { page } = current;
    await waitForShell(page);
    const view = await waitForView(page, 'profiles');
    const empty = view.getByTestId('no-profiles');
    const heading = (await empty.getByRole('heading').innerText()).replace(/\s+/g, ' ');
    expect(heading).toBe(`No AWS profiles found in ${fixture.configFile} or ${fixture.credentialsFile}`);

    expect(await empty.getByTestId('open-demo').innerText()).toBe('Open the demo workspace');
    expect(await page.getByTestId('workspace-selector').innerText()).toContain('0 of 0');
    expect(await view.getByRole('table').count()).toBe(0);
    await saveScreenshot(page, 'profiles-empty');
  });

  it('opens the demo workspace from the empty state, and goes back', async () => {
    const { app, browser } = suite();
    current = await openApp(browser, app.url);
    const { page } = current;
    const view = await waitForView(page, 'profiles');
    await view.getByTestId('open-demo').click();
    // The demo's profiles replace the empty state; the header says where the data comes from.
    await page.getByTestId('demo-badge').waitFor();
    const firstDemoRow = view.locator('tbody tr[data-profile^="demo-"]').first();
    await firstDemoRow.waitFor();
    await waitForView(page, 'profiles');
    const selector = page.getByTestId('workspace-selector');
    expect(await selector.innerText()).toMatch(/\d+ of \d+/);
    expect(await view.locator('.files-read').innerText()).toContain('demo');
    await saveScreenshot(page, 'profiles-demo');

    // A first look fills itself: CloudTrail and findings syncs started with the workspace, and
    // the Events view shows events without a click on Sync.
    const jobKinds = async () => ((await app.invoke('jobs:list')) as Array<{ kind: string }>).map((job) => job.kind).sort();
    await expect.poll(jobKinds, { timeout: 10_000, interval: 100 }).toEqual(['findings-sync', 'trail-sync']);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Events/ }).click();
    const events = await waitForView(page, 'events');
    await events.locator('[data-event-key]').first().waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'events-demo-first-look');

    // Going back stops what still ran against the demo's emulator.
    await page.getByRole('button', { name: 'Back to my AWS profiles' }).click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Profiles/ }).click();
    await view.getByTestId('no-profiles').waitFor();
    expect(await page.getByTestId('demo-badge').count()).toBe(0);
    const after = (await app.invoke('jobs:list')) as Array<{ id: string; state: string }>;
    for (const job of after) expect(job.state).toMatch(/done|cancelled/);
  });

  it('still shows the other views, saying that no profile is active', async () => {
    const { app, browser } = suite();
    current = await openApp(browser, app.url, { hash: '#/events' });
    await waitForShell(current.page);
    const view = await waitForView(current.page, 'events');
    expect(await view.locator('.scope').innerText()).toContain('No profile is active');
  });
});
