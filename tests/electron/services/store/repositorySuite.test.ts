import { describe, expect, it } from 'vitest';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import type { Reading } from '../../../../shared/contract/analysis';
import { SEARCH_MARK_START } from '../../../../shared/contract/domain';
import { RANKED_MATCHES } from '../../../../electron/services/store/searchIndex';
import { DEFAULT_INBOX_VIEW } from '../../../../shared/contract/views';
import { createConversationActions } from '../../../../electron/services/conversations/conversationActions';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { createPeopleService } from '../../../../electron/services/people';
import type { User } from '../../../../shared/contract/domain';

/**
 * One repository suite, run on every store (SQLite and PostgreSQL): the same calls must give the
 * same answers whichever database holds the workspace.
 */
const T0 = Date.UTC(2026, 2, 3, 10, 14);
const MIN = 60_000;
const CHECK = /CHECK|check constraint/;
const plain = (snippet: string) => snippet.replaceAll('\u0002', '').replaceAll('\u0003', '');

async function seed(kind: StoreKind) {
  const { store, exec } = await openTestStore(kind);
  const agent = await store.users.create({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, T0);
  const customerId = await store.customers.create('Marcus Reed', T0);
  await store.customers.addIdentity(customerId, { kind: 'phone', value: '+44 7700 900123' });
  const conversationId = await store.conversations.create({
    customerId, channel: 'voice', status: 'open', subject: 'Missed delivery', queue: 'orders', assigneeId: agent.id, externalRef: 'call-1', createdAt: T0,
  });
  const message = async (body: string, sentAt: number, key: string, author: 'customer' | 'agent' | 'note' = 'customer', inConversation = conversationId) => {
    const id = await store.messages.insert({
      conversationId: inConversation, author, authorName: author === 'customer' ? 'Marcus Reed' : 'Priya Shah', authorUserId: author === 'customer' ? null : agent.id,
      body, sentAt, externalId: key, dedupeKey: key, meta: { callOffsetSec: 12 }, createdAt: sentAt,
    });
    if (id !== null) await store.conversations.recordMessage(inConversation, id, sentAt, author);
    return id;
  };
  return { store, exec, agent, customerId, conversationId, message };
}

const reading: Reading = {
  analyzer: 'model', modelId: 'ekman', modelVersion: 'v1', sentiment: -0.8, sentimentClass: 'negative',
  emotions: { anger: 0.82, neutral: 0.18 }, dominant: { emotion: 'anger', score: 0.82 }, labels: { ekman: { anger: 0.82, neutral: 0.18 } },
  words: 3, windows: 1, truncated: false,
};

describe.each(STORE_KINDS)('the repositories on %s', (kind) => {
  describe('users and customers', () => {
    it('creates users, finds them by id, e-mail (any case) and role, and lists them', async () => {
      const { store } = await openTestStore(kind);
      const ana = await store.users.create({ name: 'Ana', email: 'ana@larkspur.example', role: 'agent' }, T0);
      const sam = await store.users.ensure({ name: 'Sam', email: 'sam@larkspur.example', role: 'supervisor' }, T0);
      expect(await store.users.ensure({ name: 'Sam again', email: 'SAM@larkspur.example', role: 'supervisor' }, T0)).toEqual(sam);
      expect(await store.users.getById(ana.id)).toEqual(ana);
      expect(await store.users.getByEmail('ANA@LARKSPUR.EXAMPLE')).toEqual(ana);
      expect(await store.users.firstWithRole('supervisor')).toEqual(sam);
      expect(await store.users.firstWithRole('executive')).toBeNull();
      expect((await store.users.list()).map((u) => u.name)).toEqual(['Ana', 'Sam']);
      await expect(store.users.create({ name: 'X', email: 'x@x', role: 'boss' as never }, T0)).rejects.toThrow(CHECK);
    });

    it('links identities per channel, finds a customer by any of them, lists by name and counts', async () => {
      const { store } = await openTestStore(kind);
      const id = await store.customers.create('Edith Carter', T0);
      expect(await store.customers.addIdentity(id, { kind: 'email', value: 'edith@example.org' })).toBe(true);
      expect(await store.customers.addIdentity(id, { kind: 'phone', value: ' +44 7700 900456 ' })).toBe(true);
      expect(await store.customers.addIdentity(id, { kind: 'email', value: 'edith@example.org' })).toBe(false);
      expect(await store.customers.findIdByIdentity({ kind: 'phone', value: '+44 7700 900456' })).toBe(id);
      expect(await store.customers.findIdByIdentity({ kind: 'chat', value: 'edith@example.org' })).toBeNull();
      expect(await store.customers.getById(id)).toEqual({
        id, displayName: 'Edith Carter', createdAt: T0,
        identities: [{ kind: 'email', value: 'edith@example.org' }, { kind: 'phone', value: '+44 7700 900456' }],
      });
      expect(await store.customers.getById(id + 1)).toBeNull();
      for (const name of ['zoe', 'Adam', 'mia']) await store.customers.create(name, T0);
      expect((await store.customers.list(2, 0)).map((c) => c.displayName)).toEqual(['Adam', 'Edith Carter']);
      expect((await store.customers.list(3, 2)).map((c) => c.displayName)).toEqual(['mia', 'zoe']);
      expect(await store.customers.count()).toBe(4);
    });

    it('knows an e-mail identity whatever its case, spacing or Unicode form, keeping it as the customer wrote it', async () => {
      const { store } = await openTestStore(kind);
      const id = await store.customers.create('Édith Carter', T0);
      const other = await store.customers.create('Someone else', T0);
      expect(await store.customers.addIdentity(id, { kind: 'email', value: ' Édith.Carter@Example.org ' })).toBe(true);
      for (const spelling of ['édith.carter@example.org', 'ÉDITH.CARTER@EXAMPLE.ORG', 'E\u0301dith.Carter@example.org']) {
        expect(await store.customers.findIdByIdentity({ kind: 'email', value: spelling })).toBe(id);
        // known already: not linked to anyone else under another spelling
        expect(await store.customers.addIdentity(other, { kind: 'email', value: spelling })).toBe(false);
      }
      // a chat handle is compared as written
      expect(await store.customers.addIdentity(id, { kind: 'chat', value: 'Edie' })).toBe(true);
      expect(await store.customers.findIdByIdentity({ kind: 'chat', value: 'edie' })).toBeNull();
      expect((await store.customers.getById(id))!.identities).toEqual([{ kind: 'chat', value: 'Edie' }, { kind: 'email', value: 'Édith.Carter@Example.org' }]);
      expect((await store.customers.getById(other))!.identities).toEqual([]);
    });
  });

  describe('conversations and messages', () => {
    it('keeps the newest message as the conversation’s last, whatever order they arrive in', async () => {
      const { store, conversationId, message } = await seed(kind);
      const later = (await message('I have waited in all day for this parcel', T0 + MIN, 'm2'))!;
      const earlier = (await message('Hello, calling about my order', T0, 'm1'))!;
      const summary = (await store.conversations.getSummary(conversationId))!;
      expect(summary.messageCount).toBe(2);
      expect(summary.lastMessage).toEqual({ author: 'customer', preview: 'I have waited in all day for this parcel', sentAt: T0 + MIN });
      expect(summary).toMatchObject({ assignee: { name: 'Priya Shah' }, customer: { displayName: 'Marcus Reed' }, waitingSince: T0, unread: true, hasDraft: false, priority: 'normal', tags: [] });
      expect((await store.messages.listForConversation(conversationId)).map((m) => m.id)).toEqual([earlier, later]);
    });

    it('ends the wait with an agent’s reply but not a note, and keeps the first reply', async () => {
      const { store, conversationId, message } = await seed(kind);
      await message('Where is it?', T0, 'a');
      await message('Checking', T0 + MIN, 'b', 'note');
      expect((await store.conversations.getSummary(conversationId))!.waitingSince).toBe(T0);
      await message('It is on its way', T0 + 2 * MIN, 'c', 'agent');
      expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ waitingSince: null, responseClock: null });
      await message('Still nothing', T0 + 10 * MIN, 'd');
      const summary = (await store.conversations.getSummary(conversationId))!;
      expect(summary.waitingSince).toBe(T0 + 10 * MIN);
      expect(summary.responseClock).toMatchObject({ kind: 'next', since: T0 + 10 * MIN });
    });

    it('takes its mood from the reading of the customer’s last message only', async () => {
      const { store, conversationId, message } = await seed(kind);
      const older = (await message('bad', T0, 'a'))!;
      const last = (await message('worse', T0 + MIN, 'b'))!;
      await store.conversations.recordReading(older, { sentiment: -0.9, dominant: { emotion: 'anger' }, analyzer: 'model' });
      expect((await store.conversations.getSummary(conversationId))!.mood).toBeNull();
      await store.conversations.recordReading(last, { sentiment: -0.6, dominant: { emotion: 'anger' }, analyzer: 'model' });
      expect((await store.conversations.getSummary(conversationId))!.mood).toEqual({ sentiment: -0.6, emotion: 'anger', analyzer: 'model' });
      await message('hello?', T0 + 2 * MIN, 'c');
      expect((await store.conversations.getSummary(conversationId))!.mood).toBeNull();
    });

    it('stores a message once per dedupe key, and finds it by key and by e-mail Message-ID', async () => {
      const { store, conversationId, message } = await seed(kind);
      const first = await message('Hello', T0, 'same');
      expect(first).toBeTypeOf('number');
      expect(await message('Hello again', T0 + 1, 'same')).toBeNull();
      expect((await store.messages.findByDedupeKey('same'))?.id).toBe(first);
      expect(await store.messages.count()).toBe(1);
      expect(await store.messages.exists(first!)).toBe(true);
      expect(await store.messages.getById(first!)).toMatchObject({ body: 'Hello', meta: { callOffsetSec: 12 }, html: null });
      const id = await store.messages.insert({
        conversationId, author: 'customer', authorName: null, authorUserId: null, body: 'x', sentAt: T0,
        externalId: null, dedupeKey: 'email:<a@b>', meta: { messageId: '<a@b>' }, createdAt: T0,
      });
      expect(await store.messages.findByEmailMessageId('<a@b>')).toEqual({ id, conversationId });
      expect(await store.messages.findByEmailMessageId('<nope@b>')).toBeNull();
      expect(await store.messages.getForReading(first!)).toEqual({ id: first, conversationId, channel: 'voice', body: 'Hello' });
    });

    it('reads a long conversation a page at a time, and from a given message on', async () => {
      const { store, conversationId, message } = await seed(kind);
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) ids.push((await message(`line ${i}`, T0 + i * 1000, `p${i}`, i % 2 ? 'agent' : 'customer'))!);
      const last = await store.messages.pageOfConversation(conversationId, 3, null);
      expect(last.messages.map((m) => m.id)).toEqual(ids.slice(4));
      expect(last.olderCount).toBe(4);
      const before = await store.messages.pageOfConversation(conversationId, 3, { sentAt: T0 + 4000, id: ids[4]! });
      expect(before).toMatchObject({ olderCount: 1 });
      expect(before.messages.map((m) => m.id)).toEqual(ids.slice(1, 4));
      const from = await store.messages.fromMessageOfConversation(conversationId, { sentAt: T0 + 2000, id: ids[2]! }, 2);
      expect(from).toMatchObject({ olderCount: 2, newerCount: 3 });
      expect(from.messages.map((m) => m.id)).toEqual(ids.slice(2, 4));
      expect(await store.messages.latestBy(conversationId, 'agent')).toEqual({ id: ids[5], sentAt: T0 + 5000 });
      expect(await store.messages.latestBy(conversationId, 'agent', ids[5])).toEqual({ id: ids[3], sentAt: T0 + 3000 });
      expect(await store.messages.firstBodyBy(conversationId, 'agent')).toBe('line 1');
      expect(await store.messages.firstBodyBy(conversationId, 'note')).toBeNull();
    });

    it('filters, sorts, pages and counts conversations', async () => {
      const { store, customerId, agent } = await seed(kind);
      const make = async (channel: 'chat' | 'email', status: 'open' | 'resolved', at: number, body = `at ${at}`) => {
        const id = await store.conversations.create({ customerId, channel, status, subject: null, queue: 'general', assigneeId: null, externalRef: null, createdAt: at });
        const messageId = (await store.messages.insert({ conversationId: id, author: 'customer', authorName: null, authorUserId: null, body, sentAt: at, externalId: null, dedupeKey: `k${at}`, meta: {}, createdAt: at }))!;
        await store.conversations.recordMessage(id, messageId, at);
        return { id, messageId };
      };
      const a = await make('chat', 'open', T0 + 1000);
      const b = await make('email', 'resolved', T0 + 3000);
      const c = await make('chat', 'resolved', T0 + 2000);
      const d = await make('email', 'open', T0 + 500);
      expect(await store.conversations.list({ channel: 'chat' }, 10, 0)).toMatchObject({ total: 2, items: [{ id: c.id }, { id: a.id }] });
      expect(await store.conversations.list({ status: 'resolved' }, 1, 0)).toMatchObject({ total: 2, items: [{ id: b.id }] });
      expect((await store.conversations.list({ status: 'resolved' }, 1, 1)).items.map((i) => i.id)).toEqual([c.id]);
      // the seeded conversation has no message yet: it comes after every one that has (newest first)
      expect((await store.conversations.list({}, 10, 0)).items.map((i) => i.id)).toEqual([b.id, c.id, a.id, d.id, 1]);
      expect((await store.conversations.list({ status: 'active' }, 10, 0, 'waiting')).items.map((i) => i.id)).toEqual([d.id, a.id, 1]);
      await store.conversations.recordReading(a.messageId, { sentiment: -0.7, dominant: null, analyzer: 'lexicon' });
      await store.conversations.recordReading(d.messageId, { sentiment: 0.6, dominant: null, analyzer: 'lexicon' });
      expect((await store.conversations.list({}, 10, 0, 'upset')).items.map((i) => i.id)).toEqual([a.id, d.id, b.id, c.id, 1]);
      expect((await store.conversations.list({ mood: 'upset' }, 10, 0)).items.map((i) => i.id)).toEqual([a.id]);
      expect(await store.conversations.setPriority(d.id, 'urgent', T0 + 4000)).toBe(true);
      expect((await store.conversations.list({ status: 'active' }, 10, 0, 'priority')).items.map((i) => [i.id, i.priority])).toEqual([[d.id, 'urgent'], [a.id, 'normal'], [1, 'normal']]);
      expect(await store.conversations.setAssignee(a.id, agent.id, T0 + 4000)).toBe(true);
      expect((await store.conversations.list({ assignee: agent.id }, 10, 0)).items.map((i) => i.id).sort()).toEqual([1, a.id].sort());
      expect((await store.conversations.list({ assignee: 'unassigned' }, 10, 0)).total).toBe(3);
      expect(await store.conversations.count({ channel: 'email' })).toBe(2);
      expect(await store.conversations.countByChannel()).toEqual({ chat: 2, email: 2, voice: 1 });
      // by the response-time target: the soonest due first, those with no clock (the call with no message) last
      const byTarget = (await store.conversations.list({ status: 'active' }, 10, 0, 'target')).items;
      const dues = byTarget.map((i) => i.responseClock?.dueAt ?? Infinity);
      expect(dues).toEqual([...dues].sort((x, y) => x - y));
      expect(byTarget.map((i) => i.id).sort()).toEqual([1, a.id, d.id].sort());
      expect(dues.filter(Number.isFinite)).toHaveLength(2);
      expect((await store.conversations.list({ breachedAt: T0 + 10 * 24 * 60 * MIN }, 10, 0)).items.map((i) => i.id).sort()).toEqual([a.id, d.id].sort());
    });

    it('marks a conversation read per person, never moving the mark back', async () => {
      const { store, conversationId, message, agent } = await seed(kind);
      await message('hello', T0 + 1000, 'a');
      await store.conversations.markRead(conversationId, agent.id, T0 + 2000);
      await store.conversations.markRead(conversationId, agent.id, T0 + 500);
      expect((await store.conversations.getSummary(conversationId, agent.id))!.unread).toBe(false);
      expect((await store.conversations.getSummary(conversationId, null))!.unread).toBe(true);
      await message('again', T0 + 3000, 'b');
      expect((await store.conversations.getSummary(conversationId, agent.id))!.unread).toBe(true);
    });

    it('changes status and finds a conversation by its connector reference', async () => {
      const { store, conversationId, customerId } = await seed(kind);
      expect(await store.conversations.findIdByExternalRef('voice', 'call-1')).toBe(conversationId);
      expect(await store.conversations.findIdByExternalRef('chat', 'call-1')).toBeNull();
      expect(await store.conversations.setStatus(conversationId, 'resolved', T0 + 5)).toBe(true);
      expect(await store.conversations.getSummary(conversationId)).toMatchObject({ status: 'resolved', updatedAt: T0 + 5 });
      expect(await store.conversations.setStatus(999, 'resolved', T0)).toBe(false);
      expect(await store.conversations.customerIdOf(conversationId)).toBe(customerId);
      expect(await store.conversations.customerIdOf(999)).toBeNull();
    });

    it('refuses a message for a conversation that does not exist (foreign keys are on)', async () => {
      const { store } = await seed(kind);
      await expect(store.messages.insert({
        conversationId: 999, author: 'customer', authorName: null, authorUserId: null, body: 'x', sentAt: T0, externalId: null, dedupeKey: 'orphan', meta: {}, createdAt: T0,
      })).rejects.toThrow(/FOREIGN KEY|foreign key/);
    });

    it('says what others wrote after a message: whether any, how many, and the newest of them oldest first', async () => {
      const { store, agent, customerId, conversationId, message } = await seed(kind);
      const hannah = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, T0);
      const seen = (await message('Where is my parcel?', T0, 'c1'))!;
      const by = async (key: string, author: 'agent' | 'note' | 'system', authorUserId: number | null, body: string, inConversation = conversationId) =>
        (await store.messages.insert({ conversationId: inConversation, author, authorName: null, authorUserId, body, sentAt: T0 + MIN, externalId: null, dedupeKey: key, meta: {}, createdAt: T0 + MIN }))!;
      // the author's own reply and note, and a system line: none of them anyone else's writing
      const own = await by('own-reply', 'agent', agent.id, 'On it.');
      await by('own-note', 'note', agent.id, 'Checking the courier.');
      await by('system', 'system', null, 'Call ended.');
      expect(await store.messages.anyWrittenAfter(conversationId, seen, agent.id)).toBe(false);
      expect(await store.messages.writtenAfter(conversationId, seen, agent.id, 3)).toEqual({ count: 0, newest: [] });
      // another conversation's messages are not this one's
      const elsewhere = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId: null, externalRef: 'chat-2', createdAt: T0 });
      await message('Unrelated', T0 + MIN, 'other-1', 'customer', elsewhere);
      expect(await store.messages.anyWrittenAfter(conversationId, seen, agent.id)).toBe(false);
      // the customer twice, a colleague's note, and a long one cut to its first 2,000 characters
      const second = (await message('Hello?', T0 + 2 * MIN, 'c2'))!;
      const colleague = await by('hannah-note', 'note', hannah.id, 'Refund approved.');
      const long = (await message('x'.repeat(5_000), T0 + 3 * MIN, 'c3'))!;
      expect(await store.messages.anyWrittenAfter(conversationId, seen, agent.id)).toBe(true);
      expect(await store.messages.anyWrittenAfter(conversationId, long, agent.id)).toBe(false);
      // as the colleague sees it: the author's reply and note are someone else's writing, the colleague's own note is not
      expect((await store.messages.writtenAfter(conversationId, seen, hannah.id, 10)).newest.map((m) => m.id)).toEqual(
        [own, (await store.messages.listForConversation(conversationId)).find((m) => m.body === 'Checking the courier.')!.id, second, long],
      );
      // fewer than the limit: all of them; as many as the limit or more: the newest, oldest first, and how many there are in all
      const all = await store.messages.writtenAfter(conversationId, seen, agent.id, 10);
      expect(all.count).toBe(3);
      expect(all.newest.map((m) => [m.id, m.author])).toEqual([[second, 'customer'], [colleague, 'note'], [long, 'customer']]);
      expect(all.newest[2]!.body).toHaveLength(2_000);
      expect(all.newest[0]).toEqual({ id: second, author: 'customer', authorName: 'Marcus Reed', body: 'Hello?', sentAt: T0 + 2 * MIN });
      const two = await store.messages.writtenAfter(conversationId, seen, agent.id, 2);
      expect({ count: two.count, ids: two.newest.map((m) => m.id) }).toEqual({ count: 3, ids: [colleague, long] });
      const three = await store.messages.writtenAfter(conversationId, seen, agent.id, 3);
      expect({ count: three.count, ids: three.newest.map((m) => m.id) }).toEqual({ count: 3, ids: [second, colleague, long] });
      // after the colleague's note: only the newest; no one to except: everyone's counts
      expect((await store.messages.writtenAfter(conversationId, colleague, agent.id, 1)).newest.map((m) => m.id)).toEqual([long]);
      expect((await store.messages.writtenAfter(conversationId, seen, null, 1)).count).toBe(5);
    });
  });

  describe('transactions', () => {
    it('stores all of a transaction or none of it, and the calls inside it join it', async () => {
      const { store, message, conversationId } = await seed(kind);
      await expect(store.transaction(async () => {
        await message('inside', T0, 'in');
        await store.transaction(async () => store.settings.set('x', 1));
        throw new Error('changed my mind');
      })).rejects.toThrow('changed my mind');
      expect(await store.messages.count()).toBe(0);
      expect(await store.settings.get('x')).toBeUndefined();
      expect((await store.conversations.getSummary(conversationId))!.messageCount).toBe(0);
      const id = await store.transaction(async () => message('kept', T0, 'kept'));
      expect(await store.messages.getById(id!)).toMatchObject({ body: 'kept' });
    });

    it('keeps a caller outside the transaction from seeing it half-written', async () => {
      const { store, message } = await seed(kind);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
      const writing = store.transaction(async () => {
        await message('one', T0, 'one');
        inserted();
        await held;
        await message('two', T0 + 1, 'two');
      });
      await firstInserted;
      const counted = store.messages.count();
      release();
      await writing;
      expect([0, 2]).toContain(await counted);
      expect(await store.messages.count()).toBe(2);
    });

    it('lets exactly one of two takes at once win the conversation, however their writes interleave', async () => {
      const { store, customerId } = await seed(kind);
      const bilal = await store.users.create({ name: 'Bilal Haddad', email: 'bilal@larkspur.example', role: 'agent' }, T0);
      const aisha = await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, T0);
      const actions = createConversationActions(store, createIngestionService(store, createEventBus()), () => T0 + MIN);
      for (let round = 0; round < 5; round++) {
        const id = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId: null, externalRef: `take-${round}`, createdAt: T0 });
        // both services read the conversation as free and write at once (PostgreSQL: on two connections of the pool)
        const outcomes = await Promise.allSettled([actions.take({ conversationId: id, user: bilal }), actions.take({ conversationId: id, user: aisha })]);
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(String(lost[0]!.reason)).toMatch(/has this conversation/);
        const winner = (won[0] as PromiseFulfilledResult<{ conversation: { assignee: { id: number } | null } }>).value.conversation.assignee!.id;
        expect((await store.conversations.getSummary(id))!.assignee?.id).toBe(winner);
        expect((await store.sessionEvents.listForConversation(id)).filter((event) => event.kind === 'assignment.changed')).toHaveLength(1);
      }
      // the conditional write itself: of two at once, one lands
      const id = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId: null, externalRef: 'take-raw', createdAt: T0 });
      expect((await Promise.all([store.conversations.takeIfUnassigned(id, bilal.id, T0), store.conversations.takeIfUnassigned(id, aisha.id, T0)])).filter(Boolean)).toHaveLength(1);
    });

    it('hands a conversation on only while it is nobody’s or the hander’s own, in one conditional write', async () => {
      const { store, customerId, agent } = await seed(kind);
      const bilal = await store.users.create({ name: 'Bilal Haddad', email: 'bilal@larkspur.example', role: 'agent' }, T0);
      const aisha = await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, T0);
      const id = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId: null, externalRef: 'hand-on', createdAt: T0 });
      // nobody's: Bilal may give it to Aisha
      expect(await store.conversations.assignIfUnassignedOrOwn(id, aisha.id, bilal.id, T0 + MIN)).toBe(true);
      // Aisha's now: Bilal may not take it from her, nor hand it to Priya, nor leave it nobody's
      expect(await store.conversations.assignIfUnassignedOrOwn(id, bilal.id, bilal.id, T0 + 2 * MIN)).toBe(false);
      expect(await store.conversations.assignIfUnassignedOrOwn(id, agent.id, bilal.id, T0 + 2 * MIN)).toBe(false);
      expect(await store.conversations.assignIfUnassignedOrOwn(id, null, bilal.id, T0 + 2 * MIN)).toBe(false);
      expect((await store.conversations.getSummary(id))!.assignee?.id).toBe(aisha.id);
      // her own: she hands it to Priya, or leaves it nobody's
      expect(await store.conversations.assignIfUnassignedOrOwn(id, null, aisha.id, T0 + 3 * MIN)).toBe(true);
      expect((await store.conversations.getSummary(id))!.assignee).toBeNull();
      // two hand-ons at once of a free conversation: the first to land has it, the other finds it taken
      const [first, second] = await Promise.all([
        store.conversations.assignIfUnassignedOrOwn(id, bilal.id, bilal.id, T0 + 4 * MIN),
        store.conversations.takeIfUnassigned(id, aisha.id, T0 + 4 * MIN),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect((await store.conversations.getSummary(id))!.assignee?.id).toBe(first ? bilal.id : aisha.id);
      // a conversation that does not exist is nobody's to hand on
      expect(await store.conversations.takeIfUnassigned(9_999, aisha.id, T0)).toBe(false);
      expect(await store.conversations.assignIfUnassignedOrOwn(9_999, aisha.id, aisha.id, T0)).toBe(false);
    });

    it('keeps an admin who can sign in when two admins are made something else at once', async () => {
      const { store } = await openTestStore(kind);
      const people = createPeopleService({ store, now: () => T0, scryptCost: { ln: 10, r: 8, p: 1 } });
      const admins = [];
      for (const name of ['Ada', 'Bea']) {
        const admin = await store.people.createOrClaim({ name, email: `${name.toLowerCase()}@larkspur.example`, role: 'admin' }, T0);
        await store.people.setPasswordHash(admin.id, `hash-${name}`, T0);
        admins.push(admin);
      }
      const [ada, bea] = admins as [User, User];
      // each demotes the other at once (PostgreSQL: on two connections of the pool)
      const outcomes = await Promise.allSettled([people.changeRole(ada, bea.id, 'agent'), people.changeRole(bea, ada.id, 'agent')]);
      const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(String(refused[0]!.reason)).toMatch(/only admin|Only an admin/);
      expect(await store.people.countActiveAdmins()).toBe(1);
    });

    it('holds a conversation for a transaction that checks it and then writes: a message for it waits until that commits', async () => {
      const { store, conversationId, message } = await seed(kind);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const isHeld = new Promise<void>((resolve) => (holding = resolve));
      const order: string[] = [];
      const checkThenWrite = store.transaction(async () => {
        await store.conversations.holdForWrite(conversationId);
        holding();
        await held;
        order.push('checked and written');
        await message('reply', T0 + 1, 'reply', 'agent');
      });
      await isHeld;
      const arriving = store.transaction(async () => {
        await store.conversations.holdForWrite(conversationId);
        order.push('arrived');
        await message('customer', T0 + 2, 'customer');
      });
      release();
      await Promise.all([checkThenWrite, arriving]);
      expect(order).toEqual(['checked and written', 'arrived']);
    });
  });

  describe('analyses, coach prompts, follow-ups, session events, settings', () => {
    it('stores readings and finds the latest per message, per conversation, the cached one, the track and the unread messages', async () => {
      const { store, message, conversationId } = await seed(kind);
      const messageId = (await message('I am furious', T0, 'a'))!;
      const other = (await message('Thanks', T0 + 1, 'b'))!;
      expect(await store.analyses.unreadMessageIds('ekman', 'v1')).toEqual([other, messageId]);
      await store.analyses.insert({ messageId, draftId: null, textHash: 'h1', reading, latencyMs: 3.2, createdAt: T0 });
      const lexicon: Reading = { ...reading, analyzer: 'lexicon', modelId: 'vader', modelVersion: null, sentiment: -0.6, emotions: {}, dominant: null };
      await store.analyses.insert({ messageId, draftId: null, textHash: 'h1', reading: lexicon, latencyMs: 1, createdAt: T0 + 1 });
      await store.analyses.insert({ messageId: null, draftId: 'draft-1', textHash: 'h9', reading, latencyMs: 2, createdAt: T0 + 2 });
      expect(await store.analyses.latestForMessage(messageId)).toMatchObject({ modelId: 'vader', sentiment: -0.6, analyzer: 'lexicon' });
      expect(await store.analyses.findCached('h1', 'ekman', 'v1')).toEqual({ ...reading, latencyMs: 3.2, analysedAt: T0 });
      expect(await store.analyses.findCached('h1', 'vader', null)).toMatchObject({ modelId: 'vader' });
      expect(await store.analyses.findCached('h1', 'ekman', 'v2')).toBeNull();
      expect(await store.analyses.findCached('h2', 'ekman', 'v1')).toBeNull();
      expect([...(await store.analyses.latestForConversation(conversationId)).entries()]).toEqual([[messageId, expect.objectContaining({ modelId: 'vader' })]]);
      expect([...(await store.analyses.latestForMessages([messageId, other])).keys()]).toEqual([messageId]);
      expect(await store.analyses.unreadMessageIds('ekman', 'v1')).toEqual([other]);
      expect(await store.analyses.unreadMessageIds('vader', null)).toEqual([other]);
      expect(await store.analyses.count()).toBe(3);
      await store.analyses.insert({ messageId: other, draftId: null, textHash: 'h3', reading: { ...reading, sentiment: 0.4, sentimentClass: 'positive', dominant: { emotion: 'joy', score: 0.7 } }, latencyMs: 1, createdAt: T0 + 3 });
      expect(await store.analyses.trackOfConversation(conversationId)).toEqual([
        { messageId, sentAt: T0, analyzer: 'lexicon', sentiment: -0.6, emotion: null, sentimentClass: 'negative' },
        { messageId: other, sentAt: T0 + 1, analyzer: 'model', sentiment: 0.4, emotion: 'joy', sentimentClass: 'positive' },
      ]);
      await expect(store.analyses.insert({ messageId, draftId: null, textHash: 'h', reading: { ...reading, sentiment: 1.5 }, latencyMs: 1, createdAt: T0 })).rejects.toThrow(CHECK);
    });

    it('records a prompt shown, when it was put into the draft, and only one outcome for it', async () => {
      const { store, conversationId, agent, message } = await seed(kind);
      const messageId = (await message('I am furious', T0, 'a'))!;
      const prompt = { conversationId, messageId, userId: agent.id, kind: 'acknowledge', ruleId: 'acknowledge-anger', title: 'Acknowledge the feeling', reason: 'anger 0.82' };
      const id = (await store.coachPrompts.recordShown({ ...prompt, text: 'That sounds exhausting.', shownAt: T0 }))!;
      // once per message and rule: a second raising of the same rule for the message stores nothing
      expect(await store.coachPrompts.recordShown({ ...prompt, text: 'Again.', shownAt: T0 + 1 })).toBeNull();
      expect(await store.coachPrompts.markInserted(id, T0 + 800)).toBe(true);
      expect(await store.coachPrompts.markInserted(id, T0 + 850)).toBe(false);
      expect(await store.coachPrompts.recordOutcome(id, 'edited', T0 + 1100)).toBe(true);
      expect(await store.coachPrompts.recordOutcome(id, 'inserted', T0 + 1200)).toBe(false);
      expect(await store.coachPrompts.markInserted(id, T0 + 1300)).toBe(false);
      const dismissed = (await store.coachPrompts.recordShown({ ...prompt, ruleId: 'acknowledge-frustration', text: 'I can hear how fed up you are.', shownAt: T0 + 50 }))!;
      expect(await store.coachPrompts.recordOutcome(dismissed, 'dismissed', T0 + 60)).toBe(true);
      const both = [
        { id, ...prompt, text: 'That sounds exhausting.', shownAt: T0, outcome: 'edited', outcomeAt: T0 + 1100, insertedAt: T0 + 800 },
        { id: dismissed, ...prompt, ruleId: 'acknowledge-frustration', text: 'I can hear how fed up you are.', shownAt: T0 + 50, outcome: 'dismissed', outcomeAt: T0 + 60, insertedAt: null },
      ];
      expect(await store.coachPrompts.listForConversation(conversationId)).toEqual(both);
      expect(await store.coachPrompts.listForMessage(messageId)).toEqual(both);
      expect(await store.coachPrompts.getById(id)).toEqual(both[0]);
      expect(await store.coachPrompts.recentTexts(conversationId)).toEqual(['I can hear how fed up you are.', 'That sounds exhausting.']);
    });

    it('tracks follow-ups from open to done and lists the overdue ones', async () => {
      const { store, customerId, conversationId } = await seed(kind);
      const due = await store.followUps.create({ customerId, conversationId, messageId: null, createdBy: null, description: 'Call back about the refund', dueAt: T0 + 1000, createdAt: T0 });
      const later = await store.followUps.create({ customerId, conversationId, messageId: null, createdBy: null, description: 'Check the sofa arrived', dueAt: T0 + 9000, createdAt: T0 });
      expect((await store.followUps.listOverdue(T0 + 5000)).map((f) => f.id)).toEqual([due]);
      expect((await store.conversations.getSummary(conversationId))!.followUpDueAt).toBe(T0 + 1000);
      expect(await store.followUps.close(due, 'done', T0 + 2000)).toBe(true);
      expect(await store.followUps.close(due, 'cancelled', T0 + 3000)).toBe(false);
      expect(await store.followUps.listOverdue(T0 + 5000)).toEqual([]);
      expect((await store.followUps.listForCustomer(customerId)).map((f) => [f.id, f.status])).toEqual([[later, 'open'], [due, 'done']]);
      expect(await store.followUps.getById(due)).toMatchObject({ status: 'done', closedAt: T0 + 2000 });
    });

    it('keeps the session log append-only', async () => {
      const { store, exec, conversationId } = await seed(kind);
      await store.sessionEvents.append({ at: T0, kind: 'call.started', conversationId, messageId: null, userId: null, payload: { by: 'test' } });
      await store.sessionEvents.append({ at: T0 + 5, kind: 'call.ended', conversationId, messageId: null, userId: null, payload: {} });
      expect((await store.sessionEvents.listForConversation(conversationId)).map((e) => [e.kind, e.payload])).toEqual([['call.started', { by: 'test' }], ['call.ended', {}]]);
      await expect(exec("UPDATE session_events SET kind = 'x'")).rejects.toThrow(/append-only/);
      await expect(exec('DELETE FROM session_events')).rejects.toThrow(/append-only/);
      expect(await store.sessionEvents.listForConversation(conversationId)).toHaveLength(2);
    });

    it('keeps settings as JSON values, and remembers applied requests for a while', async () => {
      const { store } = await openTestStore(kind);
      expect(await store.settings.get('session.role')).toBeUndefined();
      await store.settings.set('session.role', 'supervisor');
      await store.settings.set('keymap', { reply: 'r' });
      await store.settings.set('session.role', 'executive');
      expect(await store.settings.get('session.role')).toBe('executive');
      expect(await store.settings.get('keymap')).toEqual({ reply: 'r' });
      await store.settings.delete('keymap');
      expect(await store.settings.get('keymap')).toBeUndefined();
      await store.appliedRequests.record('c1', { method: 'm', fingerprint: 'f', result: '{}' }, T0);
      expect(await store.appliedRequests.get('c1')).toEqual({ method: 'm', fingerprint: 'f', result: '{}' });
      await store.appliedRequests.record('c2', { method: 'm', fingerprint: 'g', result: '1' }, T0 + 8 * 24 * 60 * MIN);
      expect(await store.appliedRequests.get('c1')).toBeNull();
    });
  });

  describe('drafts, tags, snoozes, saved views, connection and history', () => {
    it('keeps a reply and a note draft apart per person, and an empty draft is none', async () => {
      const { store, conversationId, agent } = await seed(kind);
      await store.drafts.save(conversationId, agent.id, 'reply', 'Hello', T0, { eventId: 7, edits: 1, editChars: 5 });
      await store.drafts.save(conversationId, agent.id, 'note', 'Internal', T0 + 1);
      expect(await store.drafts.byKind(conversationId, agent.id)).toEqual({ reply: { kind: 'reply', body: 'Hello', savedAt: T0 }, note: { kind: 'note', body: 'Internal', savedAt: T0 + 1 } });
      // nobody signed in (user 0) has drafts of their own
      expect(await store.drafts.byKind(conversationId, null)).toEqual({ reply: null, note: null });
      expect(await store.drafts.edited(conversationId, agent.id, 'reply')).toEqual({ snapshot: { eventId: 7, text: 'Hello', edits: 1, editChars: 5 }, sentAs: null });
      expect((await store.conversations.getSummary(conversationId, agent.id))!.hasDraft).toBe(true);
      await store.drafts.save(conversationId, agent.id, 'note', '   ', T0 + 2);
      expect(await store.drafts.byKind(conversationId, agent.id)).toEqual({ reply: { kind: 'reply', body: 'Hello', savedAt: T0 }, note: null });
      await store.drafts.save(conversationId, agent.id, 'reply', '', T0 + 3);
      expect(await store.drafts.byKind(conversationId, agent.id)).toEqual({ reply: null, note: null });
      expect(await store.drafts.edited(conversationId, agent.id, 'reply')).toEqual({ snapshot: null, sentAs: null });
      expect((await store.conversations.getSummary(conversationId, agent.id))!.hasDraft).toBe(false);
    });

    it('a sent draft is no draft, and remembers the message it went out as whatever is saved after', async () => {
      const { store, conversationId, agent } = await seed(kind);
      await store.drafts.save(conversationId, agent.id, 'reply', 'Hello', T0, { eventId: 7, edits: 0, editChars: 0 });
      await store.drafts.markSent(conversationId, agent.id, 'reply', 42, T0 + 1);
      expect(await store.drafts.byKind(conversationId, agent.id)).toEqual({ reply: null, note: null });
      expect((await store.conversations.getSummary(conversationId, agent.id))!.hasDraft).toBe(false);
      expect((await store.drafts.ofPerson(conversationId, agent.id)).sentAs).toEqual({ reply: 42, note: null });
      // the next draft starts with a full snapshot, and emptying it keeps what was sent
      expect(await store.drafts.edited(conversationId, agent.id, 'reply')).toEqual({ snapshot: null, sentAs: 42 });
      await store.drafts.save(conversationId, agent.id, 'reply', 'Next', T0 + 2, { eventId: 9, edits: 0, editChars: 0 });
      expect((await store.conversations.getSummary(conversationId, agent.id))!.hasDraft).toBe(true);
      await store.drafts.save(conversationId, agent.id, 'reply', ' ', T0 + 3);
      expect(await store.drafts.byKind(conversationId, agent.id)).toEqual({ reply: null, note: null });
      expect(await store.drafts.edited(conversationId, agent.id, 'reply')).toEqual({ snapshot: null, sentAs: 42 });
      // (a draft never sent still goes when emptied)
      await store.drafts.save(conversationId, agent.id, 'note', 'Internal', T0 + 4, { eventId: 11, edits: 0, editChars: 0 });
      await store.drafts.save(conversationId, agent.id, 'note', '', T0 + 5);
      expect(await store.drafts.ofPerson(conversationId, agent.id)).toEqual({ drafts: { reply: null, note: null }, sentAs: { reply: 42, note: null } });
      expect(await store.drafts.edited(conversationId, agent.id, 'note')).toEqual({ snapshot: null, sentAs: null });
    });

    it('keeps tags unique whatever their case, on conversations, listed by name with their use', async () => {
      const { store, conversationId } = await seed(kind);
      const refund = await store.tags.create('refund', 'red', T0);
      const vip = await store.tags.create('VIP', null, T0);
      await expect(store.tags.create('Refund', null, T0)).rejects.toThrow();
      expect(await store.tags.findByName('REFUND')).toEqual(refund);
      expect(await store.tags.attach(conversationId, vip.id, T0)).toBe(true);
      expect(await store.tags.attach(conversationId, refund.id, T0)).toBe(true);
      expect(await store.tags.attach(conversationId, refund.id, T0)).toBe(false);
      expect(await store.tags.isOn(conversationId, refund.id)).toBe(true);
      expect(await store.tags.countOn(conversationId)).toBe(2);
      expect((await store.conversations.getSummary(conversationId))!.tags).toEqual([refund, vip]);
      expect((await store.conversations.list({ tagId: vip.id }, 10, 0)).total).toBe(1);
      expect(await store.tags.list()).toEqual([{ ...refund, conversations: 1 }, { ...vip, conversations: 1 }]);
      expect(await store.tags.detach(conversationId, refund.id)).toBe(true);
      expect(await store.tags.detach(conversationId, refund.id)).toBe(false);
      expect(await store.tags.count()).toBe(2);
      expect(await store.tags.getById(999)).toBeNull();
    });

    it('snoozes until a time, wakes what is due, and clears the time whenever it leaves snoozed', async () => {
      const { store, conversationId, agent } = await seed(kind);
      await store.conversations.markRead(conversationId, agent.id, T0);
      expect(await store.snoozes.snooze(conversationId, T0 + 60 * MIN, T0)).toBe(true);
      expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: true, until: T0 + 60 * MIN });
      expect(await store.snoozes.nextDue()).toBe(T0 + 60 * MIN);
      expect(await store.snoozes.due(T0 + 59 * MIN, 10)).toEqual([]);
      expect(await store.snoozes.due(T0 + 60 * MIN, 10)).toEqual([{ conversationId, until: T0 + 60 * MIN }]);
      expect(await store.snoozes.wake(conversationId, T0 + 60 * MIN)).toBe(true);
      expect(await store.snoozes.wake(conversationId, T0 + 60 * MIN)).toBe(false);
      expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: false, until: null });
      await store.snoozes.snooze(conversationId, T0 + 90 * MIN, T0);
      await store.conversations.setStatus(conversationId, 'open', T0 + 1);
      expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: false, until: null });
      expect(await store.snoozes.nextDue()).toBeNull();
    });

    it('keeps each person’s saved views, names unique whatever their case', async () => {
      const { store } = await openTestStore(kind);
      const view = DEFAULT_INBOX_VIEW;
      const id = await store.savedViews.create(1, 'Mine', view, T0);
      await expect(store.savedViews.create(1, 'MINE', view, T0)).rejects.toThrow();
      await store.savedViews.create(2, 'Mine', view, T0);
      expect((await store.savedViews.findByName(1, 'mine'))?.id).toBe(id);
      expect(await store.savedViews.count(1)).toBe(1);
      expect(await store.savedViews.update(id, 1, 'Renamed', view, T0 + 1)).toBe(true);
      expect(await store.savedViews.update(id, 2, 'Stolen', view, T0 + 1)).toBe(false);
      expect(await store.savedViews.get(id, 1)).toMatchObject({ name: 'Renamed', updatedAt: T0 + 1 });
      expect(await store.savedViews.delete(id, 1)).toBe(true);
      expect(await store.savedViews.list(1)).toEqual([]);
    });

    it('keeps each customer’s connection index, lists and counts it', async () => {
      const { store, customerId } = await seed(kind);
      const other = await store.customers.create('Ana 50%_off', T0);
      expect(await store.connection.notComputed(10)).toEqual([customerId, other]);
      await store.connection.save({ customerId, score: 72, stage: 'friend', movement30d: 4, risks: ['slow reply'], lastContactAt: T0, contacts: 3, computedAt: T0 });
      await store.connection.save({ customerId: other, score: 20, stage: 'at-risk', movement30d: -9, risks: [], lastContactAt: null, contacts: 1, computedAt: T0 + 5 });
      await store.followUps.create({ customerId, conversationId: null, messageId: null, createdBy: null, description: 'x', dueAt: T0, createdAt: T0 });
      expect(await store.connection.list({}, 'score', 10, 0, T0 + 1)).toEqual({
        total: 2,
        items: [
          { customerId, displayName: 'Marcus Reed', score: 72, stage: 'friend', movement30d: 4, risks: ['slow reply'], lastContactAt: T0, contacts: 3, overdueFollowUps: 1 },
          { customerId: other, displayName: 'Ana 50%_off', score: 20, stage: 'at-risk', movement30d: -9, risks: [], lastContactAt: null, contacts: 1, overdueFollowUps: 0 },
        ],
      });
      expect((await store.connection.list({}, 'movement', 10, 0, T0)).items.map((i) => i.customerId)).toEqual([other, customerId]);
      expect((await store.connection.list({}, 'recent', 10, 0, T0)).items.map((i) => i.customerId)).toEqual([customerId, other]);
      expect((await store.connection.list({ name: 'MARCUS' }, 'score', 10, 0, T0)).total).toBe(1);
      expect((await store.connection.list({ name: '%_' }, 'score', 10, 0, T0)).items.map((i) => i.customerId)).toEqual([other]);
      expect((await store.connection.list({ stage: 'friend' }, 'score', 10, 0, T0)).total).toBe(1);
      expect(await store.connection.countByStage()).toMatchObject({ friend: 1, 'at-risk': 1, kin: 0 });
      expect(await store.connection.computedBefore(T0 + 1, 10)).toEqual([customerId]);
      await store.connection.markAllStale();
      expect(await store.connection.computedBefore(1, 10)).toEqual([customerId, other]);
      expect(await store.connection.notComputed(10)).toEqual([]);
    });

    it('reads a customer’s whole history with each message’s newest reading', async () => {
      const { store, customerId, conversationId, message } = await seed(kind);
      const a = (await message('I am furious', T0, 'a'))!;
      await message('So sorry', T0 + 1, 'b', 'agent');
      await store.analyses.insert({ messageId: a, draftId: null, textHash: 'h', reading, latencyMs: 1, createdAt: T0 });
      expect(await store.customerHistory.conversationsOf(customerId)).toEqual([{
        id: conversationId, channel: 'voice', status: 'open', subject: 'Missed delivery', createdAt: T0,
        messages: [
          { id: a, author: 'customer', body: 'I am furious', sentAt: T0, sentiment: -0.8, dominant: { emotion: 'anger', score: 0.82 } },
          { id: a + 1, author: 'agent', body: 'So sorry', sentAt: T0 + 1, sentiment: null, dominant: null },
        ],
      }]);
    });
  });

  describe('search', () => {
    it('finds messages by words in any order, by prefix and by phrase, with marked snippets', async () => {
      const { store, message } = await seed(kind);
      await message('The driver left the parcel out in the rain', T0, 'a');
      await message('Rain is forecast; the parcel will arrive tomorrow', T0 + 1, 'b');
      await message('Thank you so much, the sofa is perfect', T0 + 2, 'c');
      expect(await store.search.messages('parcel rain', 10)).toHaveLength(2);
      expect((await store.search.messages('"parcel out in the rain"', 10)).map((h) => plain(h.snippet))).toEqual(['The driver left the parcel out in the rain']);
      expect((await store.search.messages('sof', 10))[0]).toMatchObject({ customerName: 'Marcus Reed', channel: 'voice', author: 'customer' });
      expect((await store.search.messages('sofa', 10))[0]!.snippet).toContain(`${SEARCH_MARK_START}sofa`);
      expect(await store.search.messages('kettle', 10)).toEqual([]);
    });

    it('finds any form of a word and marks the form found; folds accents', async () => {
      const { store, message } = await seed(kind);
      await message('I was refunded twice for the same order', T0, 'a');
      await message('Café crème — naïve façade', T0 + 1, 'b');
      const [hit] = await store.search.messages('refunds', 10);
      expect(hit!.snippet).toContain(`${SEARCH_MARK_START}refunded`);
      expect(await store.search.messages('cafe creme', 10)).toHaveLength(1);
      expect(await store.search.messages('NAIVE', 10)).toHaveLength(1);
    });

    it('ranks the message with more of the word first, then the newest', async () => {
      const { store, message } = await seed(kind);
      const once = (await message('refund please', T0, 'a'))!;
      const thrice = (await message('refund refund refund', T0 + 1, 'b'))!;
      const alsoOnce = (await message('refund please', T0 + 2, 'c'))!;
      expect((await store.search.messages('refund', 10)).map((h) => h.messageId)).toEqual([thrice, alsoOnce, once]);
    });

    it('shows a common word’s newest matches first, and finds a rare word’s however far back, best first', async () => {
      const { store, exec, conversationId, message } = await seed(kind);
      const rare = (await message('sprocket sprocket sprocket', T0, 'rare'))!;
      const old = (await message('order order order order: the order of my order', T0 + 1, 'old'))!;
      // more messages than are ranked, all about an order, one in a hundred also about a sprocket
      await exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${RANKED_MATCHES + 500})
        INSERT INTO messages (conversation_id, author, body, sent_at, dedupe_key, created_at)
        SELECT ${conversationId}, 'customer', CASE WHEN i % 100 = 50 THEN 'a sprocket came loose, about my order ' || i ELSE 'About my order number ' || i || ', and a few more words' END, ${T0 + 2}, 'bulk-' || i, ${T0 + 2} FROM n`);
      const best = (await message('order order order', T0 + 3, 'best'))!;
      const newest = (await message('where is my order now?', T0 + 4, 'newest'))!;
      // the window of the newest matches is full: newest first, not the best-scored among them
      const orders = (await store.search.messages('order', 50)).map((h) => h.messageId);
      expect(orders.slice(0, 2)).toEqual([newest, best]);
      expect(orders).not.toContain(old);
      // all of a rare word's matches, however old, the best first
      const sprockets = (await store.search.messages('sprocket', 50)).map((h) => h.messageId);
      expect(sprockets).toHaveLength(1 + (RANKED_MATCHES + 500) / 100);
      expect(sprockets[0]).toBe(rare);
      expect((await store.search.find('sprocket', { channel: 'voice' }, 10)).map((h) => h.conversationId)).toEqual([conversationId]);
      expect(await store.search.find('sprocket', { channel: 'chat' }, 10)).toEqual([]);
    });

    it('finds emoji alone, in a run and together with words', async () => {
      const { store, message } = await seed(kind);
      const sad = (await message('still waiting 😞', T0, 'a'))!;
      const run = (await message('😞😞😞', T0 + 1, 'b'))!;
      await message('great 👍', T0 + 2, 'c');
      expect((await store.search.messages('😞', 10)).map((h) => h.messageId).sort()).toEqual([sad, run].sort());
      expect((await store.search.messages('waiting 😞', 10)).map((h) => h.messageId)).toEqual([sad]);
      expect(await store.search.messages('🙂', 10)).toEqual([]);
    });

    it('never fails on what a person may type', async () => {
      const { store, message } = await seed(kind);
      await message('Café crème', T0, 'a');
      for (const typed of ['"', '*', 'AND', 'OR NOT', '(', 'a:b', '-', "'", '""', '🙂', 'NEAR(', '!', '&', '|', '<->', ':*', '\\']) {
        await expect(store.search.messages(typed, 10)).resolves.toBeInstanceOf(Array);
        await expect(store.search.find(typed, {}, 10)).resolves.toBeInstanceOf(Array);
      }
      // words that are operators elsewhere are words here
      const either = (await message('a refund or a replacement', T0 + 1, 'b'))!;
      expect((await store.search.messages('or ', 10)).map((h) => h.messageId)).toEqual([either]);
      expect((await store.search.messages('refund or ', 10)).map((h) => h.messageId)).toEqual([either]);
    });

    it('finds conversations by subject, name, address and phone number written any way, each once, with why', async () => {
      const { store, conversationId, customerId, message } = await seed(kind);
      await store.customers.addIdentity(customerId, { kind: 'email', value: 'marcus.reed@example.org' });
      await message('my delivery never came', T0, 'a');
      const [bySubject] = await store.search.find('delivery', {}, 10);
      expect(bySubject).toMatchObject({ conversationId, matchedIn: ['subject', 'message'], messageMatches: 1 });
      expect(bySubject!.subject).toContain(`${SEARCH_MARK_START}delivery`);
      expect((await store.search.find('marcus', {}, 10))[0]).toMatchObject({ conversationId, matchedIn: ['customer', 'email'] });
      for (const typed of ['+44 7700 900123', '07700900123', '900123']) {
        expect((await store.search.find(typed, {}, 10))[0], typed).toMatchObject({ conversationId, matchedIn: ['phone'] });
      }
      expect(await store.search.find('nothing here', {}, 10)).toEqual([]);
    });

    it('looks only where the queue’s filters look, and keeps its index in step with changes', async () => {
      const { store, exec, conversationId, customerId, message } = await seed(kind);
      const id = (await message('original words', T0, 'a'))!;
      expect(await store.search.find('original', { channel: 'chat' }, 10)).toEqual([]);
      expect(await store.search.find('original', { channel: 'voice', status: 'active' }, 10)).toHaveLength(1);
      await exec('UPDATE messages SET body = ? WHERE id = ?', 'corrected text', id);
      expect(await store.search.messages('original', 10)).toEqual([]);
      expect((await store.search.messages('corrected', 10)).map((h) => h.messageId)).toEqual([id]);
      await exec('UPDATE conversations SET subject = ? WHERE id = ?', 'Broken kettle', conversationId);
      expect((await store.search.find('kettle', {}, 10)).map((h) => h.conversationId)).toEqual([conversationId]);
      await exec('UPDATE customers SET display_name = ? WHERE id = ?', 'Marcus Whitfield', customerId);
      expect((await store.search.find('whitfield', {}, 10)).map((h) => h.conversationId)).toEqual([conversationId]);
      await exec('DELETE FROM customer_identities WHERE customer_id = ?', customerId);
      expect(await store.search.find('900123', {}, 10)).toEqual([]);
    });
  });

  describe('people who sign in', () => {
    it('keeps accounts: admins, e-mail unique whatever its case, passwords, deactivation, and claiming a known person', async () => {
      const { store } = await openTestStore(kind);
      const ana = await store.users.create({ name: 'Ana', email: 'ana@larkspur.example', role: 'agent' }, T0);
      await expect(store.users.create({ name: 'Ana again', email: 'ANA@larkspur.example', role: 'agent' }, T0)).rejects.toThrow();
      expect(await store.people.byEmail(' Ana@Larkspur.example ')).toEqual({ user: ana, active: true, passwordHash: null });
      // the demo's cast has no password: an invitation to the same e-mail claims the person (and their id)
      const claimed = await store.people.createOrClaim({ name: 'Ana Ruiz', email: 'ANA@larkspur.example', role: 'admin' }, T0);
      expect(claimed).toEqual({ id: ana.id, name: 'Ana Ruiz', email: 'ana@larkspur.example', role: 'admin' });
      const zed = await store.people.createOrClaim({ name: 'zed', email: 'zed@larkspur.example', role: 'supervisor' }, T0);
      expect(zed.id).not.toBe(ana.id);
      expect(await store.people.countActiveAdmins()).toBe(0);
      await store.people.setPasswordHash(ana.id, 'hash-1', T0);
      await store.people.setPasswordHash(ana.id, 'hash-2', T0 + MIN);
      expect((await store.people.byId(ana.id))!.passwordHash).toBe('hash-2');
      expect(await store.people.countActiveAdmins()).toBe(1);
      await store.people.setActive(ana.id, false, T0 + 2 * MIN);
      expect(await store.people.countActiveAdmins()).toBe(0);
      expect(await store.people.byId(ana.id)).toMatchObject({ active: false });
      await store.signInSessions.create({ id: 's1', userId: zed.id, tokenHash: 'th1', now: T0, expiresAt: T0 + 60 * MIN, address: '127.0.0.1', userAgent: null });
      await store.signInSessions.create({ id: 's2', userId: zed.id, tokenHash: 'th2', now: T0 + MIN, expiresAt: T0 + 2 * MIN, address: null, userAgent: null });
      // active people first, then by name whatever its case
      expect(await store.people.list(T0 + 5 * MIN)).toEqual([
        { id: zed.id, name: 'zed', email: 'zed@larkspur.example', role: 'supervisor', active: true, canSignIn: false, openSessions: 1, lastSignInAt: T0 + MIN, deactivatedAt: null, deactivatedReason: null },
        { id: ana.id, name: 'Ana Ruiz', email: 'ana@larkspur.example', role: 'admin', active: false, canSignIn: true, openSessions: 0, lastSignInAt: null, deactivatedAt: T0 + 2 * MIN, deactivatedReason: null },
      ]);
      expect(await store.users.update(zed.id, { name: 'Zed', email: 'zed@larkspur.example', role: 'agent' })).toEqual({ id: zed.id, name: 'Zed', email: 'zed@larkspur.example', role: 'agent' });
      expect(await store.users.update(9999, { name: 'Nobody', email: 'no@x', role: 'agent' })).toBeNull();
    });

    it('keeps sign-in sessions by the hash of their token: touched, ended once, all of a person’s ended, forgotten', async () => {
      const { store } = await openTestStore(kind);
      const ana = await store.users.create({ name: 'Ana', email: 'ana@larkspur.example', role: 'agent' }, T0);
      for (const [id, hash] of [['a', 'ha'], ['b', 'hb'], ['c', 'hc']] as const) {
        await store.signInSessions.create({ id, userId: ana.id, tokenHash: hash, now: T0, expiresAt: T0 + 60 * MIN, address: null, userAgent: 'test' });
      }
      await expect(store.signInSessions.create({ id: 'd', userId: ana.id, tokenHash: 'ha', now: T0, expiresAt: T0, address: null, userAgent: null })).rejects.toThrow();
      expect(await store.signInSessions.byTokenHash('ha')).toEqual({ id: 'a', userId: ana.id, createdAt: T0, lastSeenAt: T0, expiresAt: T0 + 60 * MIN, endedAt: null });
      await store.signInSessions.touch('a', T0 + MIN);
      expect((await store.signInSessions.byId('a'))!.lastSeenAt).toBe(T0 + MIN);
      expect(await store.signInSessions.end('a', 'signed-out', T0 + 2 * MIN)).toBe(true);
      expect(await store.signInSessions.end('a', 'signed-out', T0 + 3 * MIN)).toBe(false);
      await store.signInSessions.touch('a', T0 + 4 * MIN);
      expect(await store.signInSessions.byId('a')).toMatchObject({ lastSeenAt: T0 + MIN, endedAt: T0 + 2 * MIN });
      expect((await store.signInSessions.endAllFor(ana.id, 'deactivated', T0 + 5 * MIN)).sort()).toEqual(['b', 'c']);
      expect(await store.signInSessions.endAllFor(ana.id, 'deactivated', T0 + 6 * MIN)).toEqual([]);
      expect(await store.signInSessions.forgetEndedBefore(T0 + 3 * MIN)).toBe(1);
      expect(await store.signInSessions.byId('a')).toBeNull();
      expect(await store.signInSessions.byTokenHash('nope')).toBeNull();
    });

    it('keeps one-time links that work once, until they expire or are withdrawn', async () => {
      const { store } = await openTestStore(kind);
      const admin = await store.users.create({ name: 'Ada', email: 'ada@larkspur.example', role: 'admin' }, T0);
      const setup = await store.oneTimeLinks.create({ kind: 'setup', tokenHash: 's', now: T0, expiresAt: T0 + 60 * MIN });
      const invite = await store.oneTimeLinks.create({ kind: 'invite', tokenHash: 'i', email: 'Bo@larkspur.example', name: 'Bo', role: 'agent', createdBy: admin.id, now: T0 + MIN, expiresAt: T0 + 60 * MIN });
      const later = await store.oneTimeLinks.create({ kind: 'invite', tokenHash: 'j', email: 'cy@larkspur.example', role: 'supervisor', createdBy: admin.id, now: T0 + 2 * MIN, expiresAt: T0 + 60 * MIN });
      await expect(store.oneTimeLinks.create({ kind: 'setup', tokenHash: 's', now: T0, expiresAt: T0 })).rejects.toThrow();
      await expect(store.oneTimeLinks.create({ kind: 'invite', tokenHash: 'k', role: 'boss' as never, now: T0, expiresAt: T0 })).rejects.toThrow(CHECK);
      expect(await store.oneTimeLinks.byTokenHash('i')).toEqual({
        id: invite, kind: 'invite', email: 'Bo@larkspur.example', name: 'Bo', role: 'agent', createdBy: admin.id, createdByName: 'Ada',
        createdAt: T0 + MIN, expiresAt: T0 + 60 * MIN, usedAt: null, revokedAt: null,
      });
      expect((await store.oneTimeLinks.open('invite', T0 + 3 * MIN)).map((l) => l.id)).toEqual([later, invite]);
      expect(await store.oneTimeLinks.use(setup, null, T0 + 61 * MIN)).toBe(false);
      expect(await store.oneTimeLinks.use(setup, admin.id, T0 + 5 * MIN)).toBe(true);
      expect(await store.oneTimeLinks.use(setup, admin.id, T0 + 6 * MIN)).toBe(false);
      expect(await store.oneTimeLinks.byId(setup)).toMatchObject({ usedAt: T0 + 5 * MIN, createdByName: null });
      expect(await store.oneTimeLinks.revokeInvitesFor('BO@LARKSPUR.EXAMPLE', T0 + 7 * MIN)).toBe(1);
      expect(await store.oneTimeLinks.revoke(invite, T0 + 8 * MIN)).toBe(false);
      expect(await store.oneTimeLinks.revoke(later, T0 + 8 * MIN)).toBe(true);
      expect(await store.oneTimeLinks.open('invite', T0 + 9 * MIN)).toEqual([]);
      await store.oneTimeLinks.create({ kind: 'setup', tokenHash: 't', now: T0, expiresAt: T0 + 60 * MIN });
      expect(await store.oneTimeLinks.revokeOpen('setup', T0 + 10 * MIN)).toBe(1);
    });

    it('counts failed sign-ins per account and per address, oldest first, and forgets them', async () => {
      const { store } = await openTestStore(kind);
      for (const at of [T0 + 2 * MIN, T0, T0 + MIN]) await store.signInFailures.record('account', 'ana@larkspur.example', at);
      await store.signInFailures.record('address', '10.0.0.1', T0);
      expect(await store.signInFailures.since('account', 'ana@larkspur.example', T0)).toEqual([T0 + MIN, T0 + 2 * MIN]);
      await store.signInFailures.clear('address', '10.0.0.1');
      expect(await store.signInFailures.since('address', '10.0.0.1', 0)).toEqual([]);
      expect(await store.signInFailures.forgetUpTo(T0 + MIN)).toBe(2);
      expect(await store.signInFailures.since('account', 'ana@larkspur.example', 0)).toEqual([T0 + 2 * MIN]);
    });
  });
});
