import { join } from 'node:path';
import { AccessAnalyzerClient, GetFindingV2Command } from '@aws-sdk/client-accessanalyzer';
import { fromIni } from '@aws-sdk/credential-providers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingRow } from '../../src/shared/ipc/channels/findings';
import { useCliEmulator } from '../helpers/cli-emulator';

const aws = useCliEmulator('findings-cli');
const cli = aws.cli;
let profile: string;
let dataDir: string;
beforeAll(() => {
  profile = aws.keysProfile(aws.emulator.world.managementAccountId);
  dataDir = join(aws.dir, 'data');
});

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
    const client = new AccessAnalyzerClient({ region: target.region, endpoint: aws.emulator.endpoint, credentials: fromIni({ profile, filepath: aws.emulator.credentialsFile, configFilepath: aws.emulator.configFile }) });
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
