import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { createCore, type Core } from '../../src/main/core/create-core';

describe('the demo workspace signs in by itself', () => {
  let dir: string;
  let core: Core;
  const opened: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auditdesk-demo-'));
    // HOME points nowhere useful: the demo must use its own home, never the user's.
    core = await createCore({ dataDir: join(dir, 'data'), env: { HOME: join(dir, 'user-home') }, face: 'web', openExternal: async (url) => void opened.push(url) });
  });
  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('through the real device flow, without opening a browser, into the demo home', async () => {
    await core.workspace.openDemo();
    await expect
      .poll(async () => (await core.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.status, { timeout: 15_000 })
      .toBe('signed-in');
    expect(opened).toEqual([]);
    const active = core.workspace.current().activeProfiles;
    expect(active.length).toBeGreaterThan(3);
    await expect.poll(async () => (await core.sessions.list()).profiles.filter((p) => p.active && p.identity).length, { timeout: 15_000 }).toBe(active.length);
    expect(core.workspace.current().awsHome.startsWith(join(dir, 'data'))).toBe(true);
  });

  it('forgets the demo sessions when the user workspace opens', async () => {
    await core.workspace.openUser();
    expect((await core.sessions.list()).sessions).toEqual([]);
  });

  it('works again when the demo reopens on a fresh emulator that knows none of the old tokens', async () => {
    await core.workspace.openDemo();
    const [profile] = core.workspace.current().activeProfiles;
    await expect
      .poll(async () => (await core.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.status, { timeout: 15_000 })
      .toBe('signed-in');
    // Real calls, not just a status: the first emulator's token would be refused here.
    await expect(core.sessions.identity(profile ?? '')).resolves.toMatchObject({ account: expect.stringMatching(/^\d{12}$/) });
  });
});
