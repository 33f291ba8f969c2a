import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, openExternalUrl } from '../../src/main/core/external-url';

// Strings a hostile page (or a hostile CloudTrail record shown as a link) could hand to
// window.open / a link; none of them may reach shell.openExternal.
const refused: Array<[string, unknown]> = [
  ['javascript:', 'javascript:alert(document.domain)'],
  ['javascript: upper case', 'JaVaScRiPt:alert(1)'],
  ['javascript: behind leading spaces', '   javascript:alert(1)'],
  ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['file: UNC host', 'file://attacker.example/share/payload.exe'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['blob:', 'blob:https://example.com/1234'],
  ['smb:', 'smb://attacker.example/share'],
  ['ftp:', 'ftp://example.com/file'],
  ['custom scheme', 'vscode://file/etc/passwd'],
  ['custom scheme (ms-)', 'ms-msdt:/id PCWDiagnostic'],
  ['custom scheme (search-ms)', 'search-ms:query=secret&crumb=location:\\\\attacker.example\\share'],
  ['chrome:', 'chrome://settings'],
  ['about:', 'about:blank'],
  ['ws:', 'ws://127.0.0.1:1234/'],
  ['credentials', 'http://user:pass@example.com/'],
  ['user only', 'https://user@example.com/'],
  ['password only', 'https://:secret@example.com/'],
  ['lookalike host with credentials', 'https://aws.amazon.com@evil.example/'],
  ['newline inside the host', 'https://exa\nmple.com/'],
  ['carriage return', 'https://example.com/\r\nSet-Cookie: x'],
  ['NUL byte', 'https://example.com/\u0000'],
  ['DEL', 'https://example.com/\u007f'],
  ['trailing space', 'https://example.com/ '],
  ['leading space', ' https://example.com/'],
  ['non-breaking space', 'https://example.com/\u00a0x'],
  ['line separator', 'https://example.com/\u2028'],
  ['very long', `https://example.com/${'a'.repeat(5000)}`],
  ['empty', ''],
  ['not a URL', 'not a url'],
  ['relative path', '/docs/page'],
  ['protocol-relative', '//evil.example/'],
  ['scheme only', 'https://'],
  ['undefined', undefined],
  ['null', null],
  ['number', 42],
  ['object', { href: 'https://example.com/' }],
  ['object with toString', { toString: () => 'https://example.com/' }],
  ['URL instance', new URL('https://example.com/')],
  ['array', ['https://example.com/']],
];

const allowed = [
  'https://aws.amazon.com/cloudtrail/',
  'http://example.com',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html#findings-view',
  'https://console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/events?EventName=ConsoleLogin',
  'HTTPS://EXAMPLE.COM/Path',
  'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH',
];

describe('isSafeExternalUrl', () => {
  it.each(refused)('refuses %s', (_name, value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });

  it.each(allowed)('allows %s', (value) => {
    expect(isSafeExternalUrl(value)).toBe(true);
  });
});

describe('openExternalUrl', () => {
  it.each(refused)('never calls the opener for %s', async (_name, value) => {
    const open = vi.fn(async () => {});
    await expect(openExternalUrl(value, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it.each(allowed)('hands %s to the opener unchanged', async (value) => {
    const open = vi.fn(async () => {});
    await expect(openExternalUrl(value, open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith(value);
  });

  it('passes an opener failure on to the caller', async () => {
    const open = vi.fn(async () => {
      throw new Error('no browser');
    });
    await expect(openExternalUrl('https://example.com/', open)).rejects.toThrow('no browser');
  });
});
