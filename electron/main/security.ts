import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/** The console's own pages: the built renderer on disk. Nothing else may load in a window. */
export function isConsolePage(url: string, rendererIndexUrl: string): boolean {
  return url === rendererIndexUrl || url.startsWith(`${rendererIndexUrl}#`);
}

/** Locks down every window: CSP on every response, no navigation, no new windows, no permissions. */
export function applySecurityPolicy(rendererIndexUrl: string): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isConsolePage(url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links in customer messages open in the user's browser, never inside Kinship.
      if (url.startsWith('https://') || url.startsWith('mailto:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
