import { describe, expect, it } from 'vitest';
import { CONSOLE_POLICY, contentSecurityPolicyFor, metaPolicyFor, securityHeadersFor } from '../../shared/security';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('each page its own Content-Security-Policy', () => {
  it('the console loads no remote image, script, style, font or connection', () => {
    for (const page of ['/', '/index.html', '/assets/index-abc.js', '/anything-else']) {
      const policy = contentSecurityPolicyFor(page);
      expect(policy).toBe(CONSOLE_POLICY);
      expect(policy).not.toMatch(/https?:|\*/);
      expect(directive(policy, 'img-src')).toBe("img-src 'self' data:");
      expect(directive(policy, 'script-src')).toBe("script-src 'self'");
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(securityHeadersFor(page)['X-Frame-Options']).toBe('DENY');
    }
  });

  it('the e-mail frame runs nothing, and allows remote images only in the page chosen after consent', () => {
    const before = contentSecurityPolicyFor('/email-frame.html');
    const after = contentSecurityPolicyFor('/email-frame-remote.html');
    expect(directive(before, 'img-src')).toBe('img-src data:');
    expect(directive(after, 'img-src')).toBe('img-src data: https: http:');
    for (const policy of [before, after]) {
      expect(directive(policy, 'default-src')).toBe("default-src 'none'");
      expect(directive(policy, 'script-src')).toBeUndefined(); // falls back to default-src 'none'
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    }
    expect(securityHeadersFor('/email-frame.html')['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('a path that only resembles a frame page gets the console’s policy', () => {
    for (const page of ['/email-frame.html/x', '/x/email-frame-remote.html', '/email-frame-remote.htm']) {
      expect(contentSecurityPolicyFor(page)).toBe(CONSOLE_POLICY);
    }
  });

  it('the <meta> copy is the header without frame-ancestors', () => {
    expect(metaPolicyFor('/index.html')).toBe(CONSOLE_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(metaPolicyFor('/email-frame.html')).not.toContain('frame-ancestors');
  });
});
