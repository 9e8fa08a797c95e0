import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { securityHeadersFor } from '../../shared/security';
import { TOKEN_PARAM, WS_PATH } from '../../shared/contract/wire';
import type { Api } from '../services/api/createApi';
import type { Caller } from '../services/api/caller';
import { createCallScheduler, type Defer } from './callScheduler';
import { checkUpgrade, isLoopbackHost } from './requestGuard';
import { DEFAULT_SOCKET_LIMITS, type ConnectionStats, type SocketLimits } from './socketLimits';
import { serveSocket, type SocketSession } from './socketSession';

export interface WebServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bounds on each console's connection (socketLimits.ts); tests tighten them. */
  socketLimits?: Partial<SocketLimits>;
  /** How calls yield to the event loop between turns (setImmediate unless a test says otherwise). */
  defer?: Defer;
  /**
   * Who is behind a connection, from its upgrade request: every call on it is theirs. Null refuses
   * the connection (401). By default the desk's owner, each connection a console of its own.
   */
  callerFor?: (request: http.IncomingMessage) => Caller | null;
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

/** The web host: the built console and the api over a WebSocket, on 127.0.0.1 only. */
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
  const server = http.createServer((request, response) => {
    if (!isLoopbackHost(request.headers.host, port)) {
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
  });
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...options.socketLimits };
  const scheduler = createCallScheduler(options.defer);
  const open = new Set<SocketSession>();
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
    for (const session of open) if (!session.pingAgain()) session.drop('no-pong');
  }, limits.heartbeatMs);
  heartbeat.unref();
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const verdict = path === WS_PATH ? checkUpgrade(request, options.token, port) : ({ allowed: false, status: 403, reason: 'no such endpoint' } as const);
    if (!verdict.allowed) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const caller = options.callerFor ? options.callerFor(request) : options.api.deskCaller(`web:${randomUUID()}`);
    if (!caller) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => open.add(serveSocket(ws, options.api, scheduler, limits, onClosed, caller)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#${TOKEN_PARAM}=${options.token}`,
        connections: () => [...[...open].map((session) => session.stats()), ...closed],
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
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
