import { describe, expect, it } from 'vitest';
import { externalOpenTarget, isConsolePage, mayNavigate } from '../../../electron/main/navigationPolicy';
import { permissionGranted } from '../../../electron/main/permissionPolicy';

describe('where a Kinship window may go', () => {
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
