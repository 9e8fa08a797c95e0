import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { securityHeadersFor } from '../../shared/security';
import { TOKEN_PARAM, WS_PATH } from '../../shared/contract/wire';
import type { Api } from '../services/api/createApi';
import { checkUpgrade, isLoopbackHost } from './requestGuard';
import { serveSocket } from './socketSession';

export interface WebServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningWebServer {
  port: number;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

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
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const verdict = path === WS_PATH ? checkUpgrade(request, options.token, port) : ({ allowed: false, status: 403, reason: 'no such endpoint' } as const);
    if (!verdict.allowed) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.api));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#${TOKEN_PARAM}=${options.token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const client of sockets.clients) client.terminate();
            sockets.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
