import { AccessAnalyzerClient, ListAnalyzersCommand, ThrottlingException } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keysFor, startTestEmulator, type TestEmulator } from './core-harness';
import { stubServices } from './core-stub-services';

type Creds = { accessKeyId: string; secretAccessKey: string };

describe('fault knobs', () => {
  let emu: TestEmulator;
  let keys: Creds;
  let otherKeys: Creds;
  const sts = (credentials: Creds, maxAttempts = 3): STSClient => new STSClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials, maxAttempts });

  beforeAll(async () => {
    emu = await startTestEmulator({}, stubServices([]));
    keys = await keysFor(emu, 'log-archive');
    otherKeys = await keysFor(emu, 'staging');
  });
  afterAll(async () => emu.stop());
  afterEach(() => {
    emu.admin.resetFaults();
  });

  it('errorRate5xx 1: the SDK retries, then fails with the 500', async () => {
    emu.admin.setFaults({ errorRate5xx: 1 });
    const err = (await sts(keys).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e)) as { name: string; $fault: string; $metadata: { httpStatusCode: number; attempts: number } };
    expect(err).toMatchObject({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 3 } });
  });

  it('throttleNext: the next N requests are throttled, the SDK retries through them', async () => {
    emu.admin.setFaults({ throttleNext: 1 });
    const ok = await sts(keys).send(new GetCallerIdentityCommand({}));
    expect(ok.$metadata.attempts).toBe(2);
    expect(emu.admin.faults().throttleNext).toBe(0);

    emu.admin.setFaults({ throttleNext: 1 });
    const analyzer = new AccessAnalyzerClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials: keys, maxAttempts: 1 });
    await expect(analyzer.send(new ListAnalyzersCommand({}))).rejects.toBeInstanceOf(ThrottlingException);
    emu.admin.setFaults({ throttleNext: 1 });
    const trail = new CloudTrailClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials: keys, maxAttempts: 1 });
    await expect(trail.send(new LookupEventsCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
  });

  it('accessDenied: only the chosen account (and operation) is refused', async () => {
    const account = emu.world.accounts.find((a) => a.name === 'log-archive')?.id;
    emu.admin.setFaults({ accessDenied: [{ accountId: account }] });
    await expect(sts(keys).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((await sts(otherKeys).send(new GetCallerIdentityCommand({}))).Account).not.toBe(account);

    emu.admin.setFaults({ accessDenied: [{ accountId: account, operation: 'LookupEvents' }] });
    expect((await sts(keys).send(new GetCallerIdentityCommand({}))).Account).toBe(account);
    const trail = new CloudTrailClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials: keys, maxAttempts: 1 });
    await expect(trail.send(new LookupEventsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('resetConnectionNext: the response is cut mid-body; the SDK retries, or fails with one attempt', async () => {
    emu.admin.setFaults({ resetConnectionNext: 1 });
    const ok = await sts(keys).send(new GetCallerIdentityCommand({}));
    expect(ok.$metadata.attempts).toBe(2);
    emu.admin.setFaults({ resetConnectionNext: 1 });
    await expect(sts(keys, 1).send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    expect((await sts(keys, 1).send(new GetCallerIdentityCommand({}))).Arn).toBeTruthy();
  });

  it('latencyMs delays every answer', async () => {
    emu.admin.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await sts(keys).send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('errorRate5xx is a deterministic pattern for a seed', async () => {
    const run = async (): Promise<number[]> => {
      const e = await startTestEmulator({ seed: 'fault-pattern', faults: { errorRate5xx: 0.5 } });
      const k = await keysFor(e, 'management');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await new STSClient({ region: 'us-east-1', endpoint: e.endpoint, credentials: k, maxAttempts: 1 })
          .send(new GetCallerIdentityCommand({}))
          .then(
            () => 200,
            (err: { $metadata?: { httpStatusCode?: number } }) => err.$metadata?.httpStatusCode ?? 0,
          );
        statuses.push(r);
      }
      await e.stop();
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});
