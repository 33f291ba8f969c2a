import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { openApp, type AppPage } from './harness/browser';
import { screenshotDir } from './harness/paths';
import { useWebApp } from './harness/use-web-app';

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

describe('Reports on the demo workspace', () => {
  it('generates an events CSV and PDF from the view, downloads them and lists them', async () => {
    const { app, browser } = suite();
    await app.invoke('workspace:open-demo');
    await app.invoke('sync:start', {});
    await expect.poll(async () => ((await app.invoke('sync:status')) as SyncStatusAnswer).runningJobId, { timeout: 60_000, interval: 250 }).toBeUndefined();
    const status = (await app.invoke('sync:status')) as SyncStatusAnswer;
    expect(status.accountRegions.some((s) => s.state === 'done')).toBe(true);

    current = await openApp(browser, app.url, { hash: '#/reports' });
    const { page } = current;
    await waitForShell(page);
    const view = await waitForView(page, 'reports');
    await view.getByTestId('reports-empty').waitFor();

    // CSV of one query: the header, then rows of that event name.
    await view.getByTestId('report-format').getByText('CSV').click();
    await view.getByTestId('report-query').fill('eventName:AssumeRole');
    await view.getByTestId('report-generate').click();
    const result = view.getByTestId('report-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/\.csv/);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), result.getByTestId('report-download').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^auditdesk-events-.*\.csv$/);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('eventTime,eventName,eventSource,account,region,principal,principalType,sourceIp,errorCode,readOnly,accessKeyId,resources,eventId,source,retrievedAt');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'AssumeRole')).toBe(true);
    expect(csv).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);

    // PDF of everything, titled.
    await view.getByTestId('report-format').getByText('PDF').click();
    await view.getByTestId('report-query').fill('');
    await view.getByTestId('report-title').fill('Demo organisation, all activity');
    await view.getByTestId('report-generate').click();
    await view.getByTestId('report-path').filter({ hasText: /\.pdf$/ }).waitFor();
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), view.getByTestId('report-download').click()]);
    await mkdir(screenshotDir, { recursive: true });
    const pdfPath = join(screenshotDir, 'reports.pdf');
    await pdfDownload.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Demo organisation, all activity');
    expect(text).toMatch(/Workspace\s+demo/);
    expect(text).toContain('Covered from');
    expect(text).toMatch(/Records were read from CloudTrail LookupEvents/);
    expect(text).toMatch(/Page 1 of \d+/);

    const list = view.getByTestId('reports-list');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    expect(await list.locator('tbody tr').first().innerText()).toContain('Demo organisation, all activity');
    await saveScreenshot(page, 'reports');
  });
});
