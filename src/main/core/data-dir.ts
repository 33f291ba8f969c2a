import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One data folder per user: the platform's app-data folder (what Electron's app.getPath('userData')
 * gives for "Auditdesk"), unless AUDITDESK_DATA_DIR or --data-dir says otherwise. Tests and
 * scripts always pass one, so they never touch a real user's index.
 */
export function resolveDataDir(opts: { flag?: string; env: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string }): string {
  if (opts.flag) return resolve(opts.flag);
  if (opts.env.AUDITDESK_DATA_DIR) return resolve(opts.env.AUDITDESK_DATA_DIR);
  const home = opts.home ?? homedir();
  switch (opts.platform ?? process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Auditdesk');
    case 'win32':
      return join(opts.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Auditdesk');
    default:
      return join(opts.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Auditdesk');
  }
}
