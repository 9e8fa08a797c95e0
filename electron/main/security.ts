import { app, protocol, session, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol';
import { externalOpenTarget, mayNavigate } from './navigationPolicy';
import { permissionGranted } from './permissionPolicy';

/**
 * Wires Kinship's security policy into Electron. The decisions are plain functions tested under
 * Node (appProtocol, navigationPolicy, permissionPolicy, shared/security); this file only connects
 * them to Electron's hooks. docs/electron-security.md lists the checklist item by item.
 */

/** Must run before the app is ready: app:// becomes a standard, secure scheme with an origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function lockDownSession(target: Session, rendererDir: string): void {
  // the console and its e-mail frames come from out/renderer over app://, each page with its own CSP header
  target.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, request.method));
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionGranted(permission, requestingOrigin));
  target.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionGranted(permission, details.requestingUrl)));
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // no dictionaries fetched from Google's CDN: spellcheck is off, and its download address leads nowhere
  target.setSpellCheckerEnabled(false);
  target.setSpellCheckerDictionaryDownloadURL('https://localhost.invalid/');
}

function lockDownContents(contents: WebContents, teamOriginOf: (contents: WebContents) => string | null): void {
  const teamOrigin = () => teamOriginOf(contents);
  // every frame, the top one and any frame inside it (will-frame-navigate covers both)
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate({ url: event.url, isMainFrame: event.isMainFrame }, teamOrigin())) event.preventDefault();
  });
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate({ url, isMainFrame: true }, teamOrigin())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate({ url: event.url, isMainFrame: event.isMainFrame }, teamOrigin())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // links open in the user's own browser or mail program, never inside Kinship
    const target = externalOpenTarget(url);
    if (target) void shell.openExternal(target);
    return { action: 'deny' };
  });
}

/**
 * Locks down the default session and every window created from now on. Call once the app is ready.
 * `teamOriginOf`: for a window's contents, the team server it is a console of (only the team window,
 * which has no preload: a console page with the bridge never goes to a remote origin), or null.
 */
export function applySecurityPolicy(rendererDir: string, teamOriginOf: (contents: WebContents) => string | null = () => null): void {
  lockDownSession(session.defaultSession, rendererDir);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, teamOriginOf));
}
