import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, checkHostAndOrigin, hasToken } from '../../src/main/web/request-guard';

const PORT = 43117;
const TOKEN = 'q2Yx0c7cZ2bVt7jv1Yt3m5YwQe8R1k9F';

function request(headers: Record<string, string | undefined>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('allowedHosts', () => {
  it('is loopback on this port only', () => {
    expect([...allowedHosts(PORT)].sort()).toEqual([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);
  });
});

describe('checkHostAndOrigin', () => {
  it.each([
    ['127.0.0.1, no Origin (a navigation or curl)', { host: `127.0.0.1:${PORT}` }],
    ['localhost, no Origin', { host: `localhost:${PORT}` }],
    ['upper-case Host', { host: `LOCALHOST:${PORT}` }],
    ['same-origin fetch', { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` }],
    ['localhost page calling 127.0.0.1', { host: `127.0.0.1:${PORT}`, origin: `http://localhost:${PORT}` }],
  ])('allows %s', (_name, headers) => {
    expect(checkHostAndOrigin(request(headers), PORT)).toBeUndefined();
  });

  it.each([
    ['no Host', {}],
    ['empty Host', { host: '' }],
    ['DNS rebinding: a hostile name on our port', { host: `evil.com:${PORT}` }],
    ['DNS rebinding: a lookalike of 127.0.0.1', { host: `127.0.0.1.evil.com:${PORT}` }],
    ['DNS rebinding: a lookalike of localhost', { host: `localhost.evil.com:${PORT}` }],
    ['another port on 127.0.0.1', { host: `127.0.0.1:${PORT + 1}` }],
    ['no port', { host: '127.0.0.1' }],
    ['IPv6 loopback (we bind IPv4 only)', { host: `[::1]:${PORT}` }],
    ['0.0.0.0', { host: `0.0.0.0:${PORT}` }],
    ['a decimal IP for 127.0.0.1', { host: `2130706433:${PORT}` }],
    ['a trailing dot', { host: `localhost.:${PORT}` }],
    ['userinfo in Host', { host: `evil@127.0.0.1:${PORT}` }],
    ['Origin null (sandboxed iframe, file:, data:)', { host: `127.0.0.1:${PORT}`, origin: 'null' }],
    ['a hostile Origin', { host: `127.0.0.1:${PORT}`, origin: 'http://evil.com' }],
    ['a hostile Origin on our port', { host: `127.0.0.1:${PORT}`, origin: `http://evil.com:${PORT}` }],
    ['https on our host and port', { host: `127.0.0.1:${PORT}`, origin: `https://127.0.0.1:${PORT}` }],
    ['another local port', { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT + 1}` }],
    ['a local page without a port', { host: `127.0.0.1:${PORT}`, origin: 'http://localhost' }],
    ['a file: page', { host: `127.0.0.1:${PORT}`, origin: 'file://' }],
    ['an empty Origin', { host: `127.0.0.1:${PORT}`, origin: '' }],
    ['a garbage Origin', { host: `127.0.0.1:${PORT}`, origin: 'not an origin' }],
  ])('refuses %s', (_name, headers) => {
    expect(checkHostAndOrigin(request(headers), PORT)).toMatch(/not allowed/);
  });
});

describe('hasToken', () => {
  it('accepts the exact bearer token', () => {
    expect(hasToken(request({ authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['empty header', ''],
    ['"Bearer " with nothing after it', 'Bearer '],
    ['the token without the scheme', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['lower-case scheme', `bearer ${TOKEN}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token plus a character', `Bearer ${TOKEN}x`],
    ['the token plus a space', `Bearer ${TOKEN} `],
    ['two spaces', `Bearer  ${TOKEN}`],
    ['a wrong token of the same length', `Bearer ${'x'.repeat(TOKEN.length)}`],
    ['the token in another case', `Bearer ${TOKEN.toUpperCase()}`],
    ['non-ASCII of the same string length', `Bearer ${'é'.repeat(TOKEN.length)}`],
  ])('refuses %s', (_name, authorization) => {
    expect(hasToken(request({ authorization }), TOKEN)).toBe(false);
  });
});
