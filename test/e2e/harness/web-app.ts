import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { envForFixture, type AwsFixture } from './aws-fixture';
import { cliEntry, repoRoot } from './paths';

export interface WebApp {
  url: string;
  port: number;
  /** Calls a channel as the page would, for test set-up (same token, same contract). */
  invoke(channel: string, input?: unknown): Promise<unknown>;
  /** Back to the user's workspace with no profile chosen, as a fresh core starts. */
  reset(): Promise<void>;
  /** What the server wrote to stderr, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts browser mode as the user would (`auditdesk web --json`) and resolves on its one JSON
 * line: the server's own "ready" milestone, never a fixed wait.
 */
export async function startWebApp(fixture: AwsFixture): Promise<WebApp> {
  // The text index waits 5 s after the last write (2 s in the app), so that a test can see a search made before it catches up.
  const env = { ...envForFixture(fixture), AUDITDESK_TEXT_INDEX_DELAY_MS: '5000' };
  const child = spawn(process.execPath, [cliEntry, 'web', '--json', '--port', '0', '--data-dir', fixture.dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });

  const ready = await waitForReadyLine(child, () => stderr);
  async function invoke(channel: string, input: unknown = {}): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${ready.port}/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.token}` },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    // An internal error's details are only in the server's log: bring its end along.
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}\n--- server log (end) ---\n${stderr.slice(-4000)}`);
    return result.data;
  }
  async function reset() {
    const workspace = (await invoke('workspace:get')) as { kind: string };
    if (workspace.kind !== 'user') await invoke('workspace:open-user');
    await invoke('workspace:set-active-profiles', { profiles: [] });
  }
  return { url: ready.url, port: ready.port, invoke, reset, stderr: () => stderr, stop: () => stopChild(child) };
}

function waitForReadyLine(child: ChildProcess, stderr: () => string): Promise<{ url: string; port: number; token: string }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`auditdesk web printed no JSON line within ${READY_TIMEOUT_MS} ms.\n${stderr()}`)), READY_TIMEOUT_MS);
    function fail(error: Error) {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(error);
    }
    lines.on('line', (line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return;
      }
      const ready = parsed as { url?: unknown; port?: unknown; token?: unknown };
      if (typeof ready.url === 'string' && typeof ready.port === 'number' && typeof ready.token === 'string') {
        clearTimeout(timer);
        lines.close();
        resolve({ url: ready.url, port: ready.port, token: ready.token });
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`auditdesk web exited (${signal ?? code}) before it was ready.\n${stderr()}`)));
  });
}

/** SIGTERM is the CLI's clean stop; SIGKILL only if it does not exit within five seconds. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
