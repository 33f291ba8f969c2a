import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './harness/browser';
import { saveScreenshot, viewIds, waitForShell, waitForView, type ViewId } from './harness/app-milestones';
import { focusedElement } from './harness/page-probes';
import { useWebApp } from './harness/use-web-app';

const suite = useWebApp('typical');

const titles: Record<ViewId, string> = { profiles: 'Profiles', activity: 'Activity', events: 'Events', findings: 'Findings', reports: 'Reports' };

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

async function open(hash?: string) {
  const { app, browser } = suite();
  current = await openApp(browser, app.url, { hash });
  await waitForShell(current.page);
  return current.page;
}

describe('navigation', () => {
  it('opens on Profiles with the landmarks a screen reader expects', async () => {
    const page = await open();
    await waitForView(page, 'profiles');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Views' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Profiles');
    // The token moved from the address bar to sessionStorage.
    expect(page.url()).not.toContain('token=');
  });

  it('clicks through every view from the navigation, with a screenshot of each', async () => {
    const page = await open();
    await waitForView(page, 'profiles');
    for (const view of [...viewIds.slice(1), 'profiles' as const]) {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${titles[view]}`) }).click();
      await waitForView(page, view);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(titles[view]);
      expect(await page.locator('.side-nav__link[aria-current="page"] .side-nav__label').textContent()).toBe(titles[view]);
      expect(page.url()).toMatch(new RegExp(`#/${view}$`));
      await saveScreenshot(page, view);
    }
  });

  it('switches views with Ctrl+1..5 and with g then a letter', async () => {
    const page = await open();
    await waitForView(page, 'profiles');
    for (const [index, view] of viewIds.entries()) {
      await page.keyboard.press(`Control+${index + 1}`);
      await waitForView(page, view);
    }
    for (const [letter, view] of [['a', 'activity'], ['f', 'findings'], ['p', 'profiles']] as const) {
      await page.keyboard.press('g');
      await page.keyboard.press(letter);
      await waitForView(page, view);
    }
    // A navigation moves focus to the new view's title, so it is announced.
    expect((await focusedElement(page)).id).toBe('view-title');
  });

  it('deep-links with the hash, keeps the view across a reload, and follows Back', async () => {
    const page = await open('#/findings');
    await waitForView(page, 'findings');
    await page.reload();
    await waitForView(page, 'findings');
    await page.getByRole('link', { name: /^Events/ }).click();
    await waitForView(page, 'events');
    await page.goBack();
    await waitForView(page, 'findings');
  });

  it('is usable from the keyboard: skip link first, then the header and the navigation', async () => {
    const page = await open();
    await waitForView(page, 'profiles');
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).text).toBe('Skip to main content');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).testId).toBe('workspace-selector');
    await page.keyboard.press('Tab'); // Profiles
    await page.keyboard.press('Tab'); // Activity
    expect((await focusedElement(page)).href).toBe('#/activity');
    // The focus ring is drawn, not suppressed.
    expect((await focusedElement(page)).outlineStyle).toBe('solid');
    await page.keyboard.press('Enter');
    await waitForView(page, 'activity');

    await page.reload();
    await waitForView(page, 'activity');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focusedElement(page)).id).toBe('main');
    expect(page.url()).toMatch(/#\/activity$/);
  });

  it('focuses the view search with "/" and filters the profiles as you type', async () => {
    const page = await open();
    const view = await waitForView(page, 'profiles');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    expect((await focusedElement(page)).label).toBe('Filter profiles');
    await page.keyboard.type('eu-west');
    await view.locator('tbody tr[data-profile]').first().waitFor();
    const names = await view.locator('tbody tr[data-profile]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile')));
    expect(names).toEqual(['default', 'console', 'vault']);
    // "g" inside the field is typing, not a shortcut.
    await page.keyboard.type(' g');
    expect(await page.getByRole('searchbox').inputValue()).toBe('eu-west g');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('searchbox').inputValue()).toBe('');
    expect(await view.locator('tbody tr[data-profile]').count()).toBe(8);
  });
});
