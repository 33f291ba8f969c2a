import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { AccessAnalyzerClient, GetFindingV2Command } from '@aws-sdk/client-accessanalyzer';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import type { FindingRow } from '../../src/shared/ipc/channels/findings';

let dir: string;
let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;
let profile: string;
let dataDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auditdesk-findings-cli-'));
  emulator = await startEmulator({ port: 0, stateDir: join(dir, 'emulator') });
  env = { AWS_CONFIG_FILE: emulator.configFile, AWS_SHARED_CREDENTIALS_FILE: emulator.credentialsFile, HOME: join(dir, 'home') };
  const management = emulator.world.managementAccountId;
  profile = emulator.profiles.find((p) => p.kind === 'keys' && p.accountId === management && p.name.endsWith('-keys'))!.name;
  dataDir = join(dir, 'data');
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli({ args, stdout, stderr, env, interrupted: new Promise(() => undefined) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('auditdesk findings', () => {
  it('syncs, lists as JSON lines, archives with a justification', async () => {
    const sync = await cli(['findings', 'sync', '--profile', profile, '--region', 'eu-west-1', '--data-dir', dataDir]);
    expect(sync.stderr).toContain('findings sync:');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/\d+ findings stored\./);

    const list = await cli(['findings', 'list', '--status', 'ACTIVE', '--json', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as FindingRow);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.status === 'ACTIVE')).toBe(true);
    const target = rows.find((r) => r.analyzerKind === 'external')!;

    const missing = await cli(['findings', 'archive', target.id, '--data-dir', dataDir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--justification');

    const archived = await cli(['findings', 'archive', target.id, '--justification', 'Accepted by the data owner, ticket SEC-9.', '--data-dir', dataDir]);
    expect(archived.stderr).toBe('');
    expect(archived.code).toBe(0);
    expect(archived.stdout).toContain(`${target.id}: ARCHIVED`);
    const client = new AccessAnalyzerClient({ region: target.region, endpoint: emulator.endpoint, credentials: fromIni({ profile, filepath: emulator.credentialsFile, configFilepath: emulator.configFile }) });
    expect((await client.send(new GetFindingV2Command({ analyzerArn: target.analyzerArn, id: target.id }))).status).toBe('ARCHIVED');
    client.destroy();

    const table = await cli(['findings', 'list', '--data-dir', dataDir]);
    expect(table.stdout).toContain(target.id);
    expect(table.stderr).toMatch(/\d+ of \d+ findings/);
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await cli(['findings'])).code).toBe(2);
    expect((await cli(['findings', 'list', '--status', 'OPEN', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['findings', 'archive', '--justification', 'long enough reason', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['findings', '--help'])).stdout).toContain('auditdesk findings archive ID…');
  });
});
