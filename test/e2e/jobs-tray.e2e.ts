import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './harness/browser';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { answerChannel } from './harness/invoke-route';
import { useWebApp } from './harness/use-web-app';

const suite = useWebApp('typical');

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

const now = Date.parse('2025-06-02T09:00:00Z');
const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();

// No channel starts a job yet, so the core's answers are stood in for with the contract's shapes:
// a running sync and a failed import from jobs:list, and a report that arrives by jobs:progress.
const listedJobs = [
  { id: 'job-sync', kind: 'trail-sync', title: 'Sync CloudTrail · prod-audit', state: 'running', step: 'eu-central-1 · 333333333333', current: 1240, total: 4000, etaMs: 150_000, startedAt: at(60) },
  { id: 'job-import', kind: 'trail-import', title: 'Import trail archive', state: 'failed', step: 'Reading 2025/05/31', current: 12, total: 40, message: 'AccessDenied on s3://org-trail/AWSLogs: the role cannot read the bucket.', startedAt: at(600), endedAt: at(540) },
];
const reportJob = { id: 'job-report', kind: 'report', title: 'Export evidence report', state: 'running', step: 'Collecting findings', current: 3, startedAt: at(5) };
const progressFrame = `event: jobs:progress\ndata: ${JSON.stringify({ jobId: reportJob.id, step: reportJob.step, current: reportJob.current, job: reportJob })}\n\n`;

describe('jobs tray', () => {
  it('says there is nothing running when the core has no jobs', async () => {
    const { app, browser } = suite();
    current = await openApp(browser, app.url);
    await waitForShell(current.page);
    const button = current.page.getByTestId('jobs-button');
    expect(await button.innerText()).toContain('Jobs: none');
    await button.click();
    expect(await current.page.getByRole('region', { name: 'Jobs' }).innerText()).toContain('No jobs in this session yet');
  });

  it('renders jobs from jobs:list and jobs:progress, and cancels through jobs:cancel', async () => {
    const { app, browser } = suite();
    current = await openApp(browser, 'about:blank');
    const { page } = current;
    const cancelled: unknown[] = [];
    await answerChannel(page, 'jobs:list', () => ({ ok: true, data: listedJobs }));
    await answerChannel(page, 'jobs:cancel', (input) => {
      cancelled.push(input);
      return { ok: true, data: { cancelled: true } };
    });
    await page.route(
      (url) => url.pathname === '/api/events',
      (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: `: connected\n\n${progressFrame}` }),
    );
    await page.goto(app.url);
    await waitForShell(page);
    await waitForView(page, 'profiles');

    const button = page.getByTestId('jobs-button');
    await page.locator('[data-testid="jobs-button"][data-active-jobs="2"]').waitFor();
    expect(await button.innerText()).toContain('2 running');
    await button.click();
    const tray = page.getByRole('region', { name: 'Jobs' });
    const sync = tray.locator('[data-job-id="job-sync"]');
    await sync.waitFor();

    const bar = sync.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('1240');
    expect(await bar.getAttribute('aria-valuemax')).toBe('4000');
    expect(await sync.innerText()).toContain('eu-central-1 · 333333333333');
    expect(await sync.innerText()).toContain('1,240 of 4,000 · 31 % · about 3 min left');

    const report = tray.locator('[data-job-id="job-report"]');
    expect(await report.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(await report.innerText()).toContain('Collecting findings');

    const failed = tray.locator('[data-job-id="job-import"]');
    expect(await failed.innerText()).toContain('Failed');
    expect(await failed.innerText()).toContain('AccessDenied on s3://org-trail/AWSLogs');
    expect(await failed.getByRole('button', { name: 'Cancel' }).count()).toBe(0);

    expect(await tray.locator('[data-job-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-job-id')))).toEqual(['job-report', 'job-sync', 'job-import']);
    await saveScreenshot(page, 'jobs-tray');

    await sync.getByRole('button', { name: 'Cancel' }).click();
    await sync.getByRole('button', { name: 'Cancel' }).waitFor();
    expect(cancelled).toEqual([{ jobId: 'job-sync' }]);
    await waitForView(page, 'profiles');
  });
});
