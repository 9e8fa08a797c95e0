import { describe, expect, it } from 'vitest';
import { externalOpenTarget, isConsolePage, mayNavigate } from '../../../electron/main/navigationPolicy';
import { permissionGranted } from '../../../electron/main/permissionPolicy';

describe('where a Kinship window may go', () => {
  it('a console of the team server: that origin’s pages, its e-mail frames inside them, and no other origin', () => {
    const team = 'https://kinship.example.com';
    for (const url of ['https://kinship.example.com/', 'https://kinship.example.com/#/inbox?status=open', 'https://kinship.example.com/#invite=abc']) {
      expect(mayNavigate({ url, isMainFrame: true }, team), url).toBe(true);
      // the desk's console never goes there
      expect(mayNavigate({ url, isMainFrame: true }), url).toBe(false);
    }
    expect(mayNavigate({ url: 'https://kinship.example.com/email-frame.html', isMainFrame: false }, team)).toBe(true);
    for (const [url, isMainFrame] of [
      ['http://kinship.example.com/', true],
      ['https://kinship.example.com:8443/', true],
      ['https://evil.example.com/', true],
      ['https://kinship.example.com.evil.example/', true],
      ['https://user:pw@kinship.example.com/', true],
      ['https://kinship.example.com/', false],
      ['https://kinship.example.com/email-frame.html?next=https://x', false],
      ['https://tracker.example/pixel', false],
    ] as const) {
      expect(mayNavigate({ url, isMainFrame }, team), url).toBe(false);
    }
  });

  it('the top frame shows the console page only (a pop-out carries its conversation in the fragment)', () => {
    for (const url of ['app://kinship/index.html', 'app://kinship/index.html#conversation=12']) {
      expect(mayNavigate({ url, isMainFrame: true })).toBe(true);
      expect(isConsolePage(url)).toBe(true);
    }
    for (const url of [
      'app://kinship/email-frame-remote.html',
      'app://kinship/index.html?x=1',
      'app://evil/index.html',
      'app://user@kinship/index.html',
      'file:///work/out/renderer/index.html',
      'https://example.com/',
      'http://127.0.0.1:5173/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>hi</h1>',
      '',
    ]) {
      expect(mayNavigate({ url, isMainFrame: true }), url).toBe(false);
    }
  });

  it('a frame inside it shows an e-mail frame page only, never the console or anything remote', () => {
    expect(mayNavigate({ url: 'app://kinship/email-frame.html', isMainFrame: false })).toBe(true);
    expect(mayNavigate({ url: 'app://kinship/email-frame-remote.html', isMainFrame: false })).toBe(true);
    for (const url of ['app://kinship/index.html', 'https://tracker.example/pixel', 'about:blank#x', 'app://kinship/email-frame.html?next=https://x']) {
      expect(mayNavigate({ url, isMainFrame: false }), url).toBe(false);
    }
  });

  it('only https and mailto addresses leave for the user’s own programs', () => {
    expect(externalOpenTarget('https://example.com/help')).toBe('https://example.com/help');
    expect(externalOpenTarget('mailto:sam@example.com')).toBe('mailto:sam@example.com');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.com/', 'not a url', 'HTTPS:']) {
      expect(externalOpenTarget(url), url).toBeNull();
    }
  });

  it('no page is granted any web permission', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'usb', 'fullscreen', 'unknown']) {
      expect(permissionGranted(permission, 'app://kinship/index.html')).toBe(false);
    }
  });
});
