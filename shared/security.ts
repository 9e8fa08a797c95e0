/**
 * The security policy of every page Kinship serves, in both hosts (the Electron app:// protocol and
 * the web host), as pure data: which Content-Security-Policy and headers go with which path.
 *
 * The console itself loads nothing remote: code, styles, fonts and images come from the app (images
 * also as data: URLs). An HTML e-mail is shown in a frame loaded from its own page, with its own
 * policy: nothing runs there, and remote images load only in the page the console chooses once the
 * agent has allowed them for that message. The frame must be a page of its own, not a srcdoc: a
 * srcdoc (or blob:/data:) frame inherits the console's policy, which would then have to allow remote
 * images everywhere.
 */

/** The e-mail frame before the agent allows remote images: nothing remote at all. */
export const EMAIL_FRAME_PAGE = 'email-frame.html';
/** The e-mail frame after the agent allowed remote images for that message. */
export const EMAIL_FRAME_REMOTE_PAGE = 'email-frame-remote.html';

const NO_PLUGINS_NO_FORMS = ["base-uri 'none'", "form-action 'none'", "object-src 'none'"];

/**
 * The console's pages. Styles may be inline because Mantine injects its CSS variables at run time;
 * scripts may not. The only frames are the e-mail frame pages, from the app itself.
 */
export const CONSOLE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  ...NO_PLUGINS_NO_FORMS,
  "frame-ancestors 'none'",
].join('; ');

/** An e-mail frame page: no script at all, the e-mail's own inline styles, framed only by the console. */
export function emailFramePolicy(remoteImages: boolean): string {
  return [
    "default-src 'none'",
    `img-src data:${remoteImages ? ' https: http:' : ''}`,
    "style-src 'self' 'unsafe-inline'",
    'font-src data:',
    ...NO_PLUGINS_NO_FORMS,
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The console's policy under its old name (securityHeadersFor(path) knows the e-mail frame too). */
export const CONTENT_SECURITY_POLICY = CONSOLE_POLICY;

/** The page a request path names ('' for the root), without the leading slash. */
function pageOf(pathname: string): string {
  return pathname.replace(/^\/+/, '');
}

/** The Content-Security-Policy for a path the app serves. Everything but the two frame pages is the console's. */
export function contentSecurityPolicyFor(pathname: string): string {
  const page = pageOf(pathname);
  if (page === EMAIL_FRAME_PAGE) return emailFramePolicy(false);
  if (page === EMAIL_FRAME_REMOTE_PAGE) return emailFramePolicy(true);
  return CONSOLE_POLICY;
}

/** Every security header for a path the app serves (both hosts send the same). */
export function securityHeadersFor(pathname: string): Record<string, string> {
  const page = pageOf(pathname);
  const framePage = page === EMAIL_FRAME_PAGE || page === EMAIL_FRAME_REMOTE_PAGE;
  return {
    'Content-Security-Policy': contentSecurityPolicyFor(pathname),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': framePage ? 'SAMEORIGIN' : 'DENY',
  };
}

/** The policy as a <meta> tag can carry it (frame-ancestors only works as a header). */
export function metaPolicyFor(pathname: string): string {
  return contentSecurityPolicyFor(pathname)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}
