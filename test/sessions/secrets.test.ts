import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';
import { createSessionsService, type SessionsService } from '../../src/main/services/sessions/sessions-service';
import { ssoCacheDir } from '../../src/main/aws/sso/token-cache';
import type { IpcResult } from '../../src/shared/ipc/result';
import { actAsBrowser, startTestAws, type TestAws } from '../aws/aws-test-env';

/** What an SSO token, a client secret or a session credential from the emulator looks like. */
const SECRET_SHAPES = [/IQoJb3JpZ2luX2VjE/, /\baoa[A-Za-z0-9_-]{20,}/, /aorAAAAAG/, /eyJraWQiOiJrZXktMTU2/];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

describe('credentials and tokens never leave the main process (except the CLI token cache, 0600)', () => {
  let aws: TestAws;
  let core: Core;
  let sessions: SessionsService;
  const outputs: Array<{ channel: string; result: IpcResult<unknown> }> = [];
  const events: unknown[] = [];
  const logs: string[] = [];
  const secrets = new Set<string>();
  let dispatch: (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

  async function collectCacheSecrets() {
    for (const file of await filesUnder(ssoCacheDir(aws.home))) {
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      for (const key of ['accessToken', 'refreshToken', 'clientSecret']) if (typeof json[key] === 'string') secrets.add(json[key]);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
  }

  async function collectCredentialSecrets(profile: string) {
    const creds = await (await sessions.clients.sts(profile)).config.credentials();
    secrets.add(creds.secretAccessKey);
    if (creds.sessionToken) secrets.add(creds.sessionToken);
  }

  beforeAll(async () => {
    aws = await startTestAws();
    core = await createCore({ dataDir: aws.dataDir, env: aws.env, face: 'web', openExternal: async () => undefined });
    // The same service the core builds, with its diagnostics captured for the scan.
    await core.sessions.close();
    sessions = createSessionsService({
      workspace: core.workspace,
      bus: core.bus,
      log: (line) => logs.push(line),
      openExternal: async (url) => void actAsBrowser(url).catch(() => undefined),
    });
    const raw = createDispatcher(handlers, { core: { ...core, sessions } }, (line) => logs.push(line));
    dispatch = async (channel, input) => {
      const result = await raw(channel, input);
      outputs.push({ channel, result });
      return result;
    };
    core.bus.subscribe((event, payload) => {
      events.push({ event, payload });
      if (event === 'sessions:mfa-required') void dispatch('sessions:provide-mfa', { requestId: (payload as { requestId: string }).requestId, code: '123456' });
    });
    for (const line of (await readFile(join(aws.dir, 'credentials'), 'utf8')).split('\n')) {
      const m = /^aws_secret_access_key = (\S+)/.exec(line);
      if (m?.[1]) secrets.add(m[1]);
    }
  });
  afterAll(async () => {
    await sessions.close();
    await core.close();
    await aws.stop();
  });

  it('runs a full session through the dispatcher: both flows, every profile kind, discovery, preflight, writing a profile', async () => {
    const ok = async (channel: string, input: unknown) => {
      const result = await dispatch(channel, input);
      expect([channel, result.ok ? 'ok' : result.error]).toEqual([channel, 'ok']);
      return result.ok ? result.data : undefined;
    };
    await ok('sessions:list', {});
    await ok('sessions:sign-in', { profile: 'demo-security-audit' });
    await collectCacheSecrets();
    for (const profile of ['demo-security-audit', 'sso-chain', 'sso-chain-mfa', 'demo-audit-role', 'keys-chain-2', 'keys-mfa', 'proc', 'proc-chain', 'demo-log-archive-keys']) {
      await ok('sessions:identity', { profile });
      await collectCredentialSecrets(profile);
    }
    await ok('sessions:sign-out', { ssoSession: SSO_SESSION_NAME });
    await ok('sessions:sign-in', { ssoSession: SSO_SESSION_NAME, flow: 'device' });
    await ok('sessions:sign-in', { profile: 'legacy' });
    await collectCacheSecrets();
    await ok('sessions:identity', { profile: 'legacy' });
    await collectCredentialSecrets('legacy');
    const discovered = (await ok('sessions:discover', { ssoSession: SSO_SESSION_NAME })) as { sessionId: string };
    await ok('sessions:add-discovered', { sessionId: discovered.sessionId, accountId: aws.account('staging'), roleName: 'AdministratorAccess' });
    await ok('sessions:identity', { profile: 'staging-AdministratorAccess' });
    await collectCredentialSecrets('staging-AdministratorAccess');
    await ok('profiles:write-preview', { profile: 'staging-AdministratorAccess' });
    await ok('profiles:write', { profile: 'staging-AdministratorAccess' });
    await ok('sessions:preflight', { profile: 'demo-management' });
    await collectCredentialSecrets('demo-management');
    // Fill the index too, so the last test can look for secrets in it.
    const { jobId } = (await ok('sync:start', { profiles: ['demo-security-audit'], regions: ['us-east-1'] })) as { jobId: string };
    await expect.poll(() => core.jobs.list().find((job) => job.id === jobId)?.state, { timeout: 30_000, interval: 200 }).toBe('done');
    await ok('sessions:list', {});
    const refused = await dispatch('sessions:sign-in', { profile: 'cycle-a' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sessions:profile-config' } });
    const badInput = await dispatch('sessions:provide-mfa', { requestId: 'x', code: '12' });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    await collectCacheSecrets();
    expect(secrets.size).toBeGreaterThan(20);
    // The shapes are real: each matches a secret this session produced.
    const all = [...secrets].join('\n');
    for (const shape of SECRET_SHAPES) expect(shape.test(all), String(shape)).toBe(true);
  });

  it('no IPC output, push event or log line carries any of them', () => {
    const surfaces = {
      outputs: JSON.stringify(outputs),
      events: JSON.stringify(events),
      logs: logs.join('\n'),
    };
    expect(logs.length).toBeGreaterThan(5);
    for (const [where, text] of Object.entries(surfaces)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
      for (const shape of SECRET_SHAPES) expect(shape.test(text), `${where} matches ${shape}`).toBe(false);
    }
  });

  it('no file in the data folder or the AWS home holds one, except the SSO token cache', async () => {
    const cache = ssoCacheDir(aws.home);
    const files = [...(await filesUnder(aws.dataDir)), ...(await filesUnder(aws.home))].filter((f) => !f.startsWith(cache));
    for (const file of [...files, aws.configFile, ...(await filesUnder(aws.dir)).filter((f) => f.includes('.bak'))]) {
      const text = await readFile(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${file} contains a secret`).toBe(false);
      // The index keeps CloudTrail records as AWS wrote them, and AWS records the sessionToken
      // of AssumeRole answers (seed-data/stratus has some): evidence, not our credentials. Our
      // own secrets are looked for by value above, and in the index by search below.
      if (/\.duckdb(\.wal)?$/.test(file)) continue;
      for (const shape of SECRET_SHAPES) expect(shape.test(text), `${file} matches ${shape}`).toBe(false);
    }
  });

  it('the local index holds none of them', async () => {
    const search = async (query: string) => {
      const result = await dispatch('events:search', { query, limit: 1 });
      return result.ok ? (result.data as { total: number }).total : -1;
    };
    // Free text reaches the whole record: it finds what is there…
    expect(await search('"signin.amazonaws.com"')).toBeGreaterThan(0);
    // …and none of this session's secrets.
    for (const secret of secrets) expect(await search(JSON.stringify(secret)), 'a secret is in the index').toBe(0);
  });
});
