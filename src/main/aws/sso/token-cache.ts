import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The AWS CLI v2 SSO token cache: `<home>/.aws/sso/cache/<sha1>.json`, the same file `aws sso
 * login` writes and the SDKs read, so a sign-in in Auditdesk also serves the CLI and vice versa.
 * `home` is the workspace's (the demo has its own), never read from process.env.
 */
export const CachedSsoToken = z.object({
  startUrl: z.string(),
  region: z.string(),
  accessToken: z.string().min(1),
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ` as the CLI writes it (any ISO 8601 is read). */
  expiresAt: z.string().refine((v) => !Number.isNaN(Date.parse(v))),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  registrationExpiresAt: z.string().optional(),
  refreshToken: z.string().optional(),
});
export type CachedSsoToken = z.infer<typeof CachedSsoToken>;

export function ssoCacheDir(home: string): string {
  return join(home, '.aws', 'sso', 'cache');
}

export function tokenCachePath(home: string, cacheKey: string): string {
  return join(ssoCacheDir(home), `${cacheKey}.json`);
}

/** The cached token, or undefined when there is none or it is not a token the CLI would accept. */
export async function readCachedToken(home: string, cacheKey: string): Promise<CachedSsoToken | undefined> {
  return readJson(tokenCachePath(home, cacheKey), CachedSsoToken);
}

export async function writeCachedToken(home: string, cacheKey: string, token: CachedSsoToken): Promise<void> {
  // Key order as the CLI writes it, so a diff of the file against the CLI's shows only values.
  const ordered: CachedSsoToken = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: cliTimestamp(token.expiresAt),
    ...(token.clientId ? { clientId: token.clientId } : {}),
    ...(token.clientSecret ? { clientSecret: token.clientSecret } : {}),
    ...(token.registrationExpiresAt ? { registrationExpiresAt: cliTimestamp(token.registrationExpiresAt) } : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  };
  await writePrivateJson(tokenCachePath(home, cacheKey), ordered);
}

export async function deleteCachedToken(home: string, cacheKey: string): Promise<void> {
  await rm(tokenCachePath(home, cacheKey), { force: true });
}

/** `2025-01-31T12:00:00Z`: botocore's format, no milliseconds. */
export function cliTimestamp(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${date.toISOString().slice(0, 19)}Z`;
}

export async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write-then-rename, 0600 in a 0700 folder: the file holds a bearer token, and a reader (the
 * CLI, another Auditdesk) must never see half of it.
 */
export async function writePrivateJson(path: string, value: unknown): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(value), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
