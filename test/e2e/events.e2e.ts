import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { openApp, type AppPage } from './harness/browser';
import { answerChannel } from './harness/invoke-route';
import { focusedElement, inputCharacterLeft, selectedInputText } from './harness/page-probes';
import { useWebApp } from './harness/use-web-app';
import type { WebApp } from './harness/web-app';

// One server per file: the local index lives in its data folder, so the demo is synced once (by
// the first test, through the UI) and the later tests search what that sync stored.
const suite = useWebApp('empty');

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

interface SearchAnswer {
  rows: { key: string; eventName: string | null; principal: string; eventTime: string | null }[];
  total: number;
}
interface SyncStatusAnswer {
  accountRegions: { accountId: string; region: string; state: string }[];
  runningJobId?: string;
}

const search = (app: WebApp, query: string) => app.invoke('events:search', { query, limit: 5 }) as Promise<SearchAnswer>;

/** The demo synced through the channels, for a test run on its own (the first test syncs through the UI). */
async function ensureDemoSynced(app: WebApp) {
  const status = (await app.invoke('sync:status')) as SyncStatusAnswer;
  if (status.accountRegions.some((s) => s.state === 'done')) return;
  await app.invoke('sync:start', {});
  await expect.poll(async () => ((await app.invoke('sync:status')) as SyncStatusAnswer).runningJobId, { timeout: 60_000, interval: 250 }).toBeUndefined();
}

async function openEvents(options: { colorScheme?: 'light' | 'dark'; hash?: string; sync?: boolean } = {}) {
  const { app, browser } = suite();
  await app.invoke('workspace:open-demo');
  if (options.sync !== false) await ensureDemoSynced(app);
  current = await openApp(browser, app.url, { colorScheme: options.colorScheme, hash: options.hash ?? '#/events' });
  await waitForShell(current.page);
  const view = await waitForView(current.page, 'events');
  return { app, page: current.page, view };
}

/** The view's milestone for one search: its answer (not an earlier one's) is on screen. */
function searchSettled(page: Page, composedQuery: string) {
  return page.locator(`.events-view[data-search-state="ready"][data-search-query=${JSON.stringify(composedQuery)}]`).waitFor();
}

async function runQuery(page: Page, query: string) {
  await page.getByTestId('query-input').fill(query);
  await page.getByTestId('query-input').press('Enter');
  await searchSettled(page, query);
}

const shownTotal = async (page: Page) => Number(await page.locator('.events-view').getAttribute('data-total'));
const columnTexts = (page: Page, column: string) => page.locator(`[data-event-key] .col-${column}`).allInnerTexts();

describe('Events view', () => {
  it('syncs the demo workspace from the empty state, with per account-region status', async () => {
    const { app, page, view } = await openEvents({ sync: false });
    const empty = view.getByTestId('no-events');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('No CloudTrail events in the local index yet');
    await saveScreenshot(page, 'events-empty');

    await empty.getByRole('button', { name: 'Sync the demo workspace' }).click();
    // The job's end, as the jobs tray and the status panel see it; then the list refreshes by itself.
    await page.locator('[data-testid="sync-status"][data-running="false"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('jobs-button').getByText('1 finished').waitFor();
    const { total } = await search(app, '');
    expect(total).toBeGreaterThan(300);
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(total);
    await page.getByTestId('events-table').waitFor();
    expect(await page.getByTestId('result-count').innerText()).toContain(`${total.toLocaleString('en-US')} events match`);

    const status = page.getByTestId('sync-status');
    const status_ = (await app.invoke('sync:status')) as SyncStatusAnswer;
    expect(await status.innerText()).toContain(`${status_.accountRegions.length} account-regions · ${status_.accountRegions.length} complete`);
    await status.locator('summary').click();
    expect(await status.locator('tr[data-state="done"]').count()).toBe(status_.accountRegions.length);
    expect(await status.locator('tr[data-account-region]').first().innerText()).toContain('Complete');

    // Newest first, with the facets of the whole index beside them.
    const times = await page.locator('[data-event-key] .col-time span').evaluateAll((spans) => spans.map((s) => s.textContent ?? ''));
    expect(times.length).toBeGreaterThan(10);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.getByTestId('facets').locator('[data-facet="account"] [data-facet-value]').count()).toBeGreaterThanOrEqual(7);
    await saveScreenshot(page, 'events');
  });

  it('searches with the query language and shows where a query is wrong', async () => {
    const { app, page } = await openEvents();
    // `/` from anywhere focuses the query bar.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect((await focusedElement(page)).testId).toBe('query-input');

    await runQuery(page, 'eventName:GetPasswordData');
    const expected = await search(app, 'eventName:GetPasswordData');
    expect(expected.total).toBeGreaterThan(0);
    expect(await shownTotal(page)).toBe(expected.total);
    expect(new Set(await columnTexts(page, 'event'))).toEqual(new Set(['GetPasswordData']));
    expect(await page.evaluate('location.hash')).toBe('#/events?q=eventName%3AGetPasswordData');

    await page.getByTestId('query-input').fill('eventName:GetPasswordData principal:');
    await page.getByTestId('query-input').press('Enter');
    const problem = page.getByTestId('query-error');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('Expected a value after "principal:"');
    expect(await problem.locator('[data-position]').getAttribute('data-position')).toBe('36');
    expect(await problem.innerText()).toContain('column 37');
    // The sentence is for people: the column is shown beside the mark, not as "(at column 37)".
    expect(await problem.innerText()).not.toContain('(at column');
    expect(await page.getByTestId('query-input').getAttribute('aria-invalid')).toBe('true');

    // The position arrives as data (column and length), and the whole wrong word is marked,
    // below the bar and in the query bar itself, where it was typed.
    await page.getByTestId('query-input').fill('eventName:GetPasswordData nosuchfield:x');
    await page.getByTestId('query-input').press('Enter');
    await problem.getByText('Unknown field "nosuchfield"').waitFor();
    const where = problem.locator('[data-position]');
    expect([await where.getAttribute('data-position'), await where.getAttribute('data-length')]).toEqual(['26', '12']);
    expect(await where.locator('mark').innerText()).toBe('nosuchfield:');
    expect(await problem.innerText()).toContain('column 27');
    const inputMark = page.getByTestId('query-input-mark').locator('mark');
    expect(await inputMark.innerText()).toBe('nosuchfield:');
    // The mark lies over the characters it names: same left edge as the word in the input.
    const [markBox, inputBox] = [await inputMark.boundingBox(), await page.getByTestId('query-input').boundingBox()];
    expect(Math.abs(markBox!.x - (await inputCharacterLeft(page, 'query-input', 26)))).toBeLessThan(2);
    expect(markBox!.y).toBeGreaterThan(inputBox!.y);
    expect(markBox!.y + markBox!.height).toBeLessThan(inputBox!.y + inputBox!.height);
    await saveScreenshot(page, 'events-query-error');

    // A click on the marked query selects the wrong word in the input, ready to retype.
    await where.click();
    expect(await selectedInputText(page, 'query-input')).toBe('nosuchfield:');
    // Once the text changes the in-bar mark goes (it would point at the wrong characters); the message stays until the next search.
    await page.keyboard.type('eventsource:');
    expect(await page.getByTestId('query-input-mark').count()).toBe(0);
    expect(await problem.count()).toBe(1);

    // The syntax help puts an example in the query bar and runs it.
    await page.getByRole('button', { name: 'Syntax' }).click();
    const help = page.getByTestId('syntax-help');
    expect(await help.innerText()).toContain('principal');
    await help.getByRole('button', { name: 'eventname:ConsoleLogin', exact: true }).click();
    await searchSettled(page, 'eventname:ConsoleLogin');
    expect(await page.getByTestId('query-error').count()).toBe(0);
    expect(await shownTotal(page)).toBe((await search(app, 'eventname:ConsoleLogin')).total);
  });

  it('opens an event by keyboard, shows its record, copies it, and pivots on its principal', async () => {
    const { app, page } = await openEvents({ hash: '#/events?q=eventname%3AConsoleLogin' });
    await searchSettled(page, 'eventname:ConsoleLogin');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });

    const grid = page.getByTestId('events-table');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = page.locator('[data-event-key]').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const focus = await focusedElement(page);
    expect(focus.testId).toBe('events-table');
    expect(focus.outlineStyle).not.toBe('none');
    await page.keyboard.press('Enter');
    const key = await second.getAttribute('data-event-key');
    const detail = page.locator(`[data-testid="event-detail"][data-event-key=${JSON.stringify(key)}][data-loaded="true"]`);
    await detail.waitFor();
    expect(await detail.getByRole('heading', { level: 2 }).innerText()).toBe('ConsoleLogin');
    const raw = await detail.getByTestId('raw-json').innerText();
    expect(JSON.parse(raw)).toMatchObject({ eventName: 'ConsoleLogin' });
    await saveScreenshot(page, 'events-detail');

    await detail.getByRole('button', { name: 'Copy JSON' }).click();
    await detail.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(raw);

    // Back in the grid (arrows inside the detail scroll the detail), the detail follows the
    // selection; Escape closes it and gives the grid its focus back.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    const third = await page.locator('[data-event-key]').nth(2).getAttribute('data-event-key');
    await page.locator(`[data-testid="event-detail"][data-event-key=${JSON.stringify(third)}][data-loaded="true"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('event-detail').waitFor({ state: 'detached' });
    expect((await focusedElement(page)).testId).toBe('events-table');
    // Space marks the selected row for compare, without a tab stop per checkbox.
    await page.keyboard.press('Space');
    expect(await page.locator('[data-event-key].is-checked').getAttribute('data-event-key')).toBe(third);
    expect(await page.getByTestId('compare-button').innerText()).toContain('1 of 2 selected');

    // Pivot: the principal of an event becomes a chip, and the results are that principal's.
    await page.locator('[data-event-key]').first().click();
    const principal = await page.locator('[data-event-key]').first().locator('.col-principal').innerText();
    await page.locator('[data-testid="event-detail"][data-loaded="true"] [data-pivot="principal"]').click();
    const chip = page.locator('[data-chip-field="principal"]');
    await chip.waitFor();
    expect(await chip.innerText()).toContain(principal);
    await page.locator('.events-view[data-search-state="ready"][data-search-query*="principal:"]').waitFor();
    const composed = (await page.locator('.events-view').getAttribute('data-search-query')) ?? '';
    expect(new Set(await columnTexts(page, 'principal'))).toEqual(new Set([principal]));
    // The chips, written as a query (as saved searches store them), find the same events.
    expect(await shownTotal(page)).toBe((await search(app, composed)).total);
    // The pivot kept the event it came from open.
    await page.locator('[data-testid="event-detail"][data-loaded="true"]').waitFor();

    // Negate the chip: everyone but that principal.
    await chip.locator('.chip__main').click();
    await page.locator('[data-chip-field="principal"][data-chip-op="is-not"]').waitFor();
    await page.locator('.events-view[data-search-state="ready"][data-search-query*="-principal:"]').waitFor();
    expect(await columnTexts(page, 'principal')).not.toContain(principal);
    await chip.getByRole('button', { name: /Remove filter/ }).click();
    await searchSettled(page, 'eventname:ConsoleLogin');
  });

  it('adds chips from the facets: click includes, Alt+click excludes', async () => {
    const { app, page } = await openEvents();
    await searchSettled(page, '');
    const account = page.locator('[data-facet="account"] [data-facet-value]').first();
    const accountId = (await account.getAttribute('data-facet-value')) ?? '';
    await account.click();
    await searchSettled(page, `account:${accountId}`);
    expect(new Set(await columnTexts(page, 'account'))).toEqual(new Set([accountId]));

    const source = page.locator('[data-facet="source"] [data-facet-value]').first();
    const sourceName = (await source.getAttribute('data-facet-value')) ?? '';
    await source.click({ modifiers: ['Alt'] });
    await searchSettled(page, `account:${accountId} -source:${sourceName}`);
    expect(await page.locator(`[data-chip-field="source"][data-chip-op="is-not"]`).innerText()).toContain(sourceName);
    expect(await shownTotal(page)).toBe((await search(app, `account:${accountId} -source:${sourceName}`)).total);
    await saveScreenshot(page, 'events-chips');
  });

  it('compares two events with the differing keys highlighted', async () => {
    const { page } = await openEvents({ hash: '#/events?q=eventname%3AConsoleLogin' });
    await searchSettled(page, 'eventname:ConsoleLogin');
    const boxes = page.locator('[data-event-key] input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('compare-button').click();
    const dialog = page.getByTestId('compare-dialog');
    await dialog.locator('.json-line--changed').first().waitFor();
    expect(await dialog.getByRole('status').innerText()).toMatch(/\d+ keys differ/);
    // Two events never share an eventID: that key is marked on both sides; eventName is the same and is not.
    for (const side of ['left', 'right']) {
      expect(await dialog.locator(`[data-side="${side}"] .json-line--changed[data-path="/eventID"]`).count()).toBe(1);
      expect(await dialog.locator(`[data-side="${side}"] .json-line--changed[data-path="/eventName"]`).count()).toBe(0);
    }
    await saveScreenshot(page, 'events-compare');
    await dialog.getByLabel('Only differing lines').check();
    expect(await dialog.locator('[data-side="left"] .json-line:not(.json-line--changed)').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves a search with its chips and range, applies it, and deletes it', async () => {
    const { app, page } = await openEvents();
    await runQuery(page, 'eventname:ConsoleLogin');
    const account = page.locator('[data-facet="account"] [data-facet-value]').first();
    const accountId = (await account.getAttribute('data-facet-value')) ?? '';
    await account.click();
    await page.getByTestId('time-range').getByText('30 d').click();
    const saved = `eventname:ConsoleLogin account:${accountId} since:30d`;
    await searchSettled(page, saved);
    const savedTotal = await shownTotal(page);

    await page.getByTestId('saved-searches-button').click();
    const panel = page.getByTestId('saved-searches');
    await panel.getByLabel('Save the current search as').fill('Console sign-ins, one account');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    const item = panel.locator('[data-saved-search="Console sign-ins, one account"]');
    await item.waitFor();
    // The list shows the query text, then the chips as chips and the range.
    expect(await item.locator('code').innerText()).toBe('eventname:ConsoleLogin');
    expect(await item.locator('[data-saved-chip-field="account"]').innerText()).toBe(`Account is ${accountId}`);
    expect(await item.innerText()).toContain('Last 30 days');
    // Stored as structured data next to the query text, not folded into it.
    const stored = (await app.invoke('searches:list')) as { name: string; query: string; chips?: unknown[]; since?: string }[];
    expect(stored).toEqual([
      expect.objectContaining({ name: 'Console sign-ins, one account', query: 'eventname:ConsoleLogin', chips: [{ field: 'account', op: 'is', value: accountId }], since: '30d' }),
    ]);
    await saveScreenshot(page, 'events-saved-searches');
    await page.keyboard.press('Escape');

    // Back to everything, then the saved search brings query, chips and range back.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('time-range').getByText('All').click();
    await runQuery(page, '');
    await page.getByTestId('saved-searches-button').click();
    await item.getByRole('button', { name: 'Apply' }).click();
    await searchSettled(page, saved);
    expect(await shownTotal(page)).toBe(savedTotal);
    // The query text as it was typed; the chip as a chip, not as `account:` in the text.
    expect(await page.getByTestId('query-input').inputValue()).toBe('eventname:ConsoleLogin');
    expect(await page.getByTestId('filter-chips').locator('[data-chip-field]').count()).toBe(1);
    expect(await page.locator('[data-chip-field="account"][data-chip-op="is"]').innerText()).toContain(accountId);
    expect(await page.getByTestId('time-range').locator('input:checked').getAttribute('value')).toBe('30d');

    await page.getByTestId('saved-searches-button').click();
    await item.getByRole('button', { name: /^Delete/ }).click();
    await item.waitFor({ state: 'detached' });
    expect(await panel.innerText()).toContain('No saved searches yet.');
    expect(await app.invoke('searches:list')).toEqual([]);
  });

  it('opens a search saved before chips were kept apart with its chips as chips', async () => {
    const { fixture } = suite();
    // The shape earlier versions wrote: chips and range folded into the query text.
    const legacy = {
      id: '5d1c7a10-0000-4000-8000-00000000a11e',
      name: 'Old: denied calls, not the scanner',
      query: 'error:AccessDenied* -principal:"role/scanner" since:7d',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    await writeFile(join(fixture.dataDir, 'saved-searches.json'), JSON.stringify({ version: 1, searches: [legacy] }));
    const { app, page } = await openEvents({ colorScheme: 'dark' });
    await searchSettled(page, '');
    expect(await app.invoke('searches:list')).toEqual([legacy]);

    await page.getByTestId('saved-searches-button').click();
    const item = page.getByTestId('saved-searches').locator(`[data-saved-search="${legacy.name}"]`);
    await item.waitFor();
    expect(await item.locator('[data-saved-chip-field]').count()).toBe(2);
    await saveScreenshot(page, 'events-saved-searches-dark');
    await item.getByRole('button', { name: 'Apply' }).click();
    await searchSettled(page, legacy.query);
    expect(await page.getByTestId('query-input').inputValue()).toBe('');
    expect(await page.locator('[data-chip-field="error"][data-chip-op="is"]').innerText()).toContain('AccessDenied');
    expect(await page.locator('[data-chip-field="principal"][data-chip-op="is-not"]').innerText()).toContain('role/scanner');
    expect(await page.getByTestId('time-range').locator('input:checked').getAttribute('value')).toBe('7d');
    await app.invoke('searches:delete', { id: legacy.id });
  });

  it('marks where a query is wrong in the dark theme, and a chip the core cannot read', async () => {
    const bad = 'eventname:ConsoleLogin (principal:alice OR';
    const { page } = await openEvents({ colorScheme: 'dark', hash: `#/events?q=${encodeURIComponent(bad)}` });
    const problem = page.getByTestId('query-error');
    await problem.getByText('Expected a search term after OR.').waitFor();
    expect(await problem.locator('mark').innerText()).toBe('OR');
    expect(await page.getByTestId('query-input-mark').locator('mark').innerText()).toBe('OR');
    await saveScreenshot(page, 'events-query-error-dark');

    // A chip's problem is the chip's (here one saved from elsewhere with a value the search
    // cannot read): the chip is marked, the query text is not.
    const { app } = suite();
    const saved = (await app.invoke('searches:save', { name: 'Odd chip', query: 'eventname:ConsoleLogin', chips: [{ field: 'readonly', op: 'is', value: 'maybe' }] })) as { id: string };
    await page.reload();
    await waitForView(page, 'events');
    await page.getByTestId('saved-searches-button').click();
    await page.getByTestId('saved-searches').locator('[data-saved-search="Odd chip"]').getByRole('button', { name: 'Apply' }).click();
    await problem.getByText('Filter readonly: readonly is true or false, not "maybe".').waitFor();
    const chip = page.locator('[data-chip-field="readonly"]');
    expect(await chip.getAttribute('data-invalid')).toBe('true');
    expect(await chip.locator('.chip__main').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('query-input-mark').count()).toBe(0);
    expect(await problem.locator('[data-position]').count()).toBe(0);
    await saveScreenshot(page, 'events-chip-error-dark');
    await app.invoke('searches:delete', { id: saved.id });
  });

  it('imports a folder of 50,000 events and loads pages as the table scrolls', async () => {
    const { app, fixture } = suite();
    const folder = join(fixture.dir, 'evidence');
    const imported = await writeTrailFiles(folder, 50_000);
    const { page } = await openEvents();

    await page.getByTestId('import-button').click();
    await page.getByLabel('Folder or file with CloudTrail logs').fill(folder);
    await page.getByRole('dialog', { name: 'Import CloudTrail log files' }).getByRole('button', { name: 'Import' }).click();
    await page.getByText(`Importing ${folder}`).waitFor();
    await expect
      .poll(async () => ((await app.invoke('import:status')) as { state: string; eventsInserted: number }[])[0], { timeout: 60_000, interval: 250 })
      .toMatchObject({ state: 'done', eventsInserted: imported });
    await page.keyboard.press('Escape');

    // Right after the import, free text reads the new events in full, and says so; the text index
    // then catches up in the background and the note goes.
    await page.getByTestId('query-input').fill('ListBuckets');
    await page.getByTestId('query-input').press('Enter');
    await page.getByTestId('text-index-pending').waitFor();
    expect(await page.getByTestId('text-index-pending').innerText()).toMatch(/text index still building \([\d,]+ events left\), so free text is slower/);
    await saveScreenshot(page, 'events-text-index-pending');
    await expect
      .poll(async () => ((await app.invoke('events:search', { query: 'ListBuckets', limit: 1 })) as { textIndexPending?: number }).textIndexPending, { timeout: 60_000, interval: 500 })
      .toBeUndefined();
    await page.getByTestId('query-input').fill('');
    await page.getByTestId('query-input').press('Enter');

    // The list was on its first page with nothing open, so it refreshed by itself as the events arrived.
    const { total } = await search(app, '');
    expect(total).toBeGreaterThanOrEqual(imported);
    await expect.poll(() => shownTotal(page), { timeout: 10_000 }).toBe(total);
    const grid = page.getByTestId('events-table');
    expect(await grid.getAttribute('data-rows-loaded')).toBe('500');

    // Scrolling down loads page after page; only the rows in view are in the DOM.
    await grid.hover();
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 40_000);
          return Number(await grid.getAttribute('data-rows-loaded'));
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBeGreaterThanOrEqual(2_000);
    expect(await page.locator('[data-event-key]').count()).toBeLessThan(80);
    const times = await page.locator('[data-event-key] .col-time span').evaluateAll((spans) => spans.map((s) => s.textContent ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.getByTestId('result-count').innerText()).toMatch(/loaded, more as you scroll/);
    await saveScreenshot(page, 'events-scrolled');

    // Free text with more matches than a search reads at once: a lower bound, and facets that say what they counted.
    await page.getByTestId('query-input').fill('amazonaws');
    await page.getByTestId('query-input').press('Enter');
    await page.getByTestId('facets-sampled').waitFor();
    expect(await page.getByTestId('result-count').innerText()).toContain('At least 2,000 events');
    expect(await page.getByTestId('facets-sampled').innerText()).toBe('Counted over the newest 2,000 matches');
    await saveScreenshot(page, 'events-free-text-sampled');
  });

  it('marks the account-regions whose events are missing, with the reason', async () => {
    const { app, browser } = suite();
    await app.invoke('workspace:open-demo');
    await ensureDemoSynced(app);
    current = await openApp(browser, 'about:blank');
    const { page } = current;
    // The demo's accounts all allow LookupEvents; the failures an auditor meets elsewhere are stood in for.
    const at = new Date().toISOString();
    const base = { backfillComplete: false, eventsStored: 0, profile: 'org-audit' };
    const accountRegions = [
      { ...base, accountId: '111111111111', region: 'us-east-1', state: 'done', backfillComplete: true, eventsStored: 1234, lastSyncAt: at, coveredFrom: at, coveredTo: at },
      { ...base, accountId: '222222222222', region: 'eu-west-1', state: 'denied', lastError: { code: 'aws:AccessDeniedException', message: 'Not allowed to call cloudtrail:LookupEvents here. User: arn:aws:sts::222222222222:assumed-role/AuditReadOnly/auditor is not authorized to perform: cloudtrail:LookupEvents.' } },
      { ...base, accountId: '333333333333', region: 'us-east-1', state: 'throttled', eventsStored: 50, lastError: { code: 'sync:throttled', message: 'CloudTrail kept throttling LookupEvents after 8 retries; the next sync goes on from here.' } },
      { ...base, accountId: '444444444444', region: 'us-east-1', state: 'expired', lastError: { code: 'sync:expired', message: 'The sign-in ran out. The SSO session "corp" expired at 09:00.' } },
      { ...base, accountId: '555555555555', region: 'us-west-2', state: 'running', eventsStored: 10 },
    ];
    await answerChannel(page, 'sync:status', () => ({ ok: true, data: { accountRegions } }));
    await page.goto(`${app.url}#/events`);
    await waitForView(page, 'events');
    const panel = page.locator('details[data-testid="sync-status"][open]');
    await panel.waitFor();
    expect(await panel.getAttribute('data-incomplete')).toBe('3');
    const summary = await panel.locator('summary').innerText();
    expect(summary).toContain('5 account-regions · 1 complete · 1 syncing · 3 incomplete');
    expect(summary).toContain('Missing events: 222222222222 eu-west-1 (denied), 333333333333 us-east-1 (throttled), 444444444444 us-east-1 (sign-in expired)');
    const denied = panel.locator('tr[data-account-region="222222222222/eu-west-1"]');
    expect(await denied.innerText()).toContain('Denied');
    expect(await denied.innerText()).toContain('is not authorized to perform: cloudtrail:LookupEvents');
    expect(await denied.innerText()).toContain('aws:AccessDeniedException');
    expect(await panel.locator('tr[data-state="expired"]').innerText()).toContain('Sign-in expired');
    expect(await panel.locator('tr[data-state="running"]').innerText()).toContain('Syncing');
    await saveScreenshot(page, 'events-sync-incomplete');
  });

  it('follows a dark OS theme with an event open', async () => {
    const { page } = await openEvents({ colorScheme: 'dark', hash: '#/events?q=error%3A*' });
    await searchSettled(page, 'error:*');
    await page.locator('[data-event-key]').first().click();
    await page.locator('[data-testid="event-detail"][data-loaded="true"]').waitFor();
    expect(await page.locator('[data-testid="event-detail"]').innerText()).toMatch(/Error/);
    await saveScreenshot(page, 'events-dark');
  });
});

/** CloudTrail log files as a trail writes them (gzip'd `{"Records": […]}` under AWSLogs/…), one event a minute back from now. */
async function writeTrailFiles(folder: string, count: number): Promise<number> {
  const dir = join(folder, 'AWSLogs', '123456789012', 'CloudTrail', 'eu-west-1', '2024', '01', '01');
  await mkdir(dir, { recursive: true });
  const names = ['GetObject', 'PutObject', 'AssumeRole', 'DescribeInstances', 'ListBuckets', 'CreateUser', 'DeleteBucket'];
  const now = Date.now();
  const perFile = 5_000;
  for (let file = 0; file * perFile < count; file += 1) {
    const Records = Array.from({ length: Math.min(perFile, count - file * perFile) }, (_, i) => {
      const n = file * perFile + i;
      const user = `bulk-user-${n % 40}`;
      return {
        eventVersion: '1.08',
        userIdentity: { type: 'IAMUser', principalId: `AIDAEXAMPLE${n % 40}`, arn: `arn:aws:iam::123456789012:user/${user}`, accountId: '123456789012', userName: user },
        eventTime: new Date(now - n * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        eventSource: 's3.amazonaws.com',
        eventName: names[n % names.length],
        awsRegion: 'eu-west-1',
        sourceIPAddress: `198.51.100.${n % 250}`,
        userAgent: 'aws-cli/2.15.0',
        requestParameters: { bucketName: `evidence-bucket-${n % 7}` },
        responseElements: null,
        requestID: `REQ${n}`,
        eventID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        readOnly: n % 3 !== 0,
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: '123456789012',
        eventCategory: 'Management',
      };
    });
    await writeFile(join(dir, `123456789012_CloudTrail_eu-west-1_20240101T0000Z_${file}.json.gz`), gzipSync(JSON.stringify({ Records })));
  }
  return count;
}
