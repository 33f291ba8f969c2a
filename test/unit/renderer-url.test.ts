import { describe, expect, it, vi } from 'vitest';
import { rendererUrl } from '../../src/main/app/create-main-window';
import { isAppUrl, isTrustedSender } from '../../src/main/app/security-policy';

vi.mock('electron', () => ({ BrowserWindow: class {}, nativeTheme: {} }));

describe('rendererUrl', () => {
  it('uses the dev server URL when one is given', () => {
    expect(rendererUrl('/opt/Auditdesk/out/main', 'http://localhost:5173/')).toBe('http://localhost:5173/');
  });

  it('points at the built index.html next to the main bundle', () => {
    expect(rendererUrl('/opt/Auditdesk/out/main', undefined)).toBe('file:///opt/Auditdesk/out/renderer/index.html');
  });

  it('encodes install paths with spaces, # and %, so the page is still recognised as ours', () => {
    const url = rendererUrl('/home/alice/My Apps #1 100%/Auditdesk/out/main', undefined);
    expect(url).toBe('file:///home/alice/My%20Apps%20%231%20100%25/Auditdesk/out/renderer/index.html');
    // What Chromium reports for that page, with a route in the hash.
    const reported = `${url}#/events`;
    expect(isAppUrl(reported, url)).toBe(true);
    expect(isTrustedSender({ url: reported, parent: null }, url)).toBe(true);
    expect(isAppUrl('file:///home/alice/My%20Apps%20/evil.html', url)).toBe(false);
  });
});
