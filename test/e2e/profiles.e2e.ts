import { afterEach, describe, expect, it } from 'vitest';
import { brokenHeaderLine } from './harness/aws-fixture';
import { openApp, type AppPage } from './harness/browser';
import { saveScreenshot, waitForShell, waitForView } from './harness/app-milestones';
import { bodyBackground, focusedElement } from './harness/page-probes';
import { useWebApp } from './harness/use-web-app';

const suite = useWebApp('typical');

/** Every profile in the fixture, in the order the view lists them, with the badge it must show. */
const expectedKinds: Record<string, string> = {
  default: 'SSO',
  'ci-deployer': 'Web identity',
  console: 'Console sign-in',
  'legacy-sso': 'SSO (legacy)',
  'orphan-role': 'Role',
  'prod-audit': 'Role',
  'static-keys': 'Static keys',
  vault: 'Credential process',
};

let current: AppPage | undefined;
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.close();
  current = undefined;
  expect(problems).toEqual([]);
});

async function openProfiles(colorScheme: 'light' | 'dark' = 'light') {
  const { app, browser } = suite();
  current = await openApp(browser, app.url, { colorScheme, hash: '#/profiles' });
  await waitForShell(current.page);
  const view = await waitForView(current.page, 'profiles');
  return { page: current.page, view };
}

function cellText(view: Awaited<ReturnType<typeof openProfiles>>['view'], profile: string, column: string) {
  return view.locator(`tr[data-profile="${profile}"] td.col-${column}`).innerText();
}

describe('Profiles view', () => {
  it('lists every profile of the fixture with a readable kind badge', async () => {
    const { view } = await openProfiles();
    const names = await view.locator('tbody tr[data-profile]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile')));
    expect(names).toEqual(Object.keys(expectedKinds));
    for (const [name, kind] of Object.entries(expectedKinds)) {
      expect(await cellText(view, name, 'kind')).toBe(kind);
    }
    expect(await view.getByTestId('profile-counts').innerText()).toMatch(/8 profiles\s+6 usable\s+2 with problems\s+6 active/);
  });

  it('shows account, role and where the credentials come from', async () => {
    const { view } = await openProfiles();
    expect(await cellText(view, 'default', 'account')).toBe('111111111111');
    expect(await cellText(view, 'default', 'access')).toBe('AuditReadOnly\nSSO session “corp”');
    expect(await cellText(view, 'prod-audit', 'account')).toBe('333333333333');
    expect(await cellText(view, 'prod-audit', 'access')).toBe('OrganizationAuditor\nFrom profile “default” · MFA');
    expect(await view.locator('tr[data-profile="prod-audit"] td.col-access .cell-stack').getAttribute('title')).toBe('arn:aws:iam::333333333333:role/OrganizationAuditor');
    expect(await cellText(view, 'legacy-sso', 'access')).toContain('Start URL legacy.awsapps.com');
    expect(await cellText(view, 'static-keys', 'access')).toBe('Long-lived access keys');
    expect(await cellText(view, 'static-keys', 'name')).toBe('static-keys\ncredentials');
    expect(await cellText(view, 'prod-audit', 'region')).toBe('eu-central-1');
  });

  it('flags broken profiles and lists the file problem with its line, above a still-usable table', async () => {
    const { view } = await openProfiles();
    const { fixture } = suite();
    expect(await cellText(view, 'orphan-role', 'status')).toBe('source_profile "does-not-exist" does not exist.');
    expect(await cellText(view, 'console', 'status')).toContain('not supported yet');
    expect(await cellText(view, 'default', 'status')).toBe('Configured');
    expect(await view.locator('tr.row--problem').count()).toBe(2);

    const panel = view.getByTestId('file-problems');
    expect(await panel.getByRole('heading').innerText()).toBe('One line in your AWS files could not be read');
    expect(await panel.locator('.file-problems__location').allInnerTexts()).toEqual([`${fixture.configFile}:${brokenHeaderLine}`]);
    expect(await panel.locator('.file-problems__message').innerText()).toContain('Section header is not closed');
    expect(await view.locator('.files-read').innerText()).toContain(fixture.credentialsFile);
    expect(await view.locator('tbody tr[data-profile]').count()).toBe(8);
  });

  it('sorts by a column header, broken profiles first by Status', async () => {
    const { view } = await openProfiles();
    const header = view.getByRole('columnheader', { name: 'Status' });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const first = await view.locator('tbody tr[data-profile]').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-profile')));
    expect(first.sort()).toEqual(['console', 'orphan-role']);
    await view.getByRole('columnheader', { name: 'Profile' }).getByRole('button').click();
    expect(await view.locator('tbody tr[data-profile]').first().getAttribute('data-profile')).toBe('ci-deployer');
  });

  it('keeps the active profiles in the header selector and the table in step', async () => {
    const { page, view } = await openProfiles();
    const selector = page.getByTestId('workspace-selector');
    expect(await selector.innerText()).toContain('6 of 8');
    await view.getByRole('checkbox', { name: 'Include vault in the active profiles' }).uncheck();
    expect(await selector.innerText()).toContain('5 of 8');

    await selector.click();
    const panel = page.getByRole('dialog', { name: 'Active profiles' });
    await panel.waitFor();
    expect(await panel.getByRole('checkbox').count()).toBe(8);
    expect(await panel.getByRole('checkbox', { name: /vault/ }).isChecked()).toBe(false);
    await saveScreenshot(page, 'workspace-selector');
    await panel.getByRole('button', { name: 'All' }).click();
    expect(await selector.innerText()).toContain('8 of 8');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect((await focusedElement(page)).testId).toBe('workspace-selector');
    expect(await view.getByTestId('profile-counts').innerText()).toContain('8 active');
  });

  it('follows a dark OS theme', async () => {
    const { page } = await openProfiles('dark');
    const background = await bodyBackground(page);
    expect(background).toBe('rgb(17, 19, 24)');
    await saveScreenshot(page, 'profiles-dark');
    // Switching the OS theme while the app is open follows too.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bodyBackground(page)).toBe('rgb(244, 245, 247)');
  });
});
