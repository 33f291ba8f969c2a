import { constants } from 'node:fs';
import { appendFile, copyFile, readFile } from 'node:fs/promises';
import type { ProfileSettings } from '../profiles/profile-kind';

/** The keys written for a profile added from discovery, in the order the CLI's `aws configure sso` writes them. */
const KEY_ORDER = ['sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name', 'region', 'endpoint_url'];

export function profileSectionText(name: string, settings: ProfileSettings): string {
  const lines = [`[profile ${name}]`];
  for (const key of KEY_ORDER) {
    const value = settings[key];
    if (value) lines.push(`${key} = ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Exactly what writeProfileSection appends to the file as it is now: a blank line before the section. */
export async function appendText(configFile: string, name: string, settings: ProfileSettings): Promise<string> {
  const current = await readFile(configFile, 'utf8').catch(() => '');
  const separator = current === '' ? '' : current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
  return `${separator}${profileSectionText(name, settings)}`;
}

/**
 * Appends a profile to the user's config file, after copying the file to
 * `<file>.auditdesk-<UTC timestamp>.bak` (never overwriting an older backup). Only settings are
 * written: the section names a session, an account and a role, never a token.
 */
export async function writeProfileSection(
  configFile: string,
  name: string,
  settings: ProfileSettings,
  now: Date,
): Promise<{ text: string; backupFile?: string }> {
  const text = await appendText(configFile, name, settings);
  let backupFile: string | undefined;
  const exists = await readFile(configFile).then(
    () => true,
    () => false,
  );
  if (exists) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    for (let n = 0; !backupFile; n++) {
      const candidate = `${configFile}.auditdesk-${stamp}${n ? `-${n}` : ''}.bak`;
      try {
        await copyFile(configFile, candidate, constants.COPYFILE_EXCL);
        backupFile = candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
      }
    }
  }
  await appendFile(configFile, text, { mode: 0o600 });
  return { text, ...(backupFile ? { backupFile } : {}) };
}
