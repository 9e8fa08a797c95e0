import type { IncomingMessage } from 'node:http';

/**
 * The sign-in session's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Path=/, and Secure with the __Host- prefix whenever browsers reach the server over TLS
 * (itself, or the trusted proxy in front of it). It holds the session's opaque token, nothing else.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kinship-session' : 'kinship-session';
}

export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return `${sessionCookieName(secure)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The session token the request carries, or null. */
export function readSessionCookie(request: IncomingMessage, secure: boolean): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const name = sessionCookieName(secure);
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return /^[\w-]{16,200}$/.test(value) ? value : null;
    }
  }
  return null;
}
