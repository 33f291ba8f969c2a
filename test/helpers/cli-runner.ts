import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run-cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  /** The exit code, once the command is done. */
  code: Promise<number>;
  /** What it has printed so far, for a test that answers a prompt or opens a URL midway. */
  stdout(): string;
  stderr(): string;
}

/** Starts `auditdesk ARGS…` in-process, as bin/auditdesk.mjs would, collecting what it prints. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): RunningCli {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = runCli({ args: [...args], stdout, stderr, env, interrupted: new Promise(() => undefined) });
  return { code, stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => Buffer.concat(err).toString('utf8') };
}

/** `auditdesk ARGS…` run to its end: the exit code and all it printed. */
export async function runCliCaptured(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const run = startCli(args, env);
  const code = await run.code;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
