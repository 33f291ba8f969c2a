import type { EmulatorRequest, EmulatorResponse, ServiceModule } from '../../core/types';
import { SSO_PAGES } from '../../core/router';
import { escapeHtml, hidden, page, redirect } from './page-html';
import { redirectMatches } from './redirect-uris';
import { normaliseUserCode, opaque, type SsoState } from './sso-state';

/**
 * The browser half of sign-in, standing in for the IAM Identity Center portal: `/device` (device
 * code: show the code, Approve/Deny) and `/authorize` (authorization code with PKCE: Allow/Deny,
 * then a redirect to the app's loopback listener). Not an AWS API, so errors are pages.
 */
export function createSsoPages(state: SsoState): ServiceModule {
  return {
    signingNames: [SSO_PAGES],
    operationOf: () => undefined,
    errorResponse: (err) => page(err.status, 'Something went wrong', `<p>${escapeHtml(err.message)}</p>`),
    async handle(req) {
      if (req.path === '/device') return req.method === 'POST' ? decideDevice(state, req) : showDevice(state, req);
      if (req.path === '/authorize') return req.method === 'POST' ? decideAuthorize(state, req) : showAuthorize(state, req);
      return page(200, 'Your AWS access portal', `<p>Signed in to ${escapeHtml(state.world.sso.startUrl)} as ${escapeHtml(state.world.sso.userName)} (emulated).</p>`);
    },
  };
}

function showDevice(state: SsoState, req: EmulatorRequest): EmulatorResponse {
  const userCode = req.query.get('user_code');
  if (!userCode) {
    return page(
      200,
      'Authorize request',
      `<p>Enter the code shown by the application.</p>
<form method="post" action="/device"><input type="text" name="user_code" autocomplete="off" aria-label="Code">
${hidden('decision', 'lookup')}<div class="buttons"><button class="primary" type="submit">Next</button></div></form>`,
    );
  }
  const device = state.findDeviceByUserCode(userCode);
  if (!device || device.expiresAt <= req.now) return page(404, 'Code not valid', '<p>This code is not valid or has expired. Start the sign-in again.</p>');
  if (device.status !== 'pending') return page(200, 'Request already handled', '<p>This request was already approved or denied. You can close this window.</p>');
  const client = state.clients.get(device.clientId);
  device.pageNonce = opaque('', 32);
  return page(
    200,
    'Authorize request',
    `<p><strong>${escapeHtml(client?.clientName ?? 'An application')}</strong> wants to access your AWS accounts as
${escapeHtml(state.world.sso.userName)}. Check that the application shows this code:</p>
<div class="code" id="user-code">${escapeHtml(device.userCode)}</div>
<form method="post" action="/device">${hidden('user_code', device.userCode)}${hidden('nonce', device.pageNonce)}
<div class="buttons"><button class="primary" type="submit" name="decision" value="approve">Approve</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}

function decideDevice(state: SsoState, req: EmulatorRequest): EmulatorResponse {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const userCode = normaliseUserCode(form.get('user_code') ?? '');
  const decision = form.get('decision');
  if (decision === 'lookup') return redirect(`/device?user_code=${encodeURIComponent(userCode)}`);
  if (decision !== 'approve' && decision !== 'deny') return page(400, 'Invalid request', '<p>Choose Approve or Deny.</p>');
  const device = state.findDeviceByUserCode(userCode);
  if (device?.pageNonce === undefined || form.get('nonce') !== device.pageNonce) {
    return page(403, 'Invalid request', '<p>Open the link from the application again and use the buttons on that page.</p>');
  }
  if (!state.decideDevice(userCode, decision === 'approve')) {
    return page(404, 'Code not valid', '<p>This code is not valid, has expired, or was already used.</p>');
  }
  return decision === 'approve'
    ? page(200, 'Request approved', '<p>You can close this window and return to the application.</p>')
    : page(200, 'Request denied', '<p>The application was not given access. You can close this window.</p>');
}

function showAuthorize(state: SsoState, req: EmulatorRequest): EmulatorResponse {
  const q = req.query;
  const client = state.clients.get(q.get('client_id') ?? '');
  const redirectUri = q.get('redirect_uri') ?? '';
  // Until client and redirect URI are known good, errors stay on this page: never redirect to an unchecked URI.
  if (!client) return page(400, 'Invalid request', '<p>Unknown client.</p>');
  if (!redirectMatches(redirectUri, client.redirectUris)) return page(400, 'Invalid request', '<p>The redirect URI is not registered for this client.</p>');
  const state_ = q.get('state') ?? '';
  if (q.get('response_type') !== 'code') return redirect(withParams(redirectUri, { error: 'unsupported_response_type', state: state_ }));
  if (!client.grantTypes.includes('authorization_code')) return redirect(withParams(redirectUri, { error: 'unauthorized_client', state: state_ }));
  const codeChallenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
    return redirect(withParams(redirectUri, { error: 'invalid_request', error_description: 'PKCE with S256 is required', state: state_ }));
  }
  const requested = (q.get('scopes') ?? q.get('scope') ?? '').split(/[\s,]+/).filter(Boolean);
  const scopes = requested.length > 0 ? requested : client.scopes;
  if (scopes.some((s) => !client.scopes.includes(s))) return redirect(withParams(redirectUri, { error: 'invalid_scope', state: state_ }));
  const request = { clientId: client.clientId, redirectUri, state: state_, codeChallenge, scopes };
  if (state.opts.autoApprove) return redirect(withParams(redirectUri, { code: state.issueCode(request).code, state: state_ }));
  const pending = state.addBrowserRequest(request);
  return page(
    200,
    'Allow access?',
    `<p><strong>${escapeHtml(client.clientName)}</strong> wants to access your AWS accounts as ${escapeHtml(state.world.sso.userName)}.</p>
<p class="muted">Scopes: ${escapeHtml(scopes.join(', ') || 'none')}</p>
<form method="post" action="/authorize">${hidden('request_id', pending.id)}
<div class="buttons"><button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}

function decideAuthorize(state: SsoState, req: EmulatorRequest): EmulatorResponse {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const pending = state.browserRequests.get(form.get('request_id') ?? '');
  if (!pending || pending.expiresAt <= req.now) return page(400, 'Request expired', '<p>This sign-in request is not valid any more. Start again from the application.</p>');
  state.browserRequests.delete(pending.id);
  if (form.get('decision') !== 'allow') return redirect(withParams(pending.redirectUri, { error: 'access_denied', state: pending.state }));
  return redirect(withParams(pending.redirectUri, { code: state.issueCode(pending).code, state: pending.state }));
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== '') url.searchParams.set(k, v);
  return url.toString();
}
