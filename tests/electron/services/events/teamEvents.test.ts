import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import type { Caller } from '../../../../electron/services/api/caller';
import type { Following } from '../../../../electron/services/api/liveHandlers';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { joinTeamEvents } from '../../../../electron/services/events/teamEvents';
import { createIngestionService } from '../../../../electron/services/ingestion';
import { NOTIFY_LIMIT_BYTES, type TeamChannel, type TeamChannelHandlers } from '../../../../electron/services/store/postgres/teamChannel';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import type { KinshipEvent } from '../../../../shared/contract/events';
import type { User } from '../../../../shared/contract/domain';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { nextEvent } from '../../../helpers/nextEvent';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/**
 * One team server process's services on the test's PostgreSQL database, as the team server wires
 * them (startServices): its own pool, bus, api and LISTEN connection. Two of these are two
 * server processes on one database.
 */
async function serverProcess(url: string) {
  const store: Store = await openPostgresStore(url, { poolSize: 3 });
  const bus = createEventBus();
  const team = await joinTeamEvents(bus, store.teamChannel!);
  const ingestion = createIngestionService(store, bus);
  const scheduler = manualScheduler();
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW + scheduler.now(), scheduler, live: { graceMs: 20_000, typingTtlMs: 6_000 } });
  // as startServices stops a process (once)
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      api.close();
      await team.close();
      await store.close();
    })());
  closers.push(stop);
  /** A console of `person` on this process: what it hears, and the hellos it is sent after its first. */
  const console_ = (person: User, consoleId: string) => {
    const caller: Caller = { person, sessionId: `session-${consoleId}`, consoleId };
    const heard: KinshipEvent[] = [];
    const hellos: Following['hello'][] = [];
    const following = api.follow(caller, null, (event) => void heard.push(event), (hello) => void hellos.push(hello));
    const close = api.openConsole(caller);
    return { caller, heard, hellos, following, close, call: (method: string, input: unknown) => api.call(method, input, caller) };
  };
  return { store, bus, team, ingestion, scheduler, api, stop, console: console_ };
}

let people = 0;
/** Two server processes on one fresh database, and a customer's conversation. */
async function twoProcesses() {
  const url = await testPostgresDatabase();
  const a = await serverProcess(url);
  const b = await serverProcess(url);
  const person = (name: string, role: 'agent' | 'supervisor') => a.store.users.create({ name, email: `${name.toLowerCase()}-${++people}@kinship.test`, role }, NOW);
  return { url, a, b, person };
}

let arrivals = 0;
function arrival(process: Awaited<ReturnType<typeof serverProcess>>, body: string) {
  const n = ++arrivals;
  return process.ingestion.ingest({
    channel: 'chat',
    customer: { displayName: `Customer ${n}`, identities: [{ kind: 'chat', value: `customer-${n}` }] },
    conversation: { externalRef: `chat-${n}`, subject: 'Parcel' },
    message: { author: 'customer', body, sentAt: NOW + n, externalId: `m-${n}` },
  });
}

/** Raised on `from` after what a test looks at: once a console heard it, everything `from` raised before has come too (one process's events keep their order). */
async function marker(from: Awaited<ReturnType<typeof serverProcess>>, heard: KinshipEvent[], tagId: number) {
  from.bus.emit('tags.changed', { tagId, change: 'renamed' });
  await nextEvent(heard, (event) => event.name === 'tags.changed' && event.payload.tagId === tagId);
}

const count = (heard: KinshipEvent[], test: (event: KinshipEvent) => boolean) => heard.filter(test).length;

describe('several server processes on one PostgreSQL: events fan out (LISTEN/NOTIFY)', () => {
  it('an arrival stored through process A reaches a console on process B once, and A’s own console once (never echoed back)', async () => {
    const { a, b, person } = await twoProcesses();
    const hannah = b.console(await person('Hannah', 'agent'), 'b-hannah');
    const aisha = a.console(await person('Aisha', 'agent'), 'a-aisha');
    const { messageId, conversationId } = await arrival(a, 'Where is my parcel?');
    const isIt = (event: KinshipEvent) => event.name === 'message.added' && event.payload.messageId === messageId;
    expect(await nextEvent(hannah.heard, isIt)).toEqual({ name: 'message.added', payload: expect.objectContaining({ messageId, conversationId, author: 'customer' }) });
    await marker(a, hannah.heard, 1);
    await marker(a, aisha.heard, 1);
    expect(count(hannah.heard, isIt)).toBe(1);
    expect(count(aisha.heard, isIt)).toBe(1);
    // and what B's console then reads is what A stored
    expect(await hannah.call('conversations.get', { id: conversationId })).toMatchObject({ ok: true, value: { messages: [{ id: messageId, body: 'Where is my parcel?' }] } });
  });

  it('the dispatcher’s rules apply on the receiving process: a draft’s mark reaches its author’s console on B, nobody else’s', async () => {
    const { a, b, person } = await twoProcesses();
    const { conversationId } = await arrival(a, 'Can you help?');
    const aishaUser = await person('Aisha', 'agent');
    const aishaOnA = a.console(aishaUser, 'a-aisha');
    const aishaOnB = b.console(aishaUser, 'b-aisha');
    const hannahOnB = b.console(await person('Hannah', 'agent'), 'b-hannah');
    expect(await aishaOnA.call('drafts.save', { conversationId, kind: 'reply', body: 'Let me look' })).toMatchObject({ ok: true });
    const isDraft = (event: KinshipEvent) => event.name === 'draft.changed' && event.payload.conversationId === conversationId;
    await nextEvent(aishaOnB.heard, isDraft);
    await marker(a, hannahOnB.heard, 2);
    await marker(a, aishaOnB.heard, 2);
    expect(count(aishaOnB.heard, isDraft)).toBe(1);
    expect(count(hannahOnB.heard, isDraft)).toBe(0);
  });

  it('an event larger than a notification may carry crosses through the table, whole', async () => {
    const { a, b, person } = await twoProcesses();
    const hannah = b.console(await person('Hannah', 'supervisor'), 'b-hannah');
    // a sweep that recomputed thousands of customers' indexes
    const customerIds = Array.from({ length: 3_000 }, (_, i) => i + 1);
    expect(Buffer.byteLength(JSON.stringify({ customerIds }))).toBeGreaterThan(NOTIFY_LIMIT_BYTES);
    a.bus.emit('connection.changed', { customerIds });
    expect(await nextEvent(hannah.heard, (event) => event.name === 'connection.changed')).toEqual({ name: 'connection.changed', payload: { customerIds } });
    await marker(a, hannah.heard, 3);
    expect(count(hannah.heard, (event) => event.name === 'connection.changed')).toBe(1);
  });

  it('an event committed while every connection of the pool is busy reaches the other process at once, not once one comes free', async () => {
    const { a, b, person } = await twoProcesses();
    const hannah = b.console(await person('Hannah', 'agent'), 'b-hannah');
    // every connection of A's pool (3) held by a transaction that waits, as under a burst of writes
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    const busy = Array.from({ length: 3 }, () => a.store.transaction(async () => {
      await a.store.messages.count();
      holding++;
      await released;
    }));
    await vi.waitFor(() => expect(holding).toBe(3));
    try {
      // the arrival's write cannot run either, but what is committed already must go: a tag renamed, here
      a.bus.emit('tags.changed', { tagId: 77, change: 'renamed' });
      expect(await nextEvent(hannah.heard, (event) => event.name === 'tags.changed' && event.payload.tagId === 77)).toMatchObject({ payload: { tagId: 77 } });
      expect(holding).toBe(3);
    } finally {
      release();
      await Promise.all(busy);
    }
  });

  it('presence and "viewing" cross, merged: a person at a console of either process is online, and one process’s "offline" does not hide them at the other', async () => {
    const { a, b, person } = await twoProcesses();
    const { conversationId } = await arrival(a, 'Hello?');
    const hannah = b.console(await person('Hannah', 'supervisor'), 'b-hannah');
    const aishaUser = await person('Aisha', 'agent');
    const aishaOnA = a.console(aishaUser, 'a-aisha');
    const isAisha = (state: string) => (event: KinshipEvent) => event.name === 'presence.changed' && event.payload.userId === aishaUser.id && event.payload.state === state;
    await nextEvent(hannah.heard, isAisha('online'));
    expect(await hannah.call('presence.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ userId: aishaUser.id, state: 'online' })]) });
    await aishaOnA.call('activity.report', { viewing: conversationId, typing: 'reply' });
    await nextEvent(hannah.heard, (event) => event.name === 'activity.changed' && event.payload.userId === aishaUser.id && event.payload.doing === 'typing-reply');
    expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [{ conversationId, userId: aishaUser.id, name: 'Aisha', doing: 'typing-reply' }] });

    // Aisha opens a console on B too, then leaves A: A says she is offline once its grace is over, but she is at B
    const aishaOnB = b.console(aishaUser, 'b-aisha');
    aishaOnA.close();
    a.scheduler.advance(20_000);
    await marker(a, hannah.heard, 4);
    expect(count(hannah.heard, isAisha('offline'))).toBe(0);
    expect(await hannah.call('presence.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ userId: aishaUser.id, state: 'online' })]) });
    // her typing on A ended with its console; nobody is shown in the conversation any more
    expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [] });

    // and once she leaves B too, she is offline everywhere
    aishaOnB.close();
    b.scheduler.advance(20_000);
    await nextEvent(hannah.heard, isAisha('offline'));
  });

  it('a process that joins later hears who is already at the others’ consoles', async () => {
    const url = await testPostgresDatabase();
    const a = await serverProcess(url);
    const aishaUser = await a.store.users.create({ name: 'Aisha', email: `aisha-${++people}@kinship.test`, role: 'agent' }, NOW);
    const { conversationId } = await arrival(a, 'Still waiting');
    const aishaOnA = a.console(aishaUser, 'a-aisha');
    await aishaOnA.call('activity.report', { viewing: conversationId, typing: null });
    const b = await serverProcess(url);
    const hannah = b.console(await a.store.users.create({ name: 'Hannah', email: `hannah-${++people}@kinship.test`, role: 'supervisor' }, NOW), 'b-hannah');
    // (A answers B's question as B joins: before or after Hannah's console opened, what B shows is the same)
    await vi.waitFor(async () => expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [{ conversationId, userId: aishaUser.id, name: 'Aisha', doing: 'viewing' }] }));
    expect(await hannah.call('presence.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ userId: aishaUser.id, state: 'online' })]) });
  });

  it('a process that is gone (its listening connection left the database, as a kill -9 leaves it) no longer shows its people as there, and the consoles read everything again', async () => {
    const { a, b, person } = await twoProcesses();
    const { conversationId } = await arrival(a, 'Anyone?');
    const hannah = a.console(await person('Hannah', 'supervisor'), 'a-hannah');
    const aishaUser = await person('Aisha', 'agent');
    const aishaOnB = b.console(aishaUser, 'b-aisha');
    await aishaOnB.call('activity.report', { viewing: conversationId, typing: null });
    await nextEvent(hannah.heard, (event) => event.name === 'activity.changed' && event.payload.userId === aishaUser.id && event.payload.doing === 'viewing');
    // still there: looking changes nothing
    await a.team.lookForGone();
    expect(await hannah.call('activity.list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ userId: aishaUser.id })] });
    await b.team.close();
    // (its connection's server process ends a moment after the connection: looked at until it has)
    await vi.waitFor(async () => {
      await a.team.lookForGone();
      expect(hannah.heard).toContainEqual({ name: 'presence.changed', payload: expect.objectContaining({ userId: aishaUser.id, state: 'offline' }) });
    });
    expect(hannah.heard).toContainEqual({ name: 'activity.changed', payload: expect.objectContaining({ userId: aishaUser.id, doing: null }) });
    expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [] });
    // it may have died between a commit and telling of it: the consoles read everything again
    expect(hannah.hellos).toEqual([{ epoch: expect.any(String), seq: 0, resume: { state: 'gap', reason: 'missed' } }]);
  });

  it('a process that stops (as startServices stops it) has first sent the events it raised just before: the other process hears every one', async () => {
    const url = await testPostgresDatabase();
    const a = await serverProcess(url);
    const b = await serverProcess(url);
    const hannah = b.console(await a.store.users.create({ name: 'Hannah', email: `hannah-${++people}@kinship.test`, role: 'supervisor' }, NOW), 'b-hannah');
    for (let tagId = 100; tagId < 150; tagId += 1) a.bus.emit('tags.changed', { tagId, change: 'renamed' });
    // stopped at once: its pool is closed after its team's channel
    await a.stop();
    // sent on the database after A stopped: once B hears it, B has heard everything A had sent
    await b.store.teamChannel!.publish(JSON.stringify({ from: 'process-x', n: 1, event: { name: 'tags.changed', payload: { tagId: 999, change: 'renamed' } } }));
    await nextEvent(hannah.heard, (event) => event.name === 'tags.changed' && event.payload.tagId === 999);
    const fromA = hannah.heard.flatMap((event) => (event.name === 'tags.changed' && event.payload.tagId !== 999 ? [event.payload.tagId] : []));
    expect(fromA).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
  });

  it('a message of another process that never came (a gap in its numbers) makes the consoles read everything again', async () => {
    const { a, b, person } = await twoProcesses();
    const hannah = b.console(await person('Hannah', 'supervisor'), 'b-hannah');
    const tags = (tagId: number) => ({ name: 'tags.changed', payload: { tagId, change: 'renamed' } });
    // as a process would send them, but its second never reached the database
    await a.store.teamChannel!.publish(JSON.stringify({ from: 'process-x', n: 1, event: tags(11) }));
    await a.store.teamChannel!.publish(JSON.stringify({ from: 'process-x', n: 3, event: tags(13) }));
    await nextEvent(hannah.heard, (event) => event.name === 'tags.changed' && event.payload.tagId === 13);
    expect(hannah.hellos).toEqual([{ epoch: expect.any(String), seq: 0, resume: { state: 'gap', reason: 'missed' } }]);
    expect(hannah.heard.filter((event) => event.name === 'tags.changed').map((event) => event.payload)).toEqual([{ tagId: 11, change: 'renamed' }, { tagId: 13, change: 'renamed' }]);
  });

  it('a dropped LISTEN connection is made again, and the consoles are told to read everything again (a gap), not left silent', async () => {
    const { url, a, b, person } = await twoProcesses();
    const hannah = b.console(await person('Hannah', 'supervisor'), 'b-hannah');
    const before = hannah.following.hello;
    const pid = b.team.listening.backendPid();
    expect(pid).not.toBeNull();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // told on its open connection: the stream began again, under a new epoch, and events may have been missed
    await new Promise<void>((resolve) => {
      const look = () => (hannah.hellos.length > 0 ? resolve() : setTimeout(look, 10));
      look();
    });
    expect(hannah.hellos).toEqual([{ epoch: expect.any(String), seq: 0, resume: { state: 'gap', reason: 'missed' } }]);
    expect(hannah.hellos[0]!.epoch).not.toBe(before.epoch);
    expect(b.team.listening.backendPid()).not.toBe(pid);
    // a console that comes back with a cursor of before is told it cannot resume
    expect(b.api.follow(hannah.caller, { epoch: before.epoch, seq: before.seq }, () => undefined).hello.resume).toEqual({ state: 'gap', reason: 'other-run' });
    // and what A stores from now on reaches it again
    const { messageId } = await arrival(a, 'Are you there?');
    await nextEvent(hannah.heard, (event) => event.name === 'message.added' && event.payload.messageId === messageId);
  });
});

/**
 * A team's channel without a database, driven by the test: what the others send (`from`), the
 * listening connection lost and made again, which processes are listening now, and each publish
 * held until the test lets it through (`held`) or sent at once.
 */
function scriptedChannel(options: { hold?: boolean } = {}) {
  let handlers: TeamChannelHandlers | null = null;
  const alive = new Set<string>();
  const sent: { from: string; n: number; ask?: true; event?: KinshipEvent }[] = [];
  const held: (() => void)[] = [];
  const log: string[] = [];
  const listeningNow = () => {
    if (!handlers) throw new Error('nobody listens yet');
    return handlers;
  };
  const channel: TeamChannel = {
    async publish(text) {
      if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
      const message = JSON.parse(text) as (typeof sent)[number];
      sent.push(message);
      log.push(message.event ? `sent ${message.event.name}` : 'sent ask');
    },
    async listen(name, given) {
      handlers = given;
      alive.add(name);
      return {
        backendPid: () => 1,
        async close() {
          alive.delete(name);
          log.push('listening closed');
        },
      };
    },
    async listening(prefix) {
      return [...alive].filter((name) => name.startsWith(prefix));
    },
  };
  return {
    channel,
    sent,
    held,
    log,
    /** Another process `processId` is (or is no longer) listening on the database. */
    there: (processId: string, yes: boolean) => void (yes ? alive.add(`kinship-listen ${processId}`) : alive.delete(`kinship-listen ${processId}`)),
    from: (processId: string, n: number, tagId: number) => listeningNow().message(JSON.stringify({ from: processId, n, event: { name: 'tags.changed', payload: { tagId, change: 'renamed' } } })),
    lost: () => listeningNow().lost('the connection ended'),
    restored: () => listeningNow().restored(),
  };
}

/** A bus joined to a scripted channel, and what it was told: processes gone, resyncs, askings. */
async function joinedBus(options: { hold?: boolean; closeWaitMs?: number } = {}) {
  const scripted = scriptedChannel(options);
  const bus = createEventBus();
  const told = { gone: [] as string[], missed: 0, asked: 0 };
  bus.onProcessGone((processId) => void told.gone.push(processId));
  bus.onMissed(() => void (told.missed += 1));
  bus.onAsked(() => void (told.asked += 1));
  const team = await joinTeamEvents(bus, scripted.channel, { processId: 'here', ...(options.closeWaitMs !== undefined ? { closeWaitMs: options.closeWaitMs } : {}) });
  closers.push(() => team.close());
  return { ...scripted, bus, team, told };
}

describe('listening lost and made again', () => {
  it('a process that went while this one was not listening is still found gone once it listens again (its people do not linger)', async () => {
    const { team, told, there, from, lost, restored } = await joinedBus();
    there('b', true);
    from('b', 1, 1);
    lost();
    // killed while this process could not hear it
    there('b', false);
    restored();
    expect(told.missed).toBe(1);
    await team.lookForGone();
    expect(told.gone).toEqual(['b']);
  });

  it('numbers are followed afresh after the loss: what was missed during it is no gap (read again once), what goes missing after it is', async () => {
    const { told, there, from, lost, restored } = await joinedBus();
    there('b', true);
    from('b', 1, 1);
    lost();
    restored();
    expect(told.missed).toBe(1);
    // 2–4 went while this process was not listening: already read again
    from('b', 5, 5);
    expect(told.missed).toBe(1);
    from('b', 7, 7);
    expect(told.missed).toBe(2);
  });

  it('listening again, this process tells the others again who is at its consoles (as when asked), and asks them', async () => {
    const { told, sent, lost, restored } = await joinedBus();
    const asksBefore = sent.filter((message) => message.ask).length;
    lost();
    restored();
    expect(told.asked).toBe(1);
    await vi.waitFor(() => expect(sent.filter((message) => message.ask).length).toBe(asksBefore + 1));
  });
});

describe('closing', () => {
  it('waits for the events raised just before it to be sent, then stops listening', async () => {
    const { bus, team, held, log } = await joinedBus({ hold: true });
    bus.emit('tags.changed', { tagId: 1, change: 'renamed' });
    bus.emit('tags.changed', { tagId: 2, change: 'renamed' });
    expect(held).toHaveLength(2);
    const closed = team.close();
    // (the database answers now)
    for (const send of held.splice(0)) send();
    await closed;
    expect(log).toEqual(['sent tags.changed', 'sent tags.changed', 'listening closed']);
  });

  it('does not wait for ever: a send that never ends is given up after the bound', async () => {
    const { bus, team, log } = await joinedBus({ hold: true, closeWaitMs: 0 });
    bus.emit('tags.changed', { tagId: 1, change: 'renamed' });
    await team.close();
    expect(log).toEqual(['listening closed']);
  });
});
