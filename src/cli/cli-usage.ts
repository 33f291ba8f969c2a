import type { CliContext } from './cli-types';

/** A wrong flag or argument: say what, point to --help, exit 2 (as the other CLIs do). */
export function usageError(ctx: CliContext, command: string, message: string): number {
  ctx.stderr.write(`auditdesk ${command}: ${message}\nRun "auditdesk ${command} --help" for usage.\n`);
  return 2;
}

/** The message of whatever parseArgs threw, for usageError. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Options that narrow events to a scope; `import` and `search` take the same ones. */
export const scopeOptions = {
  account: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;
