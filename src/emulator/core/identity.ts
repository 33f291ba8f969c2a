import { createHmac, randomBytes } from 'node:crypto';
import { deriveString, UPPER_ALNUM } from './prng';
import type { Caller } from './types';

/**
 * Every access key the emulator hands out, mapped to who it belongs to. Secrets live only here and
 * in the files/responses that hand them to the SDK; nothing in the emulator logs them.
 */
export interface IssuedKey {
  caller: Caller;
  secretAccessKey: string;
  /** Present for temporary (ASIA…) credentials; the request must carry it as X-Amz-Security-Token. */
  sessionToken?: string;
  /** True once an admin expired it, whatever `caller.expiresAt` says. */
  revoked: boolean;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CallerTemplate = Omit<Caller, 'accessKeyId' | 'expiresAt'>;

export class IdentityRegistry {
  private readonly keys = new Map<string, IssuedKey>();

  constructor(private readonly seed: string) {}

  /**
   * A long-term AKIA key that is the same for the same seed and label, so a config file written
   * by one run keeps working against the next run with the same seed. Anyone who knows the seed
   * can derive the secret; that is fine, because these keys open nothing but the emulator.
   */
  issueStaticKey(template: CallerTemplate, label: string): IssuedCredentials {
    const accessKeyId = `AKIA${deriveString(this.seed, `akid:${label}`, UPPER_ALNUM, 16)}`;
    const secretAccessKey = createHmac('sha256', this.seed).update(`secret:${label}`).digest('base64').slice(0, 40);
    this.keys.set(accessKeyId, { caller: { ...template, accessKeyId }, secretAccessKey, revoked: false });
    return { accessKeyId, secretAccessKey };
  }

  /** Temporary ASIA credentials (AssumeRole, SSO role credentials); random, they live in memory only. */
  issueSessionKey(template: CallerTemplate, expiresAt: Date): Required<IssuedCredentials> {
    const accessKeyId = `ASIA${randomChars(16)}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    // Real session tokens are long opaque base64 blobs; SDKs must not assume a length.
    const sessionToken = `IQoJb3JpZ2luX2VjE${randomBytes(180).toString('base64')}`;
    this.keys.set(accessKeyId, {
      caller: { ...template, accessKeyId, expiresAt },
      secretAccessKey,
      sessionToken,
      revoked: false,
    });
    return { accessKeyId, secretAccessKey, sessionToken, expiration: expiresAt };
  }

  lookup(accessKeyId: string): IssuedKey | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Whether the key no longer works at `now` (revoked, or past its expiry). */
  isExpired(key: IssuedKey, now: Date): boolean {
    return key.revoked || (key.caller.expiresAt !== undefined && key.caller.expiresAt.getTime() <= now.getTime());
  }

  /** Makes one key stop working now; returns whether it existed. */
  expireKey(accessKeyId: string): boolean {
    const key = this.keys.get(accessKeyId);
    if (!key) return false;
    key.revoked = true;
    return true;
  }

  /** Expires the temporary credentials that carry this session token. */
  expireToken(sessionToken: string): boolean {
    for (const key of this.keys.values()) {
      if (key.sessionToken === sessionToken) {
        key.revoked = true;
        return true;
      }
    }
    return false;
  }

  /** Expires every temporary credential (long-term keys do not expire). */
  expireAllSessions(): number {
    let n = 0;
    for (const key of this.keys.values()) {
      if (key.sessionToken !== undefined && !key.revoked) {
        key.revoked = true;
        n++;
      }
    }
    return n;
  }
}

function randomChars(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += UPPER_ALNUM[b % UPPER_ALNUM.length];
  return out;
}
