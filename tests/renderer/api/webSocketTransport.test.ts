import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createWebSocketTransport } from '../../../renderer/src/api/webSocketTransport';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  while (servers.length) await new Promise((done) => servers.pop()!.close(done));
});

/** A stand-in team server on loopback: `answer` decides what each call gets (Node 22's own WebSocket is the client, as a browser's would be). */
async function server(answer: (socket: ServerSocket, frame: { id: number; method: string }) => void) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((ready) => wss.once('listening', ready));
  const connections: string[] = [];
  wss.on('connection', (socket, request) => {
    connections.push(request.url ?? '');
    socket.on('message', (data) => answer(socket, JSON.parse(data.toString())));
  });
  return { origin: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`, connections };
}

describe('the console’s WebSocket on a team server', () => {
  it('connects without a token (the session cookie says who it is)', async () => {
    const { origin, connections } = await server((socket, frame) => socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: 1 } })));
    const transport = createWebSocketTransport(null, origin);
    expect(await transport.call('workspace.status', {})).toEqual({ ok: true, value: 1 });
    expect(connections).toEqual(['/api']);
    transport.close();
  });

  it('a call refused as unauthenticated signs the console out, and it calls no more', async () => {
    let calls = 0;
    const { origin } = await server((socket, frame) => {
      calls++;
      socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: false, error: { code: 'unauthenticated', message: 'You are signed out.' } } }));
    });
    let signedOut = 0;
    const transport = createWebSocketTransport(null, origin, () => signedOut++);
    expect(await transport.call('workspace.status', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(signedOut).toBe(1);
    expect(await transport.call('workspace.status', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(calls).toBe(1);
    expect(signedOut).toBe(1);
  });

  it('the server closing with 4401 (signed out elsewhere, deactivated) signs it out, and calls waiting are told so', async () => {
    const { origin } = await server((socket) => socket.close(4401, 'signed out'));
    let signOut: () => void = () => undefined;
    const signedOut = new Promise<void>((resolve) => (signOut = resolve));
    const transport = createWebSocketTransport(null, origin, () => signOut());
    const result = await transport.call('workspace.status', {});
    await signedOut;
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
