import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';

export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'List the AWS profiles in your config and credentials files, with their kind.',
  usage: `
Usage: auditdesk profiles [--json] [--data-dir DIR]

Reads AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (default ~/.aws/config and ~/.aws/credentials)
with the AWS SDK's own loader. Problems in the files are reported on stderr with file and line.
  --json   one JSON object with configFile, credentialsFile, profiles and problems`,
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } });
    const core = await createCliCore(ctx, { dataDir: values['data-dir'] });
    const listing = await core.profiles.list();
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(listing)}\n`);
    } else if (listing.profiles.length === 0) {
      ctx.stdout.write(`No AWS profiles found in ${listing.configFile} or ${listing.credentialsFile}.\nRun "auditdesk web --demo" to try Auditdesk on the demo workspace.\n`);
    } else {
      const width = Math.max(...listing.profiles.map((p) => p.name.length));
      for (const p of listing.profiles) {
        const detail = p.ssoAccountId ? `${p.ssoAccountId} ${p.ssoRoleName ?? ''}` : (p.roleArn ?? '');
        ctx.stdout.write(`${p.name.padEnd(width)}  ${p.kind.padEnd(18)}  ${p.region ?? '-'}  ${detail}${p.problem ? `  ! ${p.problem}` : ''}\n`);
      }
    }
    for (const problem of listing.problems) {
      ctx.stderr.write(`${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n`);
    }
    await core.close();
    return 0;
  },
};
