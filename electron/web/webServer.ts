import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { securityHeadersFor } from '../../shared/security';
import { TOKEN_PARAM, WS_PATH } from '../../shared/contract/wire';
import { CURSOR_PARAM, parseCursor } from '../../shared/contract/live';
import { createCallScheduler, type Defer } from './callScheduler';
import { checkUpgrade, isLoopbackHost } from './requestGuard';
import { DEFAULT_SOCKET_LIMITS, type ConnectionStats, type SocketLimits } from './socketLimits';
import { serveSocket, type SocketAccess, type SocketApi, type SocketSession } from './socketSession';
import type { TeamGate } from './teamGate';
import type { TeamServerConfig } from './teamConfig';

export interface WebServerOptions {
  api: SocketApi;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The desk's per-run token (loopback only); unused by a team server. */
  token: string;
  /** A team server: people sign in (the gate), and it listens where its config says, over TLS beyond loopback. */
  team?: { gate: TeamGate; config: TeamServerConfig };
  /** 0 picks a free port. */
  port?: number;
  /** Bounds on each console's connection (socketLimits.ts); tests tighten them. */
  socketLimits?: Partial<SocketLimits>;
  /** How calls yield to the event loop between turns (setImmediate unless a test says otherwise). */
  defer?: Defer;
}

export interface RunningWebServer {
  port: number;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  /** Every open connection, then the most recently closed ones (newest last), with why they closed. */
  connections(): ConnectionStats[];
  close(): Promise<void>;
}

const CLOSED_KEPT = 32;

/**
 * The web host: the built console and the api over a WebSocket. The desk's listens on 127.0.0.1
 * only and admits the holder of its per-run token; a team server (options.team) admits people
 * signed in, on the address and with the TLS its config says.
 */
export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const serveStatic = sirv(options.rendererDir, {
    single: true,
    dev: false,
    etag: true,
    // each page its own policy: the e-mail frame pages differ from the console's (shared/security.ts)
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value);
    },
  });
  let port = 0;
  const team = options.team ?? null;
  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (team) {
      if (!team.gate.allowsPeer(request.socket.remoteAddress)) {
        response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Kinship answers through its proxy only.');
        return;
      }
      if (!team.gate.allowsHost(request.headers.host)) {
        response.writeHead(403, { 'Content-Type': 'text/plain' }).end(`Kinship answers at ${team.gate.publicOrigin()} only.`);
        return;
      }
      if (team.gate.handle(request, response)) return;
    } else if (!isLoopbackHost(request.headers.host, port)) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Kinship answers on 127.0.0.1 only.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(request, response, () => {
      response.writeHead(404).end();
    });
  };
  const tls = team?.config.tls ?? null;
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, onRequest) : http.createServer(onRequest);
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...options.socketLimits };
  const scheduler = createCallScheduler(options.defer);
  const open = new Set<SocketSession>();
  // a session that ends (signed out, deactivated) closes its consoles' connections at once
  const stopFollowingSessions = team
    ? team.gate.onSessionsEnded((sessionIds) => {
        const ended = new Set(sessionIds);
        for (const session of open) if (session.signInSession && ended.has(session.signInSession)) session.signOut();
      })
    : () => undefined;
  const closed: ConnectionStats[] = [];
  const onClosed = (session: SocketSession) => {
    open.delete(session);
    closed.push(session.stats());
    if (closed.length > CLOSED_KEPT) closed.shift();
  };
  // - compression stays off (ws's default, said here on purpose): zlib per connection costs memory
  //   and time that one client could multiply, and the console runs on the same machine;
  // - one incoming frame per connection per turn of the event loop (not a whole read's worth at
  //   once): a burst is read no faster than it is handled, and ws stops reading the socket (so TCP
  //   pushes back on the sender) while frames it has not handed over pile up
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload, perMessageDeflate: false, allowSynchronousEvents: false });
  // a peer that has not answered the last ping by the next one is gone
  const heartbeat = setInterval(() => {
    for (const session of open) {
      if (!session.pingAgain()) session.drop('no-pong');
      // a session that expired while its console sat idle: the console shows the sign-in page
      else if (team && session.signInSession) {
        void team.gate.isLive(session.signInSession).then((live) => {
          if (!live) session.signOut();
        }, () => undefined);
      }
    }
  }, limits.heartbeatMs);
  heartbeat.unref();
  server.on('upgrade', (request, socket, head) => {
    const address = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = address.pathname;
    // a reconnecting console says where it was in the stream (anything else there is no cursor at all)
    const cursor = parseCursor(address.searchParams.get(CURSOR_PARAM));
    const refuse = (status: 401 | 403) => socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    if (path !== WS_PATH) return refuse(403);
    if (team) {
      if (!team.gate.allowsPeer(request.socket.remoteAddress) || !team.gate.allowsHost(request.headers.host)) return refuse(403);
      // who it is is read before the connection is accepted (the socket waits meanwhile)
      void team.gate.admit(request).then(
        (admission) => {
          if (!admission.allowed) return refuse(admission.status);
          sockets.handleUpgrade(request, socket, head, (ws) => open.add(serveSocket(ws, options.api, scheduler, limits, onClosed, admission.access, cursor)));
        },
        () => refuse(403),
      );
      return;
    }
    const verdict = checkUpgrade(request, options.token, port);
    if (!verdict.allowed) return refuse(verdict.status);
    // the desk: the owner's console, each connection a console (and "view as") of its own
    void options.api.deskCaller(`web:${randomUUID()}`).then(
      (caller) => {
        const access: SocketAccess = { signInSession: null, opened: caller, caller: async () => caller };
        sockets.handleUpgrade(request, socket, head, (ws) => open.add(serveSocket(ws, options.api, scheduler, limits, onClosed, access, cursor)));
      },
      () => refuse(403),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, team?.config.host ?? '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      team?.gate.listening(port);
      resolve({
        port,
        url: team ? `${team.gate.publicOrigin()}/` : `http://127.0.0.1:${port}/#${TOKEN_PARAM}=${options.token}`,
        connections: () => [...[...open].map((session) => session.stats()), ...closed],
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            stopFollowingSessions();
            for (const session of open) session.drop('host-stopping');
            for (const client of sockets.clients) client.terminate();
            sockets.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
