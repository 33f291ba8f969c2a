import { afterEach, describe, expect, it } from 'vitest';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { openApp, type AppPage } from './harness/browser';
import { useWebApp } from './harness/use-web-app';

const suite = useWebApp('empty');

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

type Get = { finding: { status: string; triage?: { action: string } }; annotations: { justification: string; action: string; newStatus?: string }[] };

const JUSTIFICATION = 'Shared with the audit vendor under contract 2024-17; approved by the data owner.';

describe('Findings inbox on the demo workspace', () => {
  it('syncs every analyzer, shows the gaps, opens a finding and archives it with a justification', async () => {
    const { app, browser } = suite();
    // What `auditdesk web --demo` does at start, through the same channel the app's button uses.
    await app.invoke('workspace:open-demo');
    current = await openApp(browser, app.url, { hash: '#/findings' });
    const { page } = current;
    await waitForShell(page);
    const view = await waitForView(page, 'findings');
    await view.getByTestId('findings-empty').waitFor();

    // Access Analyzer is regional: add the demo organisation's other regions to the sync.
    await view.getByTestId('findings-regions-button').click();
    const regions = page.getByRole('dialog', { name: 'Regions to sync' });
    for (const region of ['eu-west-1', 'eu-central-1', 'ap-southeast-2']) await regions.getByLabel(region).check();
    await page.keyboard.press('Escape');
    await regions.waitFor({ state: 'detached' });
    expect(await view.getByTestId('findings-regions-button').innerText()).toContain('+3');

    await view.getByTestId('findings-sync-button').click();
    // The job's end: coverage is read once the sync finished, and the button comes back.
    await view.getByTestId('coverage-summary').waitFor({ timeout: 60_000 });
    await view.getByTestId('findings-sync-button').waitFor();
    const rows = view.locator('[data-testid="findings-grid"] tr.findings-row');
    await rows.first().waitFor();
    expect(await view.getByTestId('findings-summary').innerText()).toMatch(/^\d+ findings of \d+ · synced just now$/);
    expect(await view.getByTestId('coverage-summary').innerText()).toMatch(/without an external access analyzer/);
    // Most severe first: the first rows are public access.
    expect(await rows.first().locator('td.col-severity').innerText()).toBe('Public');
    expect(await rows.count()).toBeGreaterThan(20);
    await view.getByRole('button', { name: 'Show coverage' }).click();
    await view.locator('.coverage__cell[data-status="missing"]').first().waitFor();
    await saveScreenshot(page, 'findings-inbox');
    await view.getByRole('button', { name: 'Hide coverage' }).click();

    // Open the first finding: who can access what, and the way to its CloudTrail evidence.
    const first = rows.first();
    const findingId = await first.getAttribute('data-finding-id');
    await first.click();
    const pane = view.locator('[data-testid="finding-pane"][data-ready="true"]');
    await pane.waitFor();
    expect(await pane.getByRole('heading', { name: 'Who can access what' }).count()).toBe(1);
    expect(await pane.innerText()).toContain('Yes: anyone can access it');
    const evidence = pane.getByTestId('evidence-link');
    expect(await evidence.getAttribute('href')).toMatch(/^#\/events\?q=resource%3A%22arn%3Aaws%3A/);

    // Archive: the justification is required before the button does anything.
    await pane.getByRole('button', { name: 'Archive…' }).click();
    const dialog = page.getByTestId('triage-dialog');
    await dialog.waitFor();
    const submit = dialog.getByTestId('triage-submit');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByTestId('triage-justification').fill('too short');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByTestId('triage-justification').fill(JUSTIFICATION);
    await saveScreenshot(page, 'findings-archive-dialog');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    await pane.getByTestId('finding-log').getByText(JUSTIFICATION).waitFor();
    expect(await pane.locator('.finding-pane__badges').innerText()).toContain('Archived');
    await saveScreenshot(page, 'findings-archived');

    // The core recorded it, after AWS (the demo's emulator) accepted UpdateFindings.
    const listed = (await app.invoke('findings:list', { filters: { text: findingId }, limit: 5 })) as { rows: { id: string; analyzerArn: string }[] };
    const ref = listed.rows.find((r) => r.id === findingId);
    if (!ref) throw new Error(`finding ${findingId} not listed`);
    const got = (await app.invoke('findings:get', { id: ref.id, analyzerArn: ref.analyzerArn })) as Get;
    expect(got.finding.status).toBe('ARCHIVED');
    expect(got.annotations[0]).toMatchObject({ action: 'archive', justification: JUSTIFICATION, newStatus: 'ARCHIVED' });

    // Keyboard: Escape closes the pane, arrows move, Space selects, the bulk bar appears.
    // Focus went to the pane's title: the Archive button that had it is gone.
    await expect.poll(() => page.evaluate('document.activeElement?.className')).toBe('finding-pane__title');
    await page.keyboard.press('Escape');
    await pane.waitFor({ state: 'detached' });
    const grid = view.getByTestId('findings-grid');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    const bar = view.getByTestId('selection-bar');
    expect(await bar.innerText()).toContain('2 findings selected');
    const chosen = await view.locator('tr.findings-row[aria-selected="true"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')));
    expect(chosen).toHaveLength(2);

    // Bulk archive: one justification for both, one UpdateFindings per analyzer.
    await bar.getByRole('button', { name: /^Archive/ }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe('Archive 2 findings');
    await dialog.getByTestId('triage-justification').fill('Both are the public website bucket; approved in SEC-204.');
    await dialog.getByTestId('triage-submit').click();
    await dialog.waitFor({ state: 'detached' });
    // Archived findings leave the Active inbox; with nothing selected the filter chips are back.
    await view.getByTestId('filter-chips').waitFor();
    for (const id of chosen) await view.locator(`tr.findings-row[data-finding-id="${id}"]`).waitFor({ state: 'detached' });
    expect(await view.getByTestId('findings-summary').innerText()).toMatch(/^\d+ findings of \d+/);
    await saveScreenshot(page, 'findings-after-bulk');
  });

  it('shows what went unused, in the dark theme', async () => {
    const { app, browser } = suite();
    await app.invoke('workspace:open-demo');
    current = await openApp(browser, app.url, { hash: '#/findings', colorScheme: 'dark' });
    const { page } = current;
    await waitForShell(page);
    const view = await waitForView(page, 'findings');
    // The index kept the first test's findings: no new sync is needed to show them.
    const rows = view.locator('[data-testid="findings-grid"] tr.findings-row');
    await rows.first().waitFor();
    await view.getByTestId('findings-facets').getByLabel('Unused permissions').check();
    // The rows on screen answer the new filter (the table says which query its rows are for).
    await view.locator('[data-testid="findings-table"][data-shown-for*="UnusedPermission"]').waitFor();
    expect(await rows.first().locator('td.col-severity').innerText()).toBe('Unused');
    await rows.first().click();
    const pane = view.locator('[data-testid="finding-pane"][data-ready="true"]');
    await pane.getByRole('heading', { name: 'What went unused' }).waitFor();
    expect(await pane.getByRole('table').getByRole('columnheader').allInnerTexts()).toEqual(['Service', 'Last used', 'Unused actions']);
    expect(decodeURIComponent((await pane.getByTestId('evidence-link').getAttribute('href')) ?? '')).toMatch(/^#\/events\?q=principal:(role|user)\/[^ ]+ account:\d{12} since:90d$/);
    await saveScreenshot(page, 'findings-unused-dark');
  });
});
