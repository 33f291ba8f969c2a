import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type EmulatorOptions, type RunningEmulator, type ServiceFactory } from '../../src/emulator/core/start-runtime';

/**
 * Starts the emulator in-process on a free port with a temp state dir. It runs the identity
 * services (STS, SSO) plus whatever `services` a test passes (stubs that stand in for the data
 * services, which are tested in their own files).
 */
export interface TestEmulator extends RunningEmulator {
  stateDir: string;
  stop(): Promise<void>;
}

export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}, services: ServiceFactory[] = []): Promise<TestEmulator> {
  const stateDir = await mkdtemp(join(tmpdir(), 'auditdesk-emu-'));
  const emulator = await startRuntime({ stateDir, ...opts }, services);
  return {
    ...emulator,
    stateDir,
    stop: async () => {
      await emulator.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** Static credentials of an account's `-keys` profile, read back from the written credentials file. */
export async function keysFor(emulator: RunningEmulator, accountName: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(emulator.credentialsFile ?? '', 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`demo-${accountName}-keys]`));
  const id = /aws_access_key_id = (\S+)/.exec(section ?? '')?.[1];
  const secret = /aws_secret_access_key = (\S+)/.exec(section ?? '')?.[1];
  if (!id || !secret) throw new Error(`no keys for ${accountName}`);
  return { accessKeyId: id, secretAccessKey: secret };
}
