import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { createEventBus, type EventBus } from '../../src/main/core/event-bus';
import { createSessionsService, type SessionsService } from '../../src/main/services/sessions/sessions-service';
import { createWorkspaceService, type WorkspaceService } from '../../src/main/services/workspace/workspace-service';

/**
 * The emulator plus an AWS home of our own: its config file extended with every profile kind
 * (role chains from keys and from SSO, MFA, a credential process, a legacy SSO profile) and the
 * malformed cases. Nothing here reads the real ~/.aws.
 */
export interface TestAws {
  emulator: RunningEmulator;
  dir: string;
  home: string;
  dataDir: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
  /** Account ids by world account name. */
  account: (name: string) => string;
  stop(): Promise<void>;
}

export const MFA_SERIAL = 'arn:aws:iam::000000000000:mfa/auditor';

export async function startTestAws(opts: { autoApprove?: boolean; ssoTokenTtlSeconds?: number } = {}): Promise<TestAws> {
  const dir = await mkdtemp(join(tmpdir(), 'auditdesk-aws-'));
  const emulator = await startEmulator({
    port: 0,
    stateDir: join(dir, 'emulator'),
    ...(opts.autoApprove ? { autoApproveSignIn: true } : {}),
    ...(opts.ssoTokenTtlSeconds ? { ssoTokenTtlSeconds: opts.ssoTokenTtlSeconds } : {}),
  });
  const world = emulator.admin.world();
  const account = (name: string) => {
    const found = world.accounts.find((a) => a.name === name);
    if (!found) throw new Error(`no account ${name}`);
    return found.id;
  };
  const home = join(dir, 'home');
  const dataDir = join(dir, 'data');
  const credentialsText = await readFile(emulator.credentialsFile ?? '', 'utf8');
  const keys = /\[demo-log-archive-keys\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(credentialsText);
  if (!keys) throw new Error('no keys for log-archive in the emulator credentials file');

  // A credential_process: a tiny node script that prints the keys as the process protocol asks.
  const processScript = join(dir, 'creds-process.mjs');
  await writeFile(processScript, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(keys[1])}, SecretAccessKey: ${JSON.stringify(keys[2])} }));\n`);
  await chmod(processScript, 0o700);

  // A web identity token as an OIDC provider would issue it; the emulator reads, not verifies, it.
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: 'https://token.actions.example', sub: 'repo:auditdesk:ci', aud: 'sts.amazonaws.com', exp: Math.floor(Date.now() / 1000) + 3600 })}.c2ln`;
  const tokenFile = join(dir, 'web-identity-token');
  await writeFile(tokenFile, jwt, { mode: 0o600 });

  const e = `endpoint_url = ${emulator.endpoint}`;
  const extra = `
[profile sso-chain]
source_profile = demo-security-audit
role_arn = arn:aws:iam::${account('prod-web')}:role/AuditdeskReadOnly
role_session_name = sso-chain
region = eu-west-1
auditdesk_regions = eu-central-1, ap-southeast-2
${e}

[profile sso-chain-mfa]
source_profile = demo-security-audit
role_arn = arn:aws:iam::${account('staging')}:role/AuditdeskMfaRole
mfa_serial = ${MFA_SERIAL}
${e}

[profile keys-mfa]
source_profile = demo-security-audit-keys
role_arn = arn:aws:iam::${account('prod-payments')}:role/AuditdeskMfaRole
mfa_serial = ${MFA_SERIAL}
${e}

[profile keys-chain-2]
source_profile = demo-audit-role
role_arn = arn:aws:iam::${account('staging')}:role/OrganizationAccountAccessRole
${e}

[profile env-source]
credential_source = Environment
role_arn = arn:aws:iam::${account('prod-web')}:role/AuditdeskReadOnly
${e}

[profile proc]
credential_process = ${process.execPath} ${processScript}
region = us-east-1
${e}

[profile proc-chain]
source_profile = proc
role_arn = arn:aws:iam::${account('dev-sandbox')}:role/AuditdeskReadOnly
${e}

[profile web]
role_arn = arn:aws:iam::${account('log-archive')}:role/AuditdeskReadOnly
web_identity_token_file = ${tokenFile}
role_session_name = ci-run
${e}

[profile legacy]
sso_start_url = ${world.sso.startUrl}
sso_region = ${world.sso.region}
sso_account_id = ${account('log-archive')}
sso_role_name = AuditReadOnly
${e}

[profile cycle-a]
source_profile = cycle-b
role_arn = arn:aws:iam::${account('staging')}:role/AuditdeskReadOnly

[profile cycle-b]
source_profile = cycle-a
role_arn = arn:aws:iam::${account('staging')}:role/AuditdeskReadOnly

[sso-session no-region]
sso_start_url = ${world.sso.startUrl}

[profile missing-region]
sso_session = no-region
sso_account_id = ${account('staging')}
sso_role_name = AuditReadOnly

[profile ghost-session]
sso_session = does-not-exist
sso_account_id = ${account('staging')}
sso_role_name = AuditReadOnly

[profile static-keys]
region = eu-west-1
`;
  const configFile = join(dir, 'config');
  await writeFile(configFile, `${await readFile(emulator.configFile, 'utf8')}\n${extra}`, { mode: 0o600 });
  const credentialsFile = join(dir, 'credentials');
  await writeFile(credentialsFile, `${credentialsText}\n[static-keys]\naws_access_key_id = ${keys[1]}\naws_secret_access_key = ${keys[2]}\n`, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { HOME: home, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };
  return {
    emulator,
    dir,
    home,
    dataDir,
    configFile,
    env,
    account,
    stop: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Plays the system browser for a sign-in URL against the emulator: on /authorize it follows to
 * the Allow form, posts it and follows the redirect to our loopback listener; on /device it
 * posts Approve for the code in the URL. Returns the final status, for tests that check it.
 */
export async function actAsBrowser(url: string, decision: 'allow' | 'deny' = 'allow'): Promise<number> {
  const page = await fetch(url, { redirect: 'manual' });
  const { origin, pathname } = new URL(url);
  if (pathname === '/authorize') {
    let location = page.headers.get('location');
    if (!location) {
      const posted = await postForm(`${origin}/authorize`, { ...hiddenFields(await page.text()), decision });
      location = posted.headers.get('location');
    } else {
      await page.text();
    }
    if (!location) throw new Error('the authorize page did not redirect');
    const back = await fetch(location);
    await back.text();
    return back.status;
  }
  if (pathname === '/device') {
    const posted = await postForm(`${origin}/device`, { ...hiddenFields(await page.text()), decision: decision === 'allow' ? 'approve' : 'deny' });
    await posted.text();
    return posted.status;
  }
  throw new Error(`not a sign-in page: ${url}`);
}

/** The form's hidden fields (request id, code, nonce…), posted back as a browser would. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1] ?? ''] = m[2] ?? '';
  if (Object.keys(fields).length === 0) throw new Error('no form on the page');
  return fields;
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

export interface TestSessions {
  sessions: SessionsService;
  workspace: WorkspaceService;
  bus: EventBus;
  /** Every URL handed to openExternal. */
  opened: string[];
  logs: string[];
  events: Array<{ event: string; payload: unknown }>;
  close(): Promise<void>;
}

/**
 * A sessions service over the test AWS home. `browser` decides what the fake system browser does
 * with an opened URL: approve it (default), nothing (the test drives it), or deny.
 */
export function createTestSessions(aws: TestAws, opts: { browser?: 'approve' | 'none' | 'deny'; clock?: () => Date } = {}): TestSessions {
  const bus = createEventBus();
  const workspace = createWorkspaceService({ env: aws.env, dataDir: aws.dataDir, bus, startDemo: () => Promise.reject(new Error('no demo here')) });
  const opened: string[] = [];
  const logs: string[] = [];
  const events: Array<{ event: string; payload: unknown }> = [];
  bus.subscribe((event, payload) => events.push({ event, payload }));
  const browser = opts.browser ?? 'approve';
  const sessions = createSessionsService({
    workspace,
    bus,
    clock: opts.clock,
    log: (line) => logs.push(line),
    openExternal: async (url) => {
      opened.push(url);
      // A real browser works on its own while the app waits; so does this one.
      if (browser !== 'none') void actAsBrowser(url, browser === 'approve' ? 'allow' : 'deny').catch(() => undefined);
    },
  });
  return { sessions, workspace, bus, opened, logs, events, close: () => sessions.close() };
}
