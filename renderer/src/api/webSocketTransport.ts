import type { CallResult } from '../../../shared/contract/errors';
import type { KinshipEvent } from '../../../shared/contract/events';
import { TOKEN_PARAM, WS_PATH } from '../../../shared/contract/channels';
import { CURSOR_PARAM, formatCursor, type LiveCursor, type ResumeOutcome } from '../../../shared/contract/live';
import type { ServicesStatus } from '../../../shared/contract/servicesStatus';
import type { EventFrame, HelloFrame, ServerFrame } from '../../../shared/contract/wire';
import { reconnectDelay } from '../../../shared/reconnectBackoff';
import type { Transport } from './transport';

const TOKEN_STORAGE_KEY = 'kinship.token';

/**
 * The token arrives in the address's fragment (#token=…), which is never sent to a server. It is
 * kept for this tab only and removed from the address bar so it is not bookmarked or shared.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (fromHash) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

type Pending = { resolve: (result: CallResult<unknown>) => void };

/** The close code of a connection whose sign-in session is over (electron/web/socketSession.ts). */
const SIGNED_OUT_CLOSE_CODE = 4401;

export interface WebSocketTransportOptions {
  /** The wait before reconnect attempt n (0-based): exponential with jitter by default. */
  reconnectDelay?: (attempt: number) => number;
  /** The WebSocket to use (the browser's by default). */
  WebSocket?: typeof WebSocket;
  /**
   * A team server: whether the session is still live, asked when an attempt to reconnect fails (a
   * refused upgrade looks like a network error to a page). False signs the console out rather than
   * trying for ever; a failed check (the server unreachable) counts as live.
   */
  sessionLive?: () => Promise<boolean>;
}

/**
 * Calls over the web host's WebSocket, and the host's events, live. The desk's host takes its
 * per-run token; a team server (token null) knows the person by their session cookie, and
 * `onSignedOut` is told when the session is over (a call refused as unauthenticated, or the server
 * closing the connection for that reason); the transport then stops.
 *
 * When the connection drops (the network, the host restarting, the computer sleeping) it comes
 * back by itself, waiting longer after each failed attempt (with jitter), and at once when the
 * browser says it is online or the page is shown again. It remembers the last event it applied
 * (the host's run and sequence number) and resumes from there: the host sends what was missed, in
 * order, and nothing twice; if it cannot (another run, too long ago), `onResume` says so and the
 * console reads everything again. While it is down, the services-status banner says so.
 */
export function createWebSocketTransport(
  token: string | null,
  origin: string,
  onSignedOut: () => void = () => undefined,
  options: WebSocketTransportOptions = {},
): Transport & { close(): void; reconnectNow(): void } {
  const base = `${origin.replace(/^http/, 'ws')}${WS_PATH}`;
  const Socket = options.WebSocket ?? WebSocket;
  const delayOf = options.reconnectDelay ?? ((attempt: number) => reconnectDelay(attempt));
  let signedOut = false;
  let stopped = false;
  function signOut() {
    if (signedOut) return;
    signedOut = true;
    stopped = true;
    cancelRetry();
    socket?.close();
    onSignedOut();
  }
  const listeners = new Set<(event: KinshipEvent) => void>();
  const statusListeners = new Set<(status: ServicesStatus) => void>();
  const resumeListeners = new Set<(outcome: ResumeOutcome) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  /** The last event applied: its run and sequence number (null until the host first says hello). */
  let cursor: LiveCursor | null = null;
  /** After a hello: the stream's position, taken as the cursor once the `replayLeft` missed events are applied. */
  let helloSeq = 0;
  let replayLeft = 0;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let statusSeq = 0;
  let lastStatus: ServicesStatus | null = null;

  function tellStatus(state: ServicesStatus['state'], message: string) {
    lastStatus = { state, message, seq: ++statusSeq };
    for (const listener of statusListeners) listener(lastStatus);
  }

  function failAll(message: string) {
    for (const [, call] of pending) call.resolve({ ok: false, error: { code: 'transport', message } });
    pending.clear();
  }

  function cancelRetry() {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  /** After a drop: try again after the backoff, while anyone listens to events (calls reconnect on their own). */
  function scheduleRetry() {
    // a call may have reconnected meanwhile (while the session was being asked about): nothing to retry
    if (stopped || retryTimer !== null || listeners.size === 0 || socket !== null || opened !== null) return;
    const wait = delayOf(attempt);
    attempt++;
    const seconds = Math.max(1, Math.round(wait / 1000));
    tellStatus('reconnecting', `The connection to Kinship was lost. Trying again ${attempt === 1 ? 'now' : `in about ${seconds} s`}; nothing you missed meanwhile is lost.`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().catch(() => undefined);
    }, wait);
  }

  function deliver(event: KinshipEvent) {
    for (const listener of listeners) {
      // one listener's fault must not keep the event from the others
      try {
        listener(event);
      } catch (error) {
        console.error(`Kinship: a listener for ${event.name} failed`, error);
      }
    }
  }

  function onHello(frame: HelloFrame) {
    const reconnected = lastStatus !== null && lastStatus.state === 'reconnecting';
    attempt = 0;
    if (frame.resume.state === 'resumed') {
      helloSeq = frame.seq;
      replayLeft = frame.resume.replayed;
      if (replayLeft === 0 && cursor) cursor = { epoch: frame.epoch, seq: Math.max(cursor.seq, frame.seq) };
    } else {
      // a first connection, or a gap: from here on
      cursor = { epoch: frame.epoch, seq: frame.seq };
      replayLeft = 0;
    }
    if (reconnected) tellStatus('ready', 'Connected to Kinship again.');
    for (const listener of resumeListeners) listener(frame.resume);
  }

  function onEventFrame(frame: EventFrame) {
    if (frame.seq !== undefined) {
      // once each, in order: anything at or before the cursor was applied already
      if (cursor && frame.seq <= cursor.seq) return;
      if (cursor) cursor = { epoch: cursor.epoch, seq: frame.seq };
    }
    deliver(frame.event);
    if (frame.seq !== undefined && replayLeft > 0 && --replayLeft === 0 && cursor) cursor = { epoch: cursor.epoch, seq: Math.max(cursor.seq, helloSeq) };
  }

  function connect(): Promise<WebSocket> {
    if (signedOut || stopped) {
      const refused = Promise.reject(new Error('signed out'));
      refused.catch(() => undefined);
      return refused;
    }
    if (opened) return opened;
    cancelRetry();
    const params = new URLSearchParams();
    if (token !== null) params.set(TOKEN_PARAM, token);
    if (cursor) params.set(CURSOR_PARAM, formatCursor(cursor));
    const url = `${base}${params.size > 0 ? `?${params.toString()}` : ''}`;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new Socket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (message) => {
        const frame = JSON.parse(String(message.data)) as ServerFrame;
        if (frame.type === 'hello') onHello(frame);
        else if (frame.type === 'event') onEventFrame(frame);
        else {
          pending.get(frame.id)?.resolve(frame.result);
          pending.delete(frame.id);
          if (!frame.result.ok && frame.result.error.code === 'unauthenticated') signOut();
        }
      });
      let wasOpen = false;
      let ended = false;
      ws.addEventListener('open', () => (wasOpen = true));
      const end = (code: number | null) => {
        if (ended) return;
        ended = true;
        if (socket === ws) socket = null;
        opened = null;
        if (code === SIGNED_OUT_CLOSE_CODE) {
          for (const [, call] of pending) call.resolve({ ok: false, error: { code: 'unauthenticated', message: 'You are signed out: sign in again.' } });
          pending.clear();
          signOut();
          reject(new Error('signed out'));
          return;
        }
        failAll('The connection to Kinship was lost. It reconnects by itself.');
        reject(new Error('closed'));
        // never opened: the network, or a session that ended meanwhile (the server refused it)
        if (!wasOpen && options.sessionLive) {
          void options.sessionLive().then(
            (live) => (live ? scheduleRetry() : signOut()),
            () => scheduleRetry(),
          );
          return;
        }
        scheduleRetry();
      };
      ws.addEventListener('close', (event) => end(event.code));
      // a refused handshake: browsers then close too, but not every WebSocket does
      ws.addEventListener('error', () => {
        if (!wasOpen) end(null);
      });
    });
    opened.catch(() => undefined);
    return opened;
  }

  // come back at once when the network or the page does (the backoff may have grown long meanwhile)
  const comeBack = () => {
    if (stopped || socket !== null || opened !== null || retryTimer === null) return;
    cancelRetry();
    void connect().catch(() => undefined);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') comeBack();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', comeBack);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);

  return {
    host: 'web',
    async call(method, input) {
      if (signedOut) return { ok: false, error: { code: 'unauthenticated', message: 'You are signed out: sign in again.' } };
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return { ok: false, error: { code: 'transport', message: 'Kinship’s web host cannot be reached. Is it still running?' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    onServicesStatus(listener) {
      statusListeners.add(listener);
      if (lastStatus) listener(lastStatus);
      return () => statusListeners.delete(listener);
    },
    onResume(listener) {
      resumeListeners.add(listener);
      return () => resumeListeners.delete(listener);
    },
    /** Tries again now rather than at the end of the backoff's wait (the browser came online, the page was shown, the person asked). */
    reconnectNow: comeBack,
    close() {
      stopped = true;
      signedOut = true;
      cancelRetry();
      if (typeof window !== 'undefined') window.removeEventListener('online', comeBack);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      socket?.close();
    },
  };
}
