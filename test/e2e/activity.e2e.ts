import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { openApp, type AppPage } from './harness/browser';
import { useWebApp } from './harness/use-web-app';
import type { WebApp } from './harness/web-app';

const suite = useWebApp('empty');

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

interface SyncStatusAnswer {
  accountRegions: { state: string }[];
  runningJobId?: string;
}
interface StatsAnswer {
  perDay: { day: string; account: string; count: number }[];
  topEventNames: { value: string; count: number }[];
}

/** The demo, synced once for the file (by the first test, from the UI); a test run alone syncs through the channels. */
async function openDemoSynced(app: WebApp) {
  await app.invoke('workspace:open-demo');
  const status = (await app.invoke('sync:status')) as SyncStatusAnswer;
  if (status.accountRegions.some((s) => s.state === 'done')) return;
  await app.invoke('sync:start', {});
  await expect.poll(async () => ((await app.invoke('sync:status')) as SyncStatusAnswer).runningJobId, { timeout: 60_000, interval: 250 }).toBeUndefined();
}

async function openActivity(colorScheme: 'light' | 'dark' = 'light') {
  const { app, browser } = suite();
  await openDemoSynced(app);
  current = await openApp(browser, app.url, { colorScheme, hash: '#/activity' });
  await waitForShell(current.page);
  const view = await waitForView(current.page, 'activity');
  await view.getByTestId('activity-charts').waitFor();
  return { app, page: current.page, view };
}

const thirtyDays = () => ({ from: new Date(Date.now() - 30 * 86_400_000).toISOString() });
const sum = (perDay: StatsAnswer['perDay']) => perDay.reduce((s, d) => s + d.count, 0);

async function expectEventsView(page: Page, query: string) {
  await waitForView(page, 'events');
  await page.locator(`.events-view[data-search-state="ready"][data-search-query=${JSON.stringify(query)}]`).waitFor();
}

describe('Activity view', () => {
  it('explains an empty index, and fills in once the demo is synced from there', async () => {
    const { app, browser } = suite();
    await app.invoke('workspace:open-demo');
    current = await openApp(browser, app.url, { hash: '#/activity' });
    await waitForShell(current.page);
    const view = await waitForView(current.page, 'activity');
    const empty = view.getByTestId('activity-empty');
    await empty.getByRole('heading', { name: 'No CloudTrail events in the local index yet' }).waitFor();
    expect(await empty.locator('.scope').innerText()).toContain('7 active profiles');
    await saveScreenshot(current.page, 'activity-empty');

    await empty.getByRole('button', { name: 'Sync the demo workspace' }).click();
    // New events redraw the charts by themselves; the job's end shows in the jobs tray.
    await view.getByTestId('activity-charts').waitFor({ timeout: 60_000 });
    await current.page.getByTestId('jobs-button').getByText('1 finished').waitFor({ timeout: 60_000 });
    expect(((await app.invoke('sync:status')) as SyncStatusAnswer).accountRegions.every((s) => s.state === 'done')).toBe(true);
  });

  it('charts events per day, errors, read/write and the top values, each with a table', async () => {
    const { app, page, view } = await openActivity();
    const stats = (await app.invoke('events:stats', { query: '', filters: thirtyDays() })) as StatsAnswer;
    const total = sum(stats.perDay);
    const accounts = new Set(stats.perDay.map((d) => d.account)).size;
    expect(total).toBeGreaterThan(100);
    expect(await view.getByTestId('activity-summary').innerText()).toBe(`${total.toLocaleString("en-US")} events in the last 30 days, across ${accounts} accounts.`);

    const perDay = view.getByTestId('chart-events-per-day');
    expect(await perDay.getByRole('heading').innerText()).toBe('Events per day, by account');
    expect(await perDay.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20);
    expect(await perDay.locator('.recharts-legend-item').count()).toBe(accounts);
    expect(await perDay.locator('.chart-card__chart').getAttribute('aria-label')).toContain(`${total} in all`);
    await saveScreenshot(page, 'activity');

    // The table fallback holds the same numbers.
    await perDay.getByText('Show as table').click();
    const totals = await perDay.locator('table tbody tr td:last-child').allInnerTexts();
    expect(totals.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0)).toBe(total);

    const errors = (await app.invoke('events:stats', { query: '', filters: { ...thirtyDays(), errors: true } })) as StatsAnswer;
    const errorsCard = view.getByTestId('chart-errors-per-day');
    const [denied, other] = (await errorsCard.locator('.chart-card__subtitle strong').allInnerTexts()).map(Number);
    expect(denied! + other!).toBe(sum(errors.perDay));
    expect(denied).toBeGreaterThan(0);

    const top = view.getByTestId('chart-top-events');
    await top.getByText('Show as table').click();
    expect(await top.locator('tbody th').first().innerText()).toBe(stats.topEventNames[0]!.value);
    expect(await view.getByTestId('chart-read-write').innerText()).toMatch(/Writes\s+\d+ %/);
    await saveScreenshot(page, 'activity-tables');
  });

  it('opens the events behind a bar: that account on that UTC day', async () => {
    const { app, page, view } = await openActivity();
    const bar = view.getByTestId('chart-events-per-day').locator('.recharts-bar-rectangle path').last();
    await bar.click();
    await waitForView(page, 'events');
    const hash = String(await page.evaluate('location.hash'));
    const query = decodeURIComponent(hash.replace(/^#\/events\?q=/, ''));
    expect(query).toMatch(/^account:\S+ time:\d{4}-\d{2}-\d{2}$/);
    await expectEventsView(page, query);
    const [, account, day] = /^account:(\S+) time:(\S+)$/.exec(query)!;
    const stats = (await app.invoke('events:stats', { query: '', filters: thirtyDays() })) as StatsAnswer;
    const expected = stats.perDay.find((d) => d.account === account && d.day === day)?.count;
    expect(Number(await page.locator('.events-view').getAttribute('data-total'))).toBe(expected);
    expect(new Set(await page.locator('[data-event-key] .col-account').allInnerTexts())).toEqual(new Set([account]));
  });

  it('links the top event names to Events, and a shorter range counts fewer events', async () => {
    const { app, page, view } = await openActivity();
    const all30 = Number((await view.getByTestId('activity-summary').locator('strong').innerText()).replace(/\D/g, ''));
    await view.getByTestId('activity-range').getByText('7 d').click();
    await view.locator('[data-testid="activity-summary"]', { hasText: 'in the last 7 days' }).waitFor();
    const all7 = Number((await view.getByTestId('activity-summary').locator('strong').innerText()).replace(/\D/g, ''));
    expect(all7).toBeLessThanOrEqual(all30);

    await view.getByTestId('activity-layout').getByText('Per account').click();
    expect(await view.locator('.small-multiple').count()).toBeGreaterThanOrEqual(7);
    await saveScreenshot(page, 'activity-per-account');

    const top = view.getByTestId('chart-top-events');
    await top.getByText('Show as table').click();
    const first = top.locator('tbody th a').first();
    const name = await first.innerText();
    await first.click();
    await expectEventsView(page, `eventname:${name} since:7d`);
    const { total } = (await app.invoke('events:search', { query: `eventname:${name} since:7d`, limit: 1 })) as { total: number };
    expect(Number(await page.locator('.events-view').getAttribute('data-total'))).toBe(total);
  });

  it('follows a dark OS theme', async () => {
    const { page } = await openActivity('dark');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(17, 19, 24)');
    await saveScreenshot(page, 'activity-dark');
  });
});
