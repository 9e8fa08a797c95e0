import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion';
import { openPostgresStore, openSqliteStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { as } from '../../../helpers/callApi';
import { tempDir } from '../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 28, 16, 0);

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * Where the team's two servers keep the workspace: each its own connection to one SQLite file (the
 * default), both one process's connection to SQLite (a team server on SQLite is one process: two
 * connections in one thread would wait for each other's lock synchronously), or each its own pool
 * on one PostgreSQL database (two server processes).
 */
type Servers = 'sqlite-files' | 'sqlite-one-process' | 'postgres';

/** A team server's api over a store (two of them on one database are two server processes). */
async function serverOn(store: Store, clock: { now: number }, owned: boolean) {
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion: createIngestionService(store, bus) }, now: () => clock.now });
  closers.push(async () => {
    api.close();
    if (owned) await store.close();
  });
  return { store, api, events };
}

async function openServers(servers: Servers, clock: { now: number }) {
  if (servers === 'postgres') {
    const { store } = await openTestStore('postgres');
    const second = await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 });
    return [await serverOn(store, clock, false), await serverOn(second, clock, true)] as const;
  }
  const file = path.join(tempDir(), 'kinship.sqlite');
  const first = await openSqliteStore(file);
  const second = servers === 'sqlite-files' ? await openSqliteStore(file) : first;
  return [await serverOn(first, clock, true), await serverOn(second, clock, second !== first)] as const;
}

/** Two server processes on one workspace; Aisha and Bilal (agents), Hannah (supervisor); Sam's chat, nobody's yet. */
async function team(servers: Servers = 'sqlite-files') {
  const clock = { now: NOW };
  const [one, two] = await openServers(servers, clock);
  const people = {
    aisha: await one.store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, NOW),
    bilal: await one.store.users.create({ name: 'Bilal Osei', email: 'bilal@larkspur.example', role: 'agent' }, NOW),
    hannah: await one.store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, NOW),
    robert: await one.store.users.create({ name: 'Robert Ashworth', email: 'robert@larkspur.example', role: 'executive' }, NOW),
  };
  const { conversationId } = await createIngestionService(one.store, createEventBus()).ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
    conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - 60_000, externalId: 'sam-1' },
  });
  const assignments = (store: Store) => store.sessionEvents.listOfKind('assignment.changed');
  return { one, two, clock, people, conversationId, assignments };
}

describe('taking a conversation', () => {
  it.each([
    ['two server processes on PostgreSQL', 'postgres'],
    ['one server on SQLite', 'sqlite-one-process'],
  ] as const)('of two agents taking it at once (%s), exactly one gets it; the other is told who has it and since when', async (_, servers) => {
    const { one, two, clock, people, conversationId, assignments } = await team(servers);
    const aisha = as(one.api, people.aisha);
    const bilal = as(two.api, people.bilal);
    const [a, b] = await Promise.all([aisha.call('conversations.take', { id: conversationId }), bilal.call('conversations.take', { id: conversationId })]);
    const results = [a, b];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = a.ok ? people.aisha : people.bilal;
    const loser = results.find((result) => !result.ok)!;
    expect(loser).toEqual({
      ok: false,
      error: { code: 'conflict', message: `${winner.name} has this conversation.`, detail: { kind: 'taken', conversationId, holder: { id: winner.id, name: winner.name }, since: clock.now } },
    });
    expect((await one.store.conversations.getSummary(conversationId))?.assignee).toEqual({ id: winner.id, name: winner.name });
    // only the winner's take is written
    expect((await assignments(one.store)).map((event) => [event.userId, event.payload])).toEqual([[winner.id, { from: null, to: winner.id, taken: true }]]);
    // each console hears of it from its own server
    expect([...one.events, ...two.events].filter((event) => event.name === 'conversation.changed')).toEqual([{ name: 'conversation.changed', payload: { conversationId, reason: 'assigned' } }]);

    // taking it again is the winner's no-op and still the other's refusal, later, with when it was taken
    clock.now += 3_000;
    const again = await as(a.ok ? one.api : two.api, winner).ok('conversations.take', { id: conversationId });
    expect(again.assignee?.id).toBe(winner.id);
    const later = await as(a.ok ? two.api : one.api, a.ok ? people.bilal : people.aisha).call('conversations.take', { id: conversationId });
    expect(later).toMatchObject({ ok: false, error: { code: 'conflict', detail: { holder: { id: winner.id }, since: NOW } } });
    expect(await assignments(one.store)).toHaveLength(1);
  });

  it('taking what one has already changes nothing: nothing written, nobody told, and the conversation as it is', async () => {
    const { one, people, conversationId, assignments } = await team();
    const aisha = as(one.api, people.aisha);
    await aisha.ok('conversations.take', { id: conversationId });
    const told = () => one.events.filter((event) => event.name === 'conversation.changed');
    expect(told()).toHaveLength(1);
    const again = await aisha.ok('conversations.take', { id: conversationId });
    expect(again).toEqual(await one.store.conversations.getSummary(conversationId, people.aisha.id));
    expect(again.assignee).toEqual({ id: people.aisha.id, name: people.aisha.name });
    expect(told()).toHaveLength(1);
    expect(await assignments(one.store)).toHaveLength(1);
  });

  it('is one conditional write: a take landing between anything the service reads and its write still leaves one winner', async () => {
    const { one, two, people, conversationId, assignments } = await team();
    // Aisha's take, by a third connection that never waits for a lock, is tried just after Bilal's server first reads the conversation
    const competitor = await openSqliteStore(one.store.path, { busyTimeoutMs: 0 });
    closers.push(() => competitor.close());
    const reads = two.store.conversations;
    const getSummary = reads.getSummary.bind(reads);
    let landed: boolean | null = null;
    reads.getSummary = async (id, viewer) => {
      // what was read is answered as it was read, and only then does Aisha's take come in
      const read = getSummary(id, viewer);
      if (landed === null) {
        try {
          landed = await competitor.conversations.takeIfUnassigned(conversationId, people.aisha.id, NOW);
        } catch (error) {
          // Bilal's server holds the write already: Aisha's comes after it
          if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
          landed = false;
        }
      }
      return read;
    };
    const bilal = await as(two.api, people.bilal).call('conversations.take', { id: conversationId });
    expect(landed).not.toBeNull();
    const holder = (await one.store.conversations.getSummary(conversationId))?.assignee?.id;
    if (landed) {
      // Aisha got in first: Bilal is told, and nothing of his is written
      expect(bilal).toMatchObject({ ok: false, error: { code: 'conflict', detail: { holder: { id: people.aisha.id, name: 'Aisha Khan' } } } });
      expect(holder).toBe(people.aisha.id);
      expect((await assignments(one.store)).filter((event) => event.userId === people.bilal.id)).toEqual([]);
    } else {
      expect(bilal).toMatchObject({ ok: true, value: { assignee: { id: people.bilal.id } } });
      expect(holder).toBe(people.bilal.id);
    }
  });

  it('refuses the executive (the permission table) and a conversation that does not exist', async () => {
    const { one, people, conversationId } = await team();
    expect(await as(one.api, people.robert).call('conversations.take', { id: conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await as(one.api, people.aisha).call('conversations.take', { id: 9_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await one.store.conversations.getSummary(conversationId))?.assignee).toBeNull();
  });
});

describe('assigning a conversation', () => {
  it('lets an agent hand their own or a free conversation to a colleague, but not take one away from someone else; a supervisor may', async () => {
    const { one, people, conversationId } = await team();
    const aisha = as(one.api, people.aisha);
    const bilal = as(one.api, people.bilal);
    const hannah = as(one.api, people.hannah);
    // a free one, to a colleague
    expect((await aisha.ok('conversations.assign', { id: conversationId, assignee: people.bilal.id })).assignee?.id).toBe(people.bilal.id);
    // Bilal's now: Aisha cannot take it back or give it away, and nothing changes
    for (const assignee of ['me', null, people.hannah.id] as const) {
      expect(await aisha.call('conversations.assign', { id: conversationId, assignee })).toMatchObject({ ok: false, error: { code: 'conflict', detail: { kind: 'taken', holder: { id: people.bilal.id, name: 'Bilal Osei' } } } });
    }
    expect((await one.store.conversations.getSummary(conversationId))?.assignee?.id).toBe(people.bilal.id);
    // Bilal hands his own back to nobody; a supervisor reassigns anyone's
    expect((await bilal.ok('conversations.assign', { id: conversationId, assignee: null })).assignee).toBeNull();
    await bilal.ok('conversations.take', { id: conversationId });
    expect((await hannah.ok('conversations.assign', { id: conversationId, assignee: people.aisha.id })).assignee?.id).toBe(people.aisha.id);
    // only to people who answer customers
    expect(await hannah.call('conversations.assign', { id: conversationId, assignee: people.robert.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('offers the people who answer customers, active ones only, with how many open conversations each has', async () => {
    const { one, people, conversationId } = await team();
    await as(one.api, people.bilal).ok('conversations.take', { id: conversationId });
    await one.store.people.setActive(people.hannah.id, false, NOW);
    const offered = await as(one.api, people.aisha).ok('conversations.assignees', {});
    expect(offered.map(({ user, open }) => [user.name, open])).toEqual([
      ['Aisha Khan', 0],
      ['Bilal Osei', 1],
    ]);
  });
});
