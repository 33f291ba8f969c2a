import { spawn } from 'node:child_process';
import { isSafeExternalUrl } from '../main/core/external-url';

/** Browser mode's openExternal: the platform's opener, for http(s) URLs only. */
export async function openInBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) throw new Error('Only http and https links can be opened.');
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  await new Promise<void>((resolve) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    // No opener (a headless machine) is not an error: the URL is also shown to the user.
    child.on('error', () => resolve());
    child.unref();
    resolve();
  });
}
