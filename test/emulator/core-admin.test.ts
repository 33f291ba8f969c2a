import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorWorld } from '../../src/emulator/world/world-types';
import { createWorld } from '../../src/emulator/world/create-world';
import { startTestEmulator, type TestEmulator } from './core-harness';
import { rawRequest } from './sso-test-helpers';

describe('the admin endpoint', () => {
  let emu: TestEmulator;
  const post = (path: string, body: unknown) =>
    fetch(`${emu.endpoint}/__admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu.stop());

  it('serves the world and merges fault settings', async () => {
    const world = (await (await fetch(`${emu.endpoint}/__admin/world`)).json()) as EmulatorWorld;
    expect(world.organizationId).toBe(emu.world.organizationId);
    expect(world.accounts.map((a) => a.id)).toEqual(emu.world.accounts.map((a) => a.id));

    expect(await (await post('faults', { throttleNext: 2 })).json()).toMatchObject({ throttleNext: 2, latencyMs: 0 });
    expect(await (await post('faults', { latencyMs: 5 })).json()).toMatchObject({ throttleNext: 2, latencyMs: 5 });
    expect(emu.admin.faults()).toMatchObject({ throttleNext: 2, latencyMs: 5 });
    expect(await (await post('reset-faults', {})).json()).toMatchObject({ throttleNext: 0, latencyMs: 0, accessDenied: [] });
  });

  it('validates its input and only takes JSON from this machine', async () => {
    expect((await post('faults', { errorRate5xx: 3 })).status).toBe(400);
    expect((await post('faults', { nonsense: true })).status).toBe(400);
    const form = await fetch(`${emu.endpoint}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"throttleNext":5}' });
    expect(form.status).toBe(415);
    const rebound = await rawRequest(`${emu.endpoint}/__admin/world`, { headers: { host: 'attacker.example:80' } });
    expect(rebound.status).toBe(403);
    expect((await fetch(`${emu.endpoint}/__admin/nope`)).status).toBe(404);
  });

  it('approves device codes, lists pending ones, and expires tokens', async () => {
    const register = await fetch(`${emu.endpoint}/client/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientName: 'admin-test', clientType: 'public', scopes: ['sso:account:access'] }),
    });
    const client = (await register.json()) as { clientId: string; clientSecret: string };
    const start = await fetch(`${emu.endpoint}/device_authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...client, startUrl: emu.world.sso.startUrl }),
    });
    const { userCode } = (await start.json()) as { userCode: string };
    const pending = (await (await fetch(`${emu.endpoint}/__admin/pending-authorizations`)).json()) as { userCode: string; clientName: string }[];
    expect(pending).toContainEqual(expect.objectContaining({ userCode, clientName: 'admin-test' }));
    expect((await post('approve', { userCode })).status).toBe(200);
    expect((await post('approve', { userCode })).status).toBe(404);

    const token = emu.admin.signIn();
    expect(await (await post('expire-token', { accessToken: token.accessToken })).json()).toEqual({ expired: 1 });
    expect(await (await post('expire-token', { all: true })).json()).toMatchObject({ expired: expect.any(Number) });
  });
});

describe('the world', () => {
  it('is the same for the same seed and different for another', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const a = createWorld({ seed: 's1', eventsPerAccount: 0, now });
    expect(createWorld({ seed: 's1', eventsPerAccount: 0, now })).toEqual(a);
    const b = createWorld({ seed: 's2', eventsPerAccount: 0, now });
    expect(b.accounts.map((x) => x.id)).not.toEqual(a.accounts.map((x) => x.id));
    expect(a.organizationId).toMatch(/^o-[a-z0-9]{10}$/);
    expect(a.accounts.length).toBeGreaterThanOrEqual(5);
    expect(a.accounts.filter((x) => x.isManagement).map((x) => x.id)).toEqual([a.managementAccountId]);
    expect(a.regions[0]).toBe('us-east-1');
    expect(a.sso.startUrl).toMatch(/^https:\/\/d-[0-9a-f]{10}\.awsapps\.com\/start$/);
    for (const account of a.accounts) expect(account.id).toMatch(/^[1-9]\d{11}$/);
    expect(new Set(a.accounts.map((x) => x.ssoRoles.join())).size).toBeGreaterThan(1);
  });
});
