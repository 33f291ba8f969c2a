import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAsBrowser, startTestAws, type TestAws } from '../aws/aws-test-env';
import { startCli } from '../helpers/cli-runner';

const cli = (aws: TestAws, args: string[]) => startCli([...args, '--data-dir', aws.dataDir], aws.env);

describe('auditdesk login / whoami', () => {
  let aws: TestAws;
  beforeAll(async () => {
    // The CLI opens the system browser with xdg-open; make that a no-op here.
    vi.stubEnv('BROWSER', 'true');
    vi.stubEnv('DISPLAY', '');
    aws = await startTestAws();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await aws.stop();
  });

  it('login --device prints the page and the code, waits for the approval, then says until when', async () => {
    const run = cli(aws, ['login', '--profile', 'demo-prod-web', '--device']);
    await expect.poll(() => /\/device\?user_code=[A-Z]{4}-[A-Z]{4}/.test(run.stdout()), { timeout: 10_000 }).toBe(true);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/device\?user_code=[A-Z-]+)/.exec(run.stdout())?.[1] ?? '';
    expect(run.stdout()).toMatch(/check that it shows the code:\n\n {2}[A-Z]{4}-[A-Z]{4}\n/);
    expect(await actAsBrowser(url)).toBe(200);
    expect(await run.code).toBe(0);
    expect(run.stdout()).toMatch(/Signed in to sso-session "auditdesk-demo" until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\./);
  });

  it('login (PKCE) prints the authorize URL for when no browser opens', async () => {
    const run = cli(aws, ['login', '--sso-session', 'auditdesk-demo']);
    await expect.poll(() => /\/authorize\?/.test(run.stdout()), { timeout: 10_000 }).toBe(true);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(run.stdout())?.[1] ?? '';
    expect(await actAsBrowser(url)).toBe(200);
    expect(await run.code).toBe(0);
  });

  it('whoami prints the identity, as text or JSON, for SSO and MFA role profiles', async () => {
    const text = cli(aws, ['whoami', '--profile', 'demo-prod-web']);
    expect(await text.code).toBe(0);
    expect(text.stdout()).toContain(`Account  ${aws.account('prod-web')}`);
    const json = cli(aws, ['whoami', '--profile', 'keys-mfa', '--json', '--mfa-code', '123456']);
    expect(await json.code).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({ profile: 'keys-mfa', account: aws.account('prod-payments'), status: 'signed-in' });
  });

  it('whoami and login explain a broken profile and exit 1', async () => {
    const who = cli(aws, ['whoami', '--profile', 'cycle-a']);
    expect(await who.code).toBe(1);
    expect(who.stderr()).toBe('auditdesk whoami: Profile "cycle-a": source_profile cycle: cycle-a → cycle-b → cycle-a.\n');
    const login = cli(aws, ['login', '--profile', 'ghost-session']);
    expect(await login.code).toBe(1);
    expect(login.stderr()).toContain('which is not defined in the config file');
  });
});
