/**
 * Where Auditdesk would keep a secret of its own between runs. The shell passes Electron's
 * safeStorage (OS keychain); Node and tests get one that keeps secrets in memory only or refuses.
 * Today nothing uses it: SSO tokens live in the AWS CLI cache by design (so the CLI shares the
 * sign-in), and credentials are never persisted. Anything secret added later goes through here.
 */
export interface SecretStore {
  /** False when secrets cannot be kept safely on this machine; callers then keep nothing. */
  readonly available: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** For tests and one-shot CLI runs: secrets last as long as the process. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    available: true,
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

/** For Node without an OS keychain: nothing secret is written anywhere. */
export const refusingSecretStore: SecretStore = {
  available: false,
  get: async () => undefined,
  set: async () => {
    throw new Error('No secure storage is available here; the secret was not saved.');
  },
  delete: async () => undefined,
};
