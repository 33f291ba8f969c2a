import { parseArgs } from 'node:util';
import { describeAwsError } from '../../main/aws/aws-errors';
import type { SessionSpec } from '../../main/services/sessions/sessions-service';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';

export const loginCommand: CliCommand = {
  name: 'login',
  summary: 'Sign in to IAM Identity Center (AWS SSO), like "aws sso login".',
  usage: `
Usage: auditdesk login [--profile P | --sso-session S] [--device] [--data-dir DIR]

Signs in the sso-session behind a profile (default: $AWS_PROFILE, else "default") or the named
sso-session. Opens your browser (authorization code with PKCE) and waits; with --device, prints a
code to check on the verification page instead. The token is cached in ~/.aws/sso/cache in the
AWS CLI's format, so the AWS CLI and SDKs share the sign-in.
  --profile P       the profile whose session to sign in to
  --sso-session S   the [sso-session S] section to sign in to
  --device          use the device code flow (for when the browser cannot reach this machine)`,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { profile: { type: 'string' }, 'sso-session': { type: 'string' }, device: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    });
    if (values.profile && values['sso-session']) {
      ctx.stderr.write('auditdesk login: give --profile or --sso-session, not both.\n');
      return 2;
    }
    const spec: SessionSpec = values['sso-session'] ? { ssoSession: values['sso-session'] } : { profile: values.profile ?? (ctx.env.AWS_PROFILE || 'default') };
    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    const stop = () => void core.sessions.cancelSignIn(spec).catch(() => undefined);
    void ctx.interrupted.then(stop);
    try {
      const session = await core.sessions.signIn(spec, {
        ...(values.device ? { flow: 'device' as const } : {}),
        onAuthorizeUrl: (url) => ctx.stdout.write(`Opening your browser to sign in. If it does not open, visit this URL:\n\n  ${url}\n\n`),
        onDeviceCode: (prompt) =>
          ctx.stdout.write(
            `To sign in, open this page in a browser:\n\n  ${prompt.verificationUriComplete ?? prompt.verificationUri}\n\nand check that it shows the code:\n\n  ${prompt.userCode}\n\n`,
          ),
      });
      const what = session.ssoSession ? `sso-session "${session.ssoSession}"` : session.startUrl;
      ctx.stdout.write(`Signed in to ${what}${session.expiresAt ? ` until ${session.expiresAt}` : ''}.\n`);
      return 0;
    } catch (error) {
      ctx.stderr.write(`auditdesk login: ${describeAwsError(error)}\n`);
      return 1;
    } finally {
      await core.close();
    }
  },
};
