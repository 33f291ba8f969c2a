import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, DescribeTrailsCommand, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorCommand } from '../../src/cli/commands/emulator';
import { startEmulator, type RunningEmulator } from '../../src/emulator';

/** The whole emulator as the app and the CLI get it: every service behind one port. */
describe('startEmulator with every service', () => {
  let dir: string;
  let emu: RunningEmulator;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auditdesk-full-'));
    emu = await startEmulator({ stateDir: dir });
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves STS, CloudTrail, S3 and Access Analyzer to a keys profile', async () => {
    const management = emu.world.accounts.find((a) => a.isManagement);
    const config = {
      region: 'us-east-1',
      endpoint: emu.endpoint,
      credentials: fromIni({ profile: `demo-${management?.name}-keys`, filepath: emu.credentialsFile ?? '', configFilepath: emu.configFile }),
    };
    expect((await new STSClient(config).send(new GetCallerIdentityCommand({}))).Account).toBe(management?.id);
    const trails = await new CloudTrailClient(config).send(new DescribeTrailsCommand({}));
    expect(Array.isArray(trails.trailList)).toBe(true);
    const events = await new CloudTrailClient(config).send(new LookupEventsCommand({ MaxResults: 5 }));
    expect(Array.isArray(events.Events)).toBe(true);
    const buckets = await new S3Client({ ...config, forcePathStyle: true }).send(new ListBucketsCommand({}));
    expect(Array.isArray(buckets.Buckets ?? [])).toBe(true);
    const analyzers = await new AccessAnalyzerClient(config).send(new ListAnalyzersCommand({}));
    expect(Array.isArray(analyzers.analyzers)).toBe(true);
  });
});

describe('auditdesk emulator (CLI)', () => {
  const context = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let stop: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    return { ctx: { args, stdout, stderr, env, interrupted }, stop, output: () => out };
  };

  it('prints one JSON line once ready, serves until interrupted', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'auditdesk-cli-'));
    const run = context(['--json', '--state-dir', stateDir, '--seed', 'cli-seed']);
    const exit = emulatorCommand.run(run.ctx);
    while (!run.output().includes('\n')) await new Promise((r) => setTimeout(r, 10));
    const line = JSON.parse(run.output()) as { endpoint: string; port: number; configFile: string; credentialsFile: string; profiles: { name: string }[] };
    expect(line.endpoint).toBe(`http://127.0.0.1:${line.port}`);
    expect(line.configFile).toBe(join(stateDir, 'config'));
    expect(line.profiles.length).toBeGreaterThan(5);
    const world = (await (await fetch(`${line.endpoint}/__admin/world`)).json()) as { seed: string };
    expect(world.seed).toBe('cli-seed');
    run.stop();
    expect(await exit).toBe(0);
    await expect(fetch(`${line.endpoint}/__admin/world`)).rejects.toThrow();
    await rm(stateDir, { recursive: true, force: true });
  });

  it('writes trail logs and exits with --write-trail-logs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'auditdesk-logs-'));
    const run = context(['--write-trail-logs', out, '--layout', 'account', '--json']);
    expect(await emulatorCommand.run(run.ctx)).toBe(0);
    const summary = JSON.parse(run.output()) as { files: number; events: number; layout: string };
    expect(summary.layout).toBe('account');
    expect(summary.files).toBeGreaterThan(0);
    expect((await readdir(out)).length).toBeGreaterThan(0);
    await rm(out, { recursive: true, force: true });
  });

  it('refuses bad arguments with exit code 2', async () => {
    expect(await emulatorCommand.run(context(['--port', 'x']).ctx)).toBe(2);
    expect(await emulatorCommand.run(context(['--write-trail-logs', '/tmp/x', '--layout', 'flat']).ctx)).toBe(2);
    expect(await emulatorCommand.run(context(['--bogus']).ctx)).toBe(2);
  });
});
