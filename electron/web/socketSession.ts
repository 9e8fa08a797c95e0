import type { RawData, WebSocket } from 'ws';
import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';
import type { LiveCursor, ResumeOutcome } from '../../shared/contract/live';
import { requestFrame, type RequestFrame, type ServerFrame } from '../../shared/contract/wire';
import type { Caller } from '../services/api/caller';
import { createWriteLane } from '../services/api/writeLane';
import type { CallScheduler } from './callScheduler';
import type { CloseReason, ConnectionStats, SocketLimits } from './socketLimits';

/** What a connection serves: the api's one door, and the events the person behind it may see. */
export interface SocketApi {
  call(method: unknown, input: unknown, caller: Caller): Promise<CallResult<unknown>>;
  /**
   * The events this caller may see, from a reconnecting console's cursor (null: from now on): where
   * the stream is and what became of the cursor, the missed events, then live ones (`seq` null for
   * ephemeral ones, which are never replayed).
   */
  follow(
    caller: Caller,
    cursor: LiveCursor | null,
    listener: (event: KinshipEvent, seq: number | null) => void,
    /** The stream began again under the console (events may have been missed): sent as a new hello, a gap. */
    restarted?: (hello: { epoch: string; seq: number; resume: ResumeOutcome }) => void,
  ): { hello: { epoch: string; seq: number; resume: ResumeOutcome }; missed: { event: KinshipEvent; seq: number }[]; stop(): void };
  /** A console (this connection) opened: its person is present, and what it views is theirs. Returns its closing. */
  openConsole(caller: Caller): () => void;
  /** The console went away: what the api kept for its session (a "view as") goes with it. */
  endSession(sessionId: string): void;
  /** The desk's consoles' caller (the desk's owner), each console a session of its own. */
  deskCaller(sessionId: string | null): Promise<Caller>;
  /** A call has come in and waits its turn: background work holds back until it is answered (the returned function). */
  callArrived?(): () => void;
  /** Told how long each call took on its way through the host (for diagnosing latency; see CallTiming). */
  traceCall?(timing: CallTiming): void;
}

/** What starts each line KINSHIP_TRACE_CALLS prints (a CallTiming as JSON follows). */
export const CALL_TRACE_PREFIX = 'kinship-call ';

/** Where a call's time went in the host, in ms: what `KINSHIP_TRACE_CALLS=1` prints and bench:ui reads. */
export interface CallTiming {
  /** The frame's id on its connection. */
  id: number;
  method: string;
  /** the frame read → the call started (its turn: the scheduler, other connections' calls, background work) */
  waitedMs: number;
  /** the call started → answered (the api) */
  ranMs: number;
  /** the answer written to the socket (JSON.stringify and send) */
  sentMs: number;
  /** characters in the answer's frame */
  chars: number;
}

/**
 * Whose connection this is. `caller()` is asked before each call runs; on a team server it answers
 * null once the session is over (expired, signed out, revoked), and the call is then refused as
 * unauthenticated and nothing runs. `signInSession` is the team server's sign-in session (null on
 * the desk, where nobody signs in).
 */
export interface SocketAccess {
  signInSession: string | null;
  /** Who the connection is as it opens (read before it is accepted): its events are filtered for them. */
  opened: Caller | null;
  caller(): Promise<Caller | null>;
}

/** The close code a console gets when its session is over: it shows the sign-in page. */
export const SIGNED_OUT_CLOSE_CODE = 4401;

export interface SocketSession {
  readonly id: number;
  /** The sign-in session it belongs to (team servers only). */
  readonly signInSession: string | null;
  stats(): ConnectionStats;
  /** Ends the connection now (terminate: nothing more is sent), releasing what it held. */
  drop(reason: CloseReason): void;
  /** Heartbeat: false when nothing (no pong, no frame) has come from the peer since the last ping. */
  pingAgain(): boolean;
  /** Ends the connection because its session is over, with a close frame the console recognises. */
  signOut(): void;
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return Buffer.isBuffer(data) ? data.toString() : Buffer.from(data).toString();
}

function frameBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}

let nextSessionId = 1;

/**
 * Serves the api to one connected console: calls in (each as `caller`, the person behind this
 * connection), results and the events they may see out, within its limits (socketLimits.ts). Calls
 * wait in this connection's queue and start when the shared scheduler gives it a turn; answers go
 * out with backpressure from the client's reading.
 */
export function serveSocket(
  socket: WebSocket,
  api: SocketApi,
  scheduler: CallScheduler,
  limits: SocketLimits,
  onClosed: (session: SocketSession) => void,
  access: SocketAccess,
  /** Where the console was in the stream of events when its last connection ended (null: a first connection). */
  cursor: LiveCursor | null = null,
): SocketSession {
  const id = nextSessionId++;
  // the console this connection is: presence and "viewing" / "typing" are per console
  const consoleId = `console-${id}`;
  const queue: { frame: RequestFrame; bytes: number; answered: () => void; receivedAt: number }[] = [];
  // up to maxInFlight of its calls run at once, but its writes one after another, in the order sent
  const writes = createWriteLane();
  let queuedBytes = 0;
  let inFlight = 0;
  let received = 0;
  let answered = 0;
  let refusedBusy = 0;
  let overHighWater = false;
  let closed = false;
  let closeReason: CloseReason | null = null;
  // heard from since the last ping: a pong, or any frame (a flood's pong waits behind its calls)
  let heardFrom = true;
  // while over the high-water mark: whether the client took anything since the last look
  let stallTimer: NodeJS.Timeout | null = null;
  let flushedSinceLook = false;
  let bufferedAtLook = 0;

  const isOpen = () => !closed && socket.readyState === socket.OPEN;

  function drop(reason: CloseReason) {
    if (closed) return;
    closeReason ??= reason;
    socket.terminate();
  }

  function lookAtStall() {
    stallTimer = null;
    if (!isOpen() || !overHighWater) return;
    const buffered = socket.bufferedAmount;
    if (buffered < limits.highWaterBytes) return belowHighWater();
    if (!flushedSinceLook && buffered >= bufferedAtLook) return drop('not-reading');
    watchStall();
  }

  function watchStall() {
    flushedSinceLook = false;
    bufferedAtLook = socket.bufferedAmount;
    stallTimer = setTimeout(lookAtStall, limits.stallMs);
  }

  function belowHighWater() {
    overHighWater = false;
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = null;
    scheduler.wake();
  }

  function afterFlush(error?: Error) {
    if (error || !isOpen()) return;
    flushedSinceLook = true;
    if (overHighWater && socket.bufferedAmount < limits.highWaterBytes) belowHighWater();
  }

  /** Sends `frame`; returns its length in characters (0 when nothing was sent). */
  function send(frame: ServerFrame): number {
    if (!isOpen()) return 0;
    // a client this far behind is not reading: drop it rather than hold more for it
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      drop('not-reading');
      return 0;
    }
    const text = JSON.stringify(frame);
    socket.send(text, afterFlush);
    if (!overHighWater && socket.bufferedAmount >= limits.highWaterBytes) {
      overHighWater = true;
      watchStall();
    }
    return text.length;
  }

  const session: SocketSession = {
    id,
    signInSession: access.signInSession,
    drop,
    signOut() {
      if (closed) return;
      closeReason ??= 'signed-out';
      if (isOpen()) socket.close(SIGNED_OUT_CLOSE_CODE, 'signed out');
      else socket.terminate();
    },
    stats: () => ({
      id,
      state: closed ? 'closed' : 'open',
      inFlight,
      queued: queue.length,
      queuedBytes,
      bufferedBytes: socket.bufferedAmount,
      waitingForClientToRead: overHighWater,
      received,
      answered,
      refusedBusy,
      closeReason,
    }),
    pingAgain() {
      if (!heardFrom) return false;
      heardFrom = false;
      if (isOpen()) socket.ping();
      return true;
    },
  };

  const source = {
    ready: () => isOpen() && !overHighWater && queue.length > 0 && inFlight < limits.maxInFlight,
    startNext() {
      const next = queue.shift()!;
      queuedBytes -= next.bytes;
      inFlight++;
      const startedAt = performance.now();
      // entered as it starts (calls start in the order received): this console's writes land in that order
      const answer: Promise<CallResult<unknown>> = writes.run(next.frame.method, () =>
        access.caller().then((person) =>
          person === null
            ? { ok: false, error: { code: 'unauthenticated', message: 'You are signed out (your session ended): sign in again. Nothing was done.' } }
            : api.call(next.frame.method, next.frame.input, { ...person, consoleId }),
        ),
      );
      void answer
        .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) } }))
        .then((result) => {
          inFlight--;
          answered++;
          const answeredAt = performance.now();
          const chars = send({ type: 'result', id: next.frame.id, result });
          if (api.traceCall) {
            const at = (from: number, to: number) => Math.round((to - from) * 100) / 100;
            api.traceCall({ id: next.frame.id, method: String(next.frame.method), waitedMs: at(next.receivedAt, startedAt), ranMs: at(startedAt, answeredAt), sentMs: at(answeredAt, performance.now()), chars });
          }
          next.answered();
          scheduler.wake();
        });
    },
  };
  scheduler.add(source);

  // events are filtered for the person as they connected: a session that ends closes the connection.
  // The console is told first where the stream is and what it missed since its cursor, then live events.
  const signedIn = access.opened;
  const opened = signedIn && { ...signedIn, consoleId };
  let unsubscribe = () => undefined as void;
  let closeConsole = () => undefined as void;
  if (opened) {
    try {
      const following = api.follow(
        opened,
        cursor,
        (event, seq) => send(seq === null ? { type: 'event', event } : { type: 'event', event, seq }),
        (hello) => send({ type: 'hello', ...hello }),
      );
      unsubscribe = following.stop;
      // opened before the hello: a console that cannot be opened is never told it is connected (which would reset its backoff)
      closeConsole = api.openConsole(opened);
      send({ type: 'hello', ...following.hello });
      for (const { event, seq } of following.missed) send({ type: 'event', event, seq });
    } catch (error) {
      // a console that cannot be opened is this connection's failure, never the host's
      console.error('Kinship: a console could not be opened:', error);
      unsubscribe();
      socket.close(1011, 'The console could not be opened.');
    }
  }

  socket.on('pong', () => (heardFrom = true));
  socket.on('message', (data) => {
    if (!isOpen()) return;
    heardFrom = true;
    received++;
    let frame: RequestFrame;
    try {
      frame = requestFrame.parse(JSON.parse(frameText(data)));
    } catch {
      send({
        type: 'result',
        id: -1,
        result: { ok: false, error: { code: 'invalid-input', message: 'A call must be JSON: {type: "call", id, method, input}.' } },
      });
      return;
    }
    const bytes = frameBytes(data);
    const full = inFlight + queue.length >= limits.maxInFlight + limits.maxQueued || (queue.length > 0 && queuedBytes + bytes > limits.maxQueuedBytes);
    if (full) {
      refusedBusy++;
      send({
        type: 'result',
        id: frame.id,
        result: {
          ok: false,
          error: { code: 'busy', message: `Kinship is still working on this console’s earlier calls (${inFlight + queue.length} of them). This one was not run; send it again once some are answered.` },
        },
      });
      return;
    }
    queue.push({ frame, bytes, answered: api.callArrived?.() ?? (() => undefined), receivedAt: performance.now() });
    queuedBytes += bytes;
    scheduler.wake();
  });

  const release = () => {
    if (closed) return;
    closed = true;
    closeReason ??= 'client';
    unsubscribe();
    closeConsole();
    if (opened && opened.sessionId !== null) api.endSession(opened.sessionId);
    for (const waiting of queue) waiting.answered();
    queue.length = 0;
    queuedBytes = 0;
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = null;
    scheduler.remove(source);
    onClosed(session);
  };
  socket.on('close', release);
  // ws closes the connection itself after an error (1009 for a frame over maxPayload)
  socket.on('error', () => (closeReason ??= 'error'));
  return session;
}
