import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, shouldBlockNavigation } from '../../src/main/app/security-policy';

const fileApp = 'file:///opt/Auditdesk/resources/app/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

describe('isAppUrl with the packaged renderer (file:)', () => {
  it.each([
    ['the page itself', fileApp],
    ['a route in the hash', `${fileApp}#/events?profile=audit`],
    ['a query string', `${fileApp}?x=1`],
  ])('accepts %s', (_name, url) => {
    expect(isAppUrl(url, fileApp)).toBe(true);
  });

  it.each([
    ['another file', 'file:///etc/passwd'],
    ['another html file next to it', 'file:///opt/Auditdesk/resources/app/out/renderer/other.html'],
    ['a file on a remote host (a UNC share on Windows)', 'file://attacker.example/opt/Auditdesk/resources/app/out/renderer/index.html'],
    ['localhost as the file host', 'file://localhost.attacker.example/opt/Auditdesk/resources/app/out/renderer/index.html'],
    ['the path with a traversal that lands elsewhere', 'file:///opt/Auditdesk/resources/app/out/renderer/../../../../../etc/passwd'],
    ['http with the same path', 'http://localhost/opt/Auditdesk/resources/app/out/renderer/index.html'],
    ['the dev server', devApp],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['javascript:', 'javascript:alert(1)'],
    ['empty', ''],
    ['undefined', undefined],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAppUrl(url, fileApp)).toBe(false);
  });
});

describe('isAppUrl with the dev server (http:)', () => {
  it.each([
    ['the root', 'http://localhost:5173/'],
    ['a path on the same origin', 'http://localhost:5173/src/main.tsx'],
    ['a hash route', 'http://localhost:5173/#/findings'],
    ['upper-case host (same origin once parsed)', 'http://LOCALHOST:5173/'],
  ])('accepts %s', (_name, url) => {
    expect(isAppUrl(url, devApp)).toBe(true);
  });

  it.each([
    ['another port', 'http://localhost:5174/'],
    ['the same port on 127.0.0.1 (another origin)', 'http://127.0.0.1:5173/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['a lookalike host', 'http://localhost.evil.example:5173/'],
    ['a lookalike IP host', 'http://127.0.0.1.evil.example:5173/'],
    ['credentials in the URL', 'http://user:pass@localhost:5173/'],
    ['a username only', 'http://user@localhost:5173/'],
    ['the app origin as a username', 'http://localhost:5173@evil.example/'],
    ['a remote site', 'https://evil.example/'],
    ['file:', 'file:///etc/passwd'],
    ['ws: on the same host and port', 'ws://localhost:5173/'],
  ])('refuses %s', (_name, url) => {
    expect(isAppUrl(url, devApp)).toBe(false);
  });

  it('refuses everything when the app URL itself is unparseable', () => {
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const main = (url: string) => ({ url, parent: null });

  it('trusts the main frame of our page', () => {
    expect(isTrustedSender(main(fileApp), fileApp)).toBe(true);
    expect(isTrustedSender(main(`${devApp}#/events`), devApp)).toBe(true);
  });

  it.each([
    ['no frame (destroyed or navigated away)', null],
    ['undefined', undefined],
    ['an iframe of our own page', { url: fileApp, parent: main(fileApp) }],
    ['an iframe of a foreign page inside ours', { url: 'https://evil.example/', parent: main(fileApp) }],
    ['a foreign main frame', main('https://evil.example/')],
    ['a lookalike dev host', main('http://127.0.0.1.evil.example:5173/')],
    ['another file', main('file:///tmp/evil.html')],
    ['the same path on another file host', main('file://attacker.example/opt/Auditdesk/resources/app/out/renderer/index.html')],
    ['credentials in the URL', main('http://user:pass@localhost:5173/')],
    ['about:blank', main('about:blank')],
    ['an empty URL', main('')],
  ])('refuses %s', (_name, frame) => {
    const appUrl = typeof frame?.url === 'string' && frame.url.startsWith('http') ? devApp : fileApp;
    expect(isTrustedSender(frame, appUrl)).toBe(false);
  });

  it('treats any truthy parent as an iframe', () => {
    expect(isTrustedSender({ url: fileApp, parent: {} }, fileApp)).toBe(false);
  });
});

describe('shouldBlockNavigation', () => {
  it('lets the page reload itself', () => {
    expect(shouldBlockNavigation(fileApp, fileApp)).toBe(false);
    expect(shouldBlockNavigation(devApp, devApp)).toBe(false);
  });

  it.each([
    ['a remote site', 'https://evil.example/'],
    ['another file', 'file:///etc/passwd'],
    ['another page on the dev origin', 'http://localhost:5173/other.html'],
    ['a lookalike host', 'http://localhost.evil.example:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,x'],
    ['an unparseable target', '::not a url::'],
    ['an empty target', ''],
  ])('blocks %s', (_name, target) => {
    const appUrl = target.startsWith('http://localhost') ? devApp : fileApp;
    expect(shouldBlockNavigation(target, appUrl)).toBe(true);
  });

  it('blocks everything, without throwing, when the app URL is unparseable', () => {
    expect(shouldBlockNavigation('https://example.com/', 'garbage')).toBe(true);
  });
});
