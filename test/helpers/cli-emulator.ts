import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { keysProfile } from '../sync/sync-harness';
import { runCliCaptured, type CliResult } from './cli-runner';

export interface CliEmulator {
  emulator: RunningEmulator;
  /** The test file's own temporary folder (the emulator's state is in it): put data dirs here. */
  dir: string;
  /** The emulator's config and credentials files, and a HOME of its own: nothing of the real ~/.aws. */
  env: NodeJS.ProcessEnv;
  /** The `-keys` profile of an account: static keys, no sign-in needed. */
  keysProfile(accountId: string): string;
  /** `auditdesk ARGS…` with `env`. */
  cli(args: readonly string[]): Promise<CliResult>;
}

/**
 * One emulator per test file for the CLI tests, torn down (with its folder) even when a test
 * fails. The fields can be read only once beforeAll has run, that is, in the tests and hooks.
 */
export function useCliEmulator(name: string): CliEmulator {
  let dir: string | undefined;
  let started: { emulator: RunningEmulator; dir: string; env: NodeJS.ProcessEnv } | undefined;
  const get = () => {
    if (!started) throw new Error('useCliEmulator: the emulator has not started (beforeAll failed?)');
    return started;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `auditdesk-${name}-`));
    const emulator = await startEmulator({ port: 0, stateDir: join(dir, 'emulator') });
    started = { emulator, dir, env: { AWS_CONFIG_FILE: emulator.configFile, AWS_SHARED_CREDENTIALS_FILE: emulator.credentialsFile, HOME: join(dir, 'home') } };
  });
  afterAll(async () => {
    await started?.emulator.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  return {
    get emulator() {
      return get().emulator;
    },
    get dir() {
      return get().dir;
    },
    get env() {
      return get().env;
    },
    keysProfile: (accountId) => keysProfile(get().emulator, accountId),
    cli: (args) => runCliCaptured(args, get().env),
  };
}
