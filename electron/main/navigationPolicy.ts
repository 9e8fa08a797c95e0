import { EMAIL_FRAME_PAGE, EMAIL_FRAME_REMOTE_PAGE } from '../../shared/security';
import { APP_HOST, APP_SCHEME } from './appProtocol';

/**
 * Where a Kinship window may go. Plain functions of the address (no electron import), tested as
 * is; electron/main/security.ts wires them to every frame of every window.
 */

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of the console's origin at exactly this path, with no query (Node's URL gives custom schemes no origin, so compare the parts). */
function isAppPage(url: string, pathnames: string[]): boolean {
  const address = parsed(url);
  return (
    address !== null &&
    address.protocol === `${APP_SCHEME}:` &&
    address.host === APP_HOST &&
    address.username === '' &&
    address.password === '' &&
    address.search === '' &&
    pathnames.includes(address.pathname)
  );
}

/** The console's own page (any fragment: the pop-out window carries its conversation there). */
export function isConsolePage(url: string): boolean {
  return isAppPage(url, ['/index.html']);
}

/** An e-mail frame page (the console puts the sanitised e-mail into it). */
export function isEmailFramePage(url: string): boolean {
  return isAppPage(url, [`/${EMAIL_FRAME_PAGE}`, `/${EMAIL_FRAME_REMOTE_PAGE}`]);
}

export interface NavigationRequest {
  url: string;
  isMainFrame: boolean;
}

/** An address at the team server's origin (scheme, host and port exactly), without credentials; for frames, only its e-mail frame pages. */
function isTeamServerPage(url: string, teamOrigin: string, isMainFrame: boolean): boolean {
  const address = parsed(url);
  if (!address || address.origin !== teamOrigin || address.username !== '' || address.password !== '') return false;
  return isMainFrame || (address.search === '' && [`/${EMAIL_FRAME_PAGE}`, `/${EMAIL_FRAME_REMOTE_PAGE}`].includes(address.pathname));
}

/**
 * A window's top frame may only show the console; a frame inside it only an e-mail frame page.
 * When this copy of Kinship is a console of the team's server (`teamOrigin`, chosen on the first
 * screen), that server's own pages too, and nothing of any other origin. Everything else (a link in
 * an e-mail, a redirect, a hostile page) stays where it is.
 */
export function mayNavigate({ url, isMainFrame }: NavigationRequest, teamOrigin: string | null = null): boolean {
  if (teamOrigin !== null && isTeamServerPage(url, teamOrigin, isMainFrame)) return true;
  return isMainFrame ? isConsolePage(url) : isEmailFramePage(url);
}

/**
 * What a request for a new window becomes: never a Kinship window; an https or mailto address
 * opens in the user's own browser or mail program, anything else (file:, javascript:, a custom
 * protocol handler, http:) nowhere.
 */
export function externalOpenTarget(url: string): string | null {
  const address = parsed(url);
  if (!address) return null;
  if (address.protocol === 'mailto:') return address.href;
  if (address.protocol === 'https:' && address.username === '' && address.password === '' && address.hostname !== '') return address.href;
  return null;
}
