import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../../emulator';
import { writeTrailLogs } from '../../emulator/services/cloudtrail/trail-log-writer';
import { createWorld } from '../../emulator/world/create-world';
import type { CliCommand } from '../cli-types';
import { usageError } from '../cli-usage';

const LAYOUTS = ['account', 'organization', 'both'] as const;
type Layout = (typeof LAYOUTS)[number];

export const emulatorCommand: CliCommand = {
  name: 'emulator',
  summary: 'Run a local AWS (STS, SSO, CloudTrail, S3, Access Analyzer) on 127.0.0.1 for demos and tests.',
  usage: `
Usage: auditdesk emulator [--port N] [--seed S] [--events N] [--state-dir DIR] [--auto-approve] [--json]
       auditdesk emulator --write-trail-logs DIR [--layout account|organization|both] [--seed S] [--events N]

Serves emulated AWS APIs on 127.0.0.1 and writes an AWS config file (SSO, static-key and
role-chain profiles with endpoint_url set) and a credentials file into the state directory.
  --port N             port to listen on (default 0: any free port)
  --seed S             world seed (default auditdesk-demo); the same seed gives the same world
  --events N           synthetic CloudTrail events per account on top of the seed records
  --state-dir DIR      where to write config/credentials (default <data dir>/emulator)
  --auto-approve       approve SSO sign-ins at once (no browser step)
  --json               print one JSON line {endpoint,port,configFile,credentialsFile,profiles} once ready
  --write-trail-logs DIR
                       do not serve: write the world's CloudTrail log files under DIR and exit
  --layout L           trail log layout: account, organization or both (default both)
MFA: the role AuditdeskMfaRole needs an MFA device; the emulator accepts the code 123456.`,
  async run(ctx) {
    const parsed = parseOptions(ctx.args);
    if (typeof parsed === 'string') return usageError(ctx, 'emulator', parsed);
    const values = parsed;
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(ctx, 'emulator', '--port must be a number from 0 to 65535.');
    const events = Number(values.events);
    if (!Number.isInteger(events) || events < 0) return usageError(ctx, 'emulator', '--events must be a whole number, 0 or more.');
    const seed = values.seed;

    if (values['write-trail-logs'] !== undefined) {
      const layout = values.layout;
      if (!isLayout(layout)) return usageError(ctx, 'emulator', '--layout must be account, organization or both.');
      const dir = resolve(values['write-trail-logs']);
      const world = createWorld({ seed, eventsPerAccount: events, now: new Date() });
      const summary = await writeTrailLogs({ world, dir, layout });
      ctx.stdout.write(
        values.json
          ? `${JSON.stringify({ dir, layout, ...summary })}\n`
          : `Wrote ${summary.events} events in ${summary.files} files under ${dir} (layout: ${layout}).\n`,
      );
      return 0;
    }

    const dataDir = values['data-dir'] ?? ctx.env['AUDITDESK_DATA_DIR'] ?? '.auditdesk-data';
    const stateDir = resolve(values['state-dir'] ?? join(dataDir, 'emulator'));
    const emulator = await startEmulator({
      port,
      seed,
      eventsPerAccount: events,
      stateDir,
      autoApproveSignIn: values['auto-approve'] ?? false,
      onError: (line) => ctx.stderr.write(`${line}\n`),
    });
    const { endpoint, configFile, credentialsFile, profiles } = emulator;
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ endpoint, port: emulator.port, configFile, credentialsFile, profiles })}\n`);
    } else {
      const keys = profiles.find((p) => p.kind === 'keys')?.name ?? 'default';
      ctx.stdout.write(
        `Auditdesk emulator (seed "${seed}") is listening on ${endpoint}\n\n` +
          `  AWS config file:  ${configFile}\n` +
          `  Credentials file: ${credentialsFile ?? '-'}\n` +
          `  Profiles:         ${profiles.map((p) => p.name).join(', ')}\n\n` +
          `Try it:\n  AWS_CONFIG_FILE=${configFile} AWS_SHARED_CREDENTIALS_FILE=${credentialsFile ?? ''} aws sts get-caller-identity --profile ${keys}\n\n` +
          `Press Ctrl-C to stop.\n`,
      );
    }
    await ctx.interrupted;
    await emulator.close();
    return 0;
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        port: { type: 'string', default: '0' },
        seed: { type: 'string', default: 'auditdesk-demo' },
        events: { type: 'string', default: '0' },
        'state-dir': { type: 'string' },
        'data-dir': { type: 'string' },
        'auto-approve': { type: 'boolean' },
        json: { type: 'boolean' },
        'write-trail-logs': { type: 'string' },
        layout: { type: 'string', default: 'both' },
      },
    }).values;
  } catch (err) {
    // parseArgs throws on unknown or malformed options; that is a usage error, not a crash.
    return err instanceof Error ? err.message : String(err);
  }
}

function isLayout(value: string): value is Layout {
  return (LAYOUTS as readonly string[]).includes(value);
}

