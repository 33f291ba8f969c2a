import type { Writable } from 'node:stream';

/** What every CLI command gets: its own arguments and the process's streams, injected for tests. */
export interface CliContext {
  /** Arguments after the command name. */
  args: string[];
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks the process to stop (Ctrl-C); long-running commands await it. */
  interrupted: Promise<void>;
}

export interface CliCommand {
  name: string;
  /** One line for `auditdesk --help`. */
  summary: string;
  /** Full usage text for `auditdesk <name> --help`. */
  usage: string;
  /** Resolves to the process exit code. */
  run(ctx: CliContext): Promise<number>;
}
