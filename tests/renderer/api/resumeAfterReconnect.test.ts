import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { followLive } from '../../../electron/services/api/liveHandlers';
import { createEventBus, type EventBus } from '../../../electron/services/events/eventBus';
import { createInProcessEvents, type LiveEventSource } from '../../../electron/services/live';
import { createCallScheduler } from '../../../electron/web/callScheduler';
import { DEFAULT_SOCKET_LIMITS } from '../../../electron/web/socketLimits';
import { serveSocket, type SocketApi, type SocketSession } from '../../../electron/web/socketSession';
import type { KinshipEvent } from '../../../shared/contract/events';
import { CURSOR_PARAM, parseCursor, type ResumeOutcome } from '../../../shared/contract/live';
import type { ServicesStatus } from '../../../shared/contract/servicesStatus';
import { createWebSocketTransport } from '../../../renderer/src/api/webSocketTransport';

const servers: WebSocketServer[] = [];
const transports: { close(): void }[] = [];
afterEach(async () => {
  while (transports.length) transports.pop()!.close();
  while (servers.length) await new Promise((done) => servers.pop()!.close(done));
});

const PERSON = { id: 1, name: 'Hannah Agent', email: 'hannah@kinship.test', role: 'agent' as const };

/**
 * A host in one process: the services' bus, the stream consoles follow (which a test may replace,
 * as a restarted host would have a new one), and the real per-connection session (serveSocket),
 * which reads the cursor from the address as the web server does. `drop()` cuts every connection.
 */
async function host(options: { capacity?: number; hidden?: (event: KinshipEvent) => boolean } = {}) {
  const bus: EventBus = createEventBus();
  let events: LiveEventSource = createInProcessEvents(bus, options.capacity ? { capacity: options.capacity } : {});
  const api: SocketApi = {
    call: async () => ({ ok: true, value: null }),
    follow: (_caller, cursor, listener, restarted) => followLive(events, cursor, (event) => !options.hidden?.(event), listener, restarted),
    openConsole: () => () => undefined,
    endSession: () => undefined,
    deskCaller: async () => ({ person: PERSON, sessionId: null }),
  };
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((ready) => wss.once('listening', ready));
  const sessions = new Set<SocketSession>();
  const cursors: (string | null)[] = [];
  const scheduler = createCallScheduler();
  wss.on('connection', (socket, request) => {
    const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get(CURSOR_PARAM);
    cursors.push(given);
    const session = serveSocket(socket, api, scheduler, DEFAULT_SOCKET_LIMITS, (closed) => sessions.delete(closed), { signInSession: null, opened: { person: PERSON, sessionId: 's' }, caller: async () => ({ person: PERSON, sessionId: 's' }) }, parseCursor(given));
    sessions.add(session);
  });
  return {
    origin: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    emit: (reason: string) => bus.emit('workspace.changed', { reason }),
    drop: () => {
      for (const session of sessions) session.drop('client');
    },
    open: () => sessions.size,
    cursors,
    /** The team's events may have been missed (the host's link to the other server processes dropped and came back). */
    missed: () => bus.missed(),
    /** The host restarts: a new run, numbering from 1 again. */
    restart: () => {
      events.close();
      events = createInProcessEvents(bus);
    },
  };
}

/** A console on the transport: the events it applied (workspace.changed reasons, in order), its resumes and its banner's states. */
function console_(origin: string) {
  const seen: string[] = [];
  const resumes: ResumeOutcome[] = [];
  const statuses: ServicesStatus['state'][] = [];
  // the backoff waits an hour: the test says when the network is back (as the browser's 'online' would)
  const transport = createWebSocketTransport('t', origin, () => undefined, { reconnectDelay: () => 3_600_000 });
  transports.push(transport);
  transport.onEvent((event) => {
    if (event.name === 'workspace.changed') seen.push(event.payload.reason);
  });
  transport.onResume!((outcome) => resumes.push(outcome));
  transport.onServicesStatus!((status) => statuses.push(status.state));
  return { seen, resumes, statuses, transport };
}

describe('a console that reconnects resumes from its cursor', () => {
  it('events sent while its connection was down arrive after the reconnect exactly once, in order', async () => {
    const server = await host();
    const console = console_(server.origin);
    await vi.waitFor(() => expect(console.resumes).toEqual([{ state: 'fresh' }]));
    server.emit('one');
    server.emit('two');
    await vi.waitFor(() => expect(console.seen).toEqual(['one', 'two']));

    server.drop();
    // meanwhile, with nobody connected
    await vi.waitFor(() => expect(server.open()).toBe(0));
    server.emit('three');
    server.emit('four');
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(2));
    server.emit('five');
    await vi.waitFor(() => expect(console.seen).toEqual(['one', 'two', 'three', 'four', 'five']));
    expect(console.resumes[1]).toEqual({ state: 'resumed', replayed: 2 });
    // it asked from the last event it applied (the second of this run)
    expect(server.cursors[1]).toMatch(/^[\w-]+\.2$/);
    // the banner said it was reconnecting, then that it was back
    expect(console.statuses).toEqual(['reconnecting', 'ready']);
  });

  it('events it may not see stay out of the replay too, and its cursor still moves past them', async () => {
    const server = await host({ hidden: (event) => event.name === 'workspace.changed' && event.payload.reason.startsWith('secret') });
    const console = console_(server.origin);
    await vi.waitFor(() => expect(console.resumes).toHaveLength(1));
    server.drop();
    await vi.waitFor(() => expect(server.open()).toBe(0));
    server.emit('secret-1');
    server.emit('seen');
    server.emit('secret-2');
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(2));
    expect(console.resumes[1]).toEqual({ state: 'resumed', replayed: 1 });
    server.drop();
    await vi.waitFor(() => expect(server.open()).toBe(0));
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(3));
    expect(console.seen).toEqual(['seen']);
    // the next resume starts after the last event of the stream it was told of, hidden ones included
    expect(server.cursors[2]).toMatch(/\.3$/);
  });

  it('a cursor older than what the host keeps is a gap: the console is told to read everything again', async () => {
    const server = await host({ capacity: 2 });
    const console = console_(server.origin);
    await vi.waitFor(() => expect(console.resumes).toHaveLength(1));
    server.drop();
    await vi.waitFor(() => expect(server.open()).toBe(0));
    for (const reason of ['a', 'b', 'c']) server.emit(reason);
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(2));
    expect(console.resumes[1]).toEqual({ state: 'gap', reason: 'too-old' });
    expect(console.seen).toEqual([]);
    // and from there it follows the stream again
    server.emit('d');
    await vi.waitFor(() => expect(console.seen).toEqual(['d']));
  });

  it('a host that restarted (another run) is a gap too, never a silent resume', async () => {
    const server = await host();
    const console = console_(server.origin);
    await vi.waitFor(() => expect(console.resumes).toHaveLength(1));
    server.emit('before');
    await vi.waitFor(() => expect(console.seen).toEqual(['before']));
    server.drop();
    await vi.waitFor(() => expect(server.open()).toBe(0));
    server.restart();
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(2));
    expect(console.resumes[1]).toEqual({ state: 'gap', reason: 'other-run' });
    server.emit('after');
    await vi.waitFor(() => expect(console.seen).toEqual(['before', 'after']));
  });

  it('a host that may have missed the team’s events tells its open consoles at once (a gap: read everything again), and they follow the new stream', async () => {
    const server = await host();
    const console = console_(server.origin);
    await vi.waitFor(() => expect(console.resumes).toHaveLength(1));
    server.emit('before');
    await vi.waitFor(() => expect(console.seen).toEqual(['before']));
    server.missed();
    // on the connection it has: no reconnect
    await vi.waitFor(() => expect(console.resumes).toEqual([{ state: 'fresh' }, { state: 'gap', reason: 'missed' }]));
    expect(server.cursors).toHaveLength(1);
    server.emit('after');
    await vi.waitFor(() => expect(console.seen).toEqual(['before', 'after']));
    // a later reconnect resumes within the new stream (nothing is replayed twice, nothing is a gap)
    server.drop();
    await vi.waitFor(() => expect(server.open()).toBe(0));
    server.emit('while-away');
    console.transport.reconnectNow();
    await vi.waitFor(() => expect(console.resumes).toHaveLength(3));
    expect(console.resumes[2]).toEqual({ state: 'resumed', replayed: 1 });
    expect(server.cursors[1]).toMatch(/\.1$/);
    await vi.waitFor(() => expect(console.seen).toEqual(['before', 'after', 'while-away']));
  });
});

describe('a team server console whose session ended while it was away', () => {
  it('is signed out when its reconnect is refused and the server says the session is over, instead of trying for ever', async () => {
    // the first connection is let in; every later one is refused (401), as a server refuses an ended session
    let accepted = 0;
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', verifyClient: (_info, done) => done(accepted++ === 0, 401) });
    servers.push(wss);
    await new Promise((ready) => wss.once('listening', ready));
    wss.on('connection', (socket) => socket.send(JSON.stringify({ type: 'hello', epoch: 'run', seq: 0, resume: { state: 'fresh' } })));
    let signedOut = 0;
    let asked = 0;
    const transport = createWebSocketTransport(null, `http://127.0.0.1:${(wss.address() as AddressInfo).port}`, () => signedOut++, {
      reconnectDelay: () => 0,
      sessionLive: async () => (asked++, false),
    });
    transports.push(transport);
    transport.onEvent(() => undefined);
    await vi.waitFor(() => expect(wss.clients.size).toBe(1));
    for (const client of wss.clients) client.terminate();
    await vi.waitFor(() => expect(signedOut).toBe(1));
    expect(asked).toBe(1);
  });
});
