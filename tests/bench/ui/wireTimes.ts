/**
 * When each call's frames were sent and received, from the Chrome DevTools Protocol. Chromium
 * reports both from the page's main thread (Blink's WebSocketChannelImpl: the request when the
 * page sends it, the result when the main thread takes it from the network service), so their
 * difference is the host's part of a round trip (loopback, the frame waiting to be read, the call,
 * its writing) plus any time the page's main thread was busy before it took the result in.
 */
import type { CDPSession } from '@playwright/test';

interface Frame {
  timestamp: number;
  response: { payloadData: string };
}

const FRAME_ID = /^\{"type":"(call|result)","id":(\d+)/;

export interface WireTimes {
  /** request frame sent → result frame received, in ms, for the newest call with this id (NaN if not seen). */
  hostMs(id: number): number;
}

export async function watchWire(cdp: CDPSession): Promise<WireTimes> {
  const sent = new Map<number, number>();
  const received = new Map<number, number>();
  const on = (kind: 'call' | 'result') => (frame: Frame) => {
    const match = FRAME_ID.exec(frame.response.payloadData);
    if (!match || match[1] !== kind) return;
    const id = Number(match[2]);
    if (kind === 'call') {
      sent.set(id, frame.timestamp);
      received.delete(id);
    } else if (sent.has(id)) received.set(id, frame.timestamp);
  };
  cdp.on('Network.webSocketFrameSent', on('call'));
  cdp.on('Network.webSocketFrameReceived', on('result'));
  await cdp.send('Network.enable');
  return {
    hostMs(id) {
      const from = sent.get(id);
      const to = received.get(id);
      return from === undefined || to === undefined ? Number.NaN : (to - from) * 1000;
    },
  };
}
