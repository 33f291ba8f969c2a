import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessAnalyzerClient, GetFindingV2Command, ListAnalyzersCommand, ListFindingsV2Command } from '@aws-sdk/client-accessanalyzer';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';

/** The service through the real emulator core: SigV4-signed with the keys the emulator wrote out. */
const stateDir = mkdtempSync(join(tmpdir(), 'aa-emulator-'));
const NOW = new Date('2025-06-01T00:00:00.000Z');
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ stateDir, clock: () => NOW });
});
afterAll(async () => {
  await emulator.close();
  rmSync(stateDir, { recursive: true, force: true });
});

function clientFor(accountId: string, region = 'us-east-1'): AccessAnalyzerClient {
  const profile = emulator.profiles.find((p) => p.kind === 'keys' && p.accountId === accountId && p.name.endsWith('-keys'));
  if (!profile || !emulator.credentialsFile) throw new Error(`no keys profile for ${accountId}`);
  return new AccessAnalyzerClient({
    region,
    endpoint: emulator.endpoint,
    credentials: fromIni({ profile: profile.name, filepath: emulator.credentialsFile, configFilepath: emulator.configFile }),
    maxAttempts: 1,
  });
}

describe('Access Analyzer inside the running emulator', () => {
  it('serves the organisation analyzer of the management account with member findings', async () => {
    const client = clientFor(emulator.world.managementAccountId);
    const analyzers = (await client.send(new ListAnalyzersCommand({ type: 'ORGANIZATION' }))).analyzers ?? [];
    const org = analyzers[0];
    expect(org?.arn).toContain(`:${emulator.world.managementAccountId}:analyzer/`);
    const findings = (await client.send(new ListFindingsV2Command({ analyzerArn: org?.arn, maxResults: 200 }))).findings ?? [];
    expect(new Set(findings.map((f) => f.resourceOwnerAccount)).size).toBeGreaterThan(1);
    const one = await client.send(new GetFindingV2Command({ analyzerArn: org?.arn, id: findings[0]?.id }));
    expect(one.findingDetails?.[0]?.externalAccessDetails).toBeDefined();
    client.destroy();
  });

  it('shows a member account its own analyzers only', async () => {
    const member = emulator.world.accounts.find((a) => !a.isManagement);
    if (!member) throw new Error('no member account');
    const client = clientFor(member.id);
    const analyzers = (await client.send(new ListAnalyzersCommand({}))).analyzers ?? [];
    expect(analyzers.length).toBeGreaterThan(0);
    for (const a of analyzers) expect(a.arn).toContain(`:${member.id}:`);
    client.destroy();
  });
});
