import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/ipc/result';
import { SessionErrorCode } from '../aws-errors';
import { REDIRECT_PATH } from './client-registration';

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/oauth/callback`, for the authorize URL and CreateToken. */
  redirectUri: string;
  /** The authorization code, once the browser comes back with our `state`. */
  code: Promise<string>;
  close(): Promise<void>;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * The redirect target of the authorization-code sign-in (RFC 8252 loopback redirect): listens on
 * 127.0.0.1 at a free port for one callback. A callback whose `state` is not ours is refused and
 * the wait goes on, so a page that guesses the port cannot end (or hijack) the sign-in.
 */
export async function startLoopbackListener(opts: { state: string; signal?: AbortSignal }): Promise<LoopbackListener> {
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may stop listening (cancel) before anyone awaits `code`.
  code.catch(() => undefined);
  let done = false;
  const finish = (outcome: { code: string } | { error: Error }) => {
    if (done) return;
    done = true;
    if ('code' in outcome) settle.resolve(outcome.code);
    else settle.reject(outcome.error);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (req.method !== 'GET' || url.pathname !== REDIRECT_PATH || host !== '127.0.0.1') return page(res, 404, 'Not found', '');
    if (done || url.searchParams.get('state') !== opts.state) {
      return page(res, 400, 'Sign-in request not recognised', 'This page does not belong to a sign-in Auditdesk is waiting for.');
    }
    const error = url.searchParams.get('error');
    const received = url.searchParams.get('code');
    if (error || !received) {
      page(res, 200, 'Sign-in not completed', 'Auditdesk was not given access. You can close this tab.');
      const denied = error === 'access_denied';
      finish({
        error: new AppError(
          denied ? SessionErrorCode.signInDenied : SessionErrorCode.signInFailed,
          denied ? 'The sign-in was denied in the browser.' : `The sign-in failed in the browser (${error ?? 'no code returned'}).`,
        ),
      });
      return;
    }
    page(res, 200, 'Signed in', 'You are signed in to AWS. You can close this tab and return to Auditdesk.');
    finish({ code: received });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const onAbort = () => finish({ error: new AppError(SessionErrorCode.signInCancelled, 'The sign-in was cancelled.') });
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();

  return {
    redirectUri: `http://127.0.0.1:${port}${REDIRECT_PATH}`,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        opts.signal?.removeEventListener('abort', onAbort);
        finish({ error: new AppError(SessionErrorCode.signInCancelled, 'The sign-in was cancelled.') });
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem"><h1>${title}</h1><p>${text}</p></body></html>`,
  );
}
