import { isLoopbackAddress } from '../loopback';

/**
 * Electron's first screen: where this copy of Kinship works — on this desk (its own services and
 * SQLite file) or as a console of the team's Kinship server. Kept by the main process; asked again
 * from the app menu.
 */
export type WorkspaceChoice = { kind: 'desk' } | { kind: 'team'; origin: string };

/**
 * A choice as it crosses from the first screen (IPC) or comes back from its file, or null when it is
 * not one: exactly `{ kind: 'desk' }` or `{ kind: 'team', origin }` with a string origin. Written out
 * rather than with zod: the Electron main process, which reads it, carries no libraries.
 */
export function parseWorkspaceChoice(input: unknown): WorkspaceChoice | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const keys = Object.keys(input).sort().join(',');
  const { kind, origin } = input as { kind?: unknown; origin?: unknown };
  if (kind === 'desk' && keys === 'kind') return { kind: 'desk' };
  if (kind === 'team' && keys === 'kind,origin' && typeof origin === 'string' && origin.length > 0 && origin.length <= 300) return { kind: 'team', origin };
  return null;
}

/** The address fragment of the console page that shows the first screen instead of the console. */
export const CHOOSE_WORKSPACE_HASH = '#choose';

export type TeamServerAddress = { ok: true; origin: string } | { ok: false; message: string };

/**
 * The origin of a team server from what a person typed ("kinship.example.com",
 * "https://kinship.example.com/inbox"), or why it cannot be one. Beyond this machine only https:
 * passwords and sessions never cross a network in clear (the server refuses it too).
 */
export function teamServerOrigin(typed: string): TeamServerAddress {
  const text = typed.trim();
  if (!text) return { ok: false, message: 'Type the address your admin gave you, for example kinship.example.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${text}” is not a web address. Type it as your admin gave it, for example kinship.example.com.` };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave the name and password out of the address: you sign in on the next screen.' };
  if (url.protocol === 'http:' && !isLoopbackAddress(url.hostname)) {
    return { ok: false, message: 'Kinship connects to a team server beyond this computer only over https://, so that passwords and conversations are never sent in clear.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `A team server's address begins with https://, not ${url.protocol}//.` };
  if (!url.hostname) return { ok: false, message: 'The address needs the server’s name, for example kinship.example.com.' };
  return { ok: true, origin: url.origin };
}

/** What choosing answers: done (the window moves on), or why not, in words for the person. */
export type WorkspaceChoiceResult = { ok: true } | { ok: false; message: string };
