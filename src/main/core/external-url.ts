/**
 * Links leave the app only to the system browser and only as http(s): no file:, javascript:,
 * smb: or custom protocol handlers, which would let a hostile string run or fetch something local.
 */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 4096) return false;
  // The URL parser quietly drops tabs and newlines and trims spaces, but the opener gets the
  // original string: refuse anything that would not round-trip rather than pass it on.
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
}

/** Actual's openExternalUrl shape: the opener is passed in, so this is testable without Electron. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(value)) return false;
  await open(value);
  return true;
}
