import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PeopleService } from '../services/people';
import { createAuthRoutes } from './authRoutes';
import { clientAddress, plainAddress } from './clientAddress';
import { readSessionCookie } from './sessionCookie';
import type { SocketAccess } from './socketSession';
import { isLoopbackAddress, type TeamServerConfig } from './teamConfig';

export type Admission = { allowed: true; access: SocketAccess } | { allowed: false; status: 401 | 403; reason: string };

/**
 * Who may reach a team server and as whom: requests must name the server's own host, come from
 * the trusted proxy when one is named, and (WebSocket) come from the server's own origin with a
 * live session. The account endpoints are answered here too.
 */
export function createTeamGate(config: TeamServerConfig, people: PeopleService) {
  let port = config.port;
  const scheme = config.tls ? 'https' : 'http';
  const secure = Boolean(config.tls) || Boolean(config.trustProxy);
  const loopback = isLoopbackAddress(config.host);

  function publicOrigin(): string {
    if (config.publicOrigin) return config.publicOrigin;
    const name = config.serverName ?? '127.0.0.1';
    return `${scheme}://${name.includes(':') ? `[${name}]` : name}:${port}`;
  }

  /** The server's own origins: the one people open, and on loopback the machine's own names for it. */
  function origins(): Set<string> {
    const own = new Set([publicOrigin()]);
    if (loopback) for (const name of ['127.0.0.1', 'localhost', '[::1]']) own.add(`${scheme}://${name}:${port}`);
    return own;
  }

  const allowsOrigin = (origin: string | undefined) => origin !== undefined && origins().has(origin.toLowerCase());

  const routes = createAuthRoutes({ people, secure, publicOrigin, allowsOrigin, clientAddress: (request) => clientAddress(request, config.trustProxy) });

  return {
    secure,
    publicOrigin,
    /** Called once listening, with the port taken. */
    listening(actualPort: number) {
      port = actualPort;
    },
    /** The Host header names this server (a name rebound to it by someone else's DNS gets nothing). */
    allowsHost(host: string | undefined): boolean {
      if (!host) return false;
      return [...origins()].some((origin) => new URL(origin).host === host.toLowerCase());
    },
    /** Behind a named proxy, only the proxy may connect: nobody reaches the plain-HTTP side around it. */
    allowsPeer(remoteAddress: string | undefined): boolean {
      if (!config.trustProxy || config.tls) return true;
      const peer = plainAddress(remoteAddress);
      return peer === plainAddress(config.trustProxy) || (loopback && isLoopbackAddress(peer));
    },
    handle(request: IncomingMessage, response: ServerResponse): boolean {
      return routes.handle(request, response);
    },
    /** A console's WebSocket: from the server's own origin (exactly), with a live session. */
    async admit(request: IncomingMessage): Promise<Admission> {
      if (!allowsOrigin(request.headers.origin)) return { allowed: false, status: 403, reason: `origin ${request.headers.origin ?? '(none)'} is not this server's` };
      const token = readSessionCookie(request, secure);
      const session = token ? await people.sessions.byToken(token) : null;
      if (!session) return { allowed: false, status: 401, reason: 'not signed in' };
      const { sessionId } = session;
      return {
        allowed: true,
        access: {
          signInSession: sessionId,
          opened: { person: session.person, sessionId },
          caller: async () => {
            const live = await people.sessions.byId(sessionId);
            return live ? { person: live.person, sessionId } : null;
          },
        },
      };
    },
    isLive: (sessionId: string) => people.sessions.isLive(sessionId),
    onSessionsEnded: (listener: (sessionIds: string[]) => void) => people.sessions.onEnded((ids) => listener(ids)),
  };
}

export type TeamGate = ReturnType<typeof createTeamGate>;
