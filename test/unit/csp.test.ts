import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/csp';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).sort().join(' ')] as const),
  );

describe('the Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it('allows no eval, no inline or remote script, no plugins, no framing', () => {
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(policy.get('script-src')).not.toContain('unsafe-inline');
    expect(policy.get('connect-src')).toBe("'self'");
  });

  it('is the same in the page’s meta tag (which cannot carry frame-ancestors) as in the response header', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta, 'src/renderer/index.html has a CSP meta tag').toBeDefined();
    const expected = new Map(policy);
    expected.delete('frame-ancestors');
    expect(directives(meta ?? '')).toEqual(expected);
  });
});
