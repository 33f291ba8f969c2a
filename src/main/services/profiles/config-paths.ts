import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsConfigPaths {
  configFile: string;
  credentialsFile: string;
}

/**
 * Where the AWS CLI and SDKs look for their files, from an injected environment so tests (and
 * the demo workspace) never read the user's real ~/.aws.
 */
export function resolveAwsConfigPaths(env: NodeJS.ProcessEnv, home = env.HOME || env.USERPROFILE || homedir()): AwsConfigPaths {
  const expand = (path: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}
