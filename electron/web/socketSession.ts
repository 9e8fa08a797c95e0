import type { WebSocket } from 'ws';
import { requestFrame, type ServerFrame } from '../../shared/contract/wire';
import type { Api } from '../services/api/createApi';

/** Serves the api to one connected console: calls in, results and events out. */
export function serveSocket(socket: WebSocket, api: Api): void {
  const send = (frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribe = api.bus.subscribe((event) => send({ type: 'event', event }));
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', async (data) => {
    let frame;
    try {
      frame = requestFrame.parse(JSON.parse(data.toString()));
    } catch {
      send({
        type: 'result',
        id: -1,
        result: { ok: false, error: { code: 'invalid-input', message: 'A call must be JSON: {type: "call", id, method, input}.' } },
      });
      return;
    }
    send({ type: 'result', id: frame.id, result: await api.call(frame.method, frame.input) });
  });
}
