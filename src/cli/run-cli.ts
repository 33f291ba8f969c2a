import type { CliCommand, CliContext } from './cli-types';
import { commands } from './commands';

/** Picks the command from the first argument and runs it; `--help` anywhere prints usage. */
export async function runCli(ctx: CliContext): Promise<number> {
  const [name, ...rest] = ctx.args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(overview(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`auditdesk: unknown command "${name}". Run "auditdesk --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  return command.run({ ...ctx, args: rest });
}

function overview(list: CliCommand[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: auditdesk <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --data-dir DIR (or AUDITDESK_DATA_DIR) and --help.\n`;
}
