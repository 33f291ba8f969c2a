import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { describeAwsError } from '../../main/aws/aws-errors';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';

export const whoamiCommand: CliCommand = {
  name: 'whoami',
  summary: 'Show the account and ARN a profile signs in as (sts:GetCallerIdentity).',
  usage: `
Usage: auditdesk whoami [--profile P] [--json] [--mfa-code CODE] [--data-dir DIR]

Gets the profile's credentials the way Auditdesk does (SSO token cache, role chains, processes)
and asks STS who they are. Nothing secret is printed.
  --profile P       default: $AWS_PROFILE, else "default"
  --json            one JSON object: profile, account, arn, userId, status, expiresAt
  --mfa-code CODE   the code for a role with mfa_serial (otherwise asked for on a terminal)`,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { profile: { type: 'string' }, json: { type: 'boolean' }, 'mfa-code': { type: 'string' }, 'data-dir': { type: 'string' } },
    });
    const profile = values.profile ?? (ctx.env.AWS_PROFILE || 'default');
    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    const unsubscribe = core.bus.subscribe((event, payload) => {
      if (event !== 'sessions:mfa-required') return;
      const request = payload as { requestId: string; mfaSerial: string };
      void askForMfa(request.mfaSerial, values['mfa-code'], ctx.stderr).then(
        (code) => (code ? core.sessions.provideMfa(request.requestId, code) : core.sessions.cancelMfa(request.requestId)),
        () => core.sessions.cancelMfa(request.requestId),
      );
    });
    try {
      const identity = await core.sessions.identity(profile);
      const status = (await core.sessions.list()).profiles.find((p) => p.profile === profile);
      if (values.json) {
        ctx.stdout.write(`${JSON.stringify({ ...identity, status: status?.status, expiresAt: status?.expiresAt })}\n`);
      } else {
        ctx.stdout.write(`Profile  ${profile}\nAccount  ${identity.account}\nARN      ${identity.arn}\nUserId   ${identity.userId}\n`);
        if (status?.expiresAt) ctx.stdout.write(`Expires  ${status.expiresAt}\n`);
      }
      return 0;
    } catch (error) {
      ctx.stderr.write(`auditdesk whoami: ${describeAwsError(error)}\n`);
      return 1;
    } finally {
      unsubscribe();
      await core.close();
    }
  },
};

/** The code from --mfa-code, or typed on a terminal; undefined (cancel) when there is no way to ask. */
async function askForMfa(mfaSerial: string, given: string | undefined, stderr: NodeJS.WritableStream): Promise<string | undefined> {
  if (given) return given;
  if (!process.stdin.isTTY) {
    stderr.write(`auditdesk whoami: ${mfaSerial} needs an MFA code; pass --mfa-code.\n`);
    return undefined;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`MFA code for ${mfaSerial}: `)).trim();
  } finally {
    rl.close();
  }
}
