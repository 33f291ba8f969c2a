import type { EmulatorResponse } from '../../core/types';
import { xmlEscape } from '../../core/protocol-errors';

/**
 * The emulator's sign-in pages are plain HTML with inline styles and no scripts or external
 * assets, so they work offline and under the strictest CSP. Framing is refused: an "Allow"
 * button must never be clickjacked.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:* http://[::1]:*; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f5f7;color:#16191f;margin:0}
main{max-width:30rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.3rem;margin-top:0}
.code{font:600 2rem ui-monospace,monospace;letter-spacing:.2rem;text-align:center;padding:1rem;background:#f4f5f7;border-radius:6px}
.buttons{display:flex;gap:1rem;margin-top:1.5rem}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:20px;border:1px solid #0972d3;cursor:pointer}
button.primary{background:#0972d3;color:#fff}
button.secondary{background:#fff;color:#0972d3}
.muted{color:#5f6b7a;font-size:.9rem}
input[type=text]{font:600 1.3rem ui-monospace,monospace;padding:.4rem;width:12rem;text-transform:uppercase}
`;

export function escapeHtml(text: string): string {
  return xmlEscape(text);
}

/** A whole page; `bodyHtml` must already be escaped. */
export function page(status: number, title: string, bodyHtml: string): EmulatorResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Auditdesk emulator</title><style>${STYLE}</style></head>
<body><main>
<p class="muted">AWS IAM Identity Center · Auditdesk local emulator</p>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main></body></html>
`;
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      // same-origin, not no-referrer: with no-referrer Chromium posts the Approve form with
      // `Origin: null`, which the server's same-origin check would refuse.
      'referrer-policy': 'same-origin',
    },
    body: html,
  };
}

export function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export function redirect(location: string): EmulatorResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}
