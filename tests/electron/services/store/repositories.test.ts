import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../../../electron/services/store/messagePreview';
import { SEARCH_MARK_START } from '../../../../shared/contract/domain';
import type { Reading } from '../../../../shared/contract/analysis';
import { testStore } from '../../../helpers/testStore';

const T0 = Date.UTC(2026, 2, 3, 10, 14);

function seed() {
  const store = testStore();
  const agent = store.users.create({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, T0);
  const customerId = store.customers.create('Marcus Reed', T0);
  store.customers.addIdentity(customerId, { kind: 'phone', value: '+44 7700 900123' });
  const conversationId = store.conversations.create({
    customerId,
    channel: 'voice',
    status: 'open',
    subject: 'Missed delivery',
    queue: 'orders',
    assigneeId: agent.id,
    externalRef: 'call-1',
    createdAt: T0,
  });
  const message = (body: string, sentAt: number, key: string, author: 'customer' | 'agent' | 'note' = 'customer') =>
    store.messages.insert({
      conversationId,
      author,
      authorName: author === 'customer' ? 'Marcus Reed' : 'Priya Shah',
      authorUserId: author === 'customer' ? null : agent.id,
      body,
      sentAt,
      externalId: key,
      dedupeKey: key,
      meta: { callOffsetSec: 12 },
      createdAt: sentAt,
    });
  return { store, agent, customerId, conversationId, message };
}

describe('users', () => {
  it('creates, finds by id, e-mail (any case) and role, and lists', () => {
    const store = testStore();
    const ana = store.users.create({ name: 'Ana', email: 'ana@larkspur.example', role: 'agent' }, T0);
    const sam = store.users.ensure({ name: 'Sam', email: 'sam@larkspur.example', role: 'supervisor' }, T0);
    expect(store.users.ensure({ name: 'Sam again', email: 'SAM@larkspur.example', role: 'supervisor' }, T0)).toEqual(sam);
    expect(store.users.getById(ana.id)).toEqual(ana);
    expect(store.users.getByEmail('ANA@LARKSPUR.EXAMPLE')).toEqual(ana);
    expect(store.users.firstWithRole('supervisor')).toEqual(sam);
    expect(store.users.firstWithRole('executive')).toBeNull();
    expect(store.users.list().map((u) => u.name)).toEqual(['Ana', 'Sam']);
  });

  it('refuses a role that does not exist', () => {
    const store = testStore();
    expect(() => store.users.create({ name: 'X', email: 'x@x', role: 'boss' as never }, T0)).toThrow(/CHECK/);
  });
});

describe('customers', () => {
  it('links identities per channel and finds a customer by any of them', () => {
    const store = testStore();
    const id = store.customers.create('Edith Carter', T0);
    expect(store.customers.addIdentity(id, { kind: 'email', value: 'edith@example.org' })).toBe(true);
    expect(store.customers.addIdentity(id, { kind: 'phone', value: ' +44 7700 900456 ' })).toBe(true);
    expect(store.customers.addIdentity(id, { kind: 'email', value: 'edith@example.org' })).toBe(false);
    expect(store.customers.findIdByIdentity({ kind: 'phone', value: '+44 7700 900456' })).toBe(id);
    expect(store.customers.findIdByIdentity({ kind: 'chat', value: 'edith@example.org' })).toBeNull();
    expect(store.customers.getById(id)).toEqual({
      id,
      displayName: 'Edith Carter',
      createdAt: T0,
      identities: [
        { kind: 'email', value: 'edith@example.org' },
        { kind: 'phone', value: '+44 7700 900456' },
      ],
    });
    expect(store.customers.getById(id + 1)).toBeNull();
  });

  it('lists by name and counts', () => {
    const store = testStore();
    for (const name of ['zoe', 'Adam', 'mia']) store.customers.create(name, T0);
    expect(store.customers.list(2, 0).map((c) => c.displayName)).toEqual(['Adam', 'mia']);
    expect(store.customers.list(2, 2).map((c) => c.displayName)).toEqual(['zoe']);
    expect(store.customers.count()).toBe(3);
  });
});

describe('conversations and messages', () => {
  it('keeps the newest message as the conversation’s last, whatever order they arrive in', () => {
    const { store, conversationId, message } = seed();
    const later = message('I have waited in all day for this parcel', T0 + 60_000, 'm2')!;
    store.conversations.recordMessage(conversationId, later, T0 + 60_000);
    const earlier = message('Hello, calling about my order', T0, 'm1')!;
    store.conversations.recordMessage(conversationId, earlier, T0);
    const summary = store.conversations.getSummary(conversationId)!;
    expect(summary.messageCount).toBe(2);
    expect(summary.lastMessage).toEqual({ author: 'customer', preview: 'I have waited in all day for this parcel', sentAt: T0 + 60_000 });
    expect(summary.assignee?.name).toBe('Priya Shah');
    expect(summary.customer.displayName).toBe('Marcus Reed');
    expect(store.messages.listForConversation(conversationId).map((m) => m.id)).toEqual([earlier, later]);
  });

  it('stores a message once per dedupe key', () => {
    const { store, message } = seed();
    const first = message('Hello', T0, 'same');
    expect(first).toBeTypeOf('number');
    expect(message('Hello again', T0 + 1, 'same')).toBeNull();
    expect(store.messages.findByDedupeKey('same')?.id).toBe(first);
    expect(store.messages.count()).toBe(1);
    expect(store.messages.getById(first!)).toMatchObject({ body: 'Hello', meta: { callOffsetSec: 12 } });
  });

  it('finds a message by its e-mail Message-ID', () => {
    const { store, conversationId } = seed();
    const id = store.messages.insert({
      conversationId, author: 'customer', authorName: null, authorUserId: null, body: 'x', sentAt: T0,
      externalId: null, dedupeKey: 'email:<a@b>', meta: { messageId: '<a@b>' }, createdAt: T0,
    });
    expect(store.messages.findByEmailMessageId('<a@b>')).toEqual({ id, conversationId });
    expect(store.messages.findByEmailMessageId('<nope@b>')).toBeNull();
  });

  it('filters, pages and counts conversations, newest first', () => {
    const { store, customerId } = seed();
    const make = (channel: 'chat' | 'email', status: 'open' | 'resolved', at: number) => {
      const id = store.conversations.create({ customerId, channel, status, subject: null, queue: 'general', assigneeId: null, externalRef: null, createdAt: at });
      const messageId = store.messages.insert({
        conversationId: id, author: 'customer', authorName: null, authorUserId: null, body: `at ${at}`, sentAt: at,
        externalId: null, dedupeKey: `k${at}`, meta: {}, createdAt: at,
      })!;
      store.conversations.recordMessage(id, messageId, at);
      return id;
    };
    const a = make('chat', 'open', T0 + 1000);
    const b = make('email', 'resolved', T0 + 3000);
    const c = make('chat', 'resolved', T0 + 2000);
    expect(store.conversations.list({ channel: 'chat' }, 10, 0)).toMatchObject({ total: 2, items: [{ id: c }, { id: a }] });
    expect(store.conversations.list({ status: 'resolved' }, 1, 0)).toMatchObject({ total: 2, items: [{ id: b }] });
    expect(store.conversations.list({ status: 'resolved' }, 1, 1).items.map((i) => i.id)).toEqual([c]);
    expect(store.conversations.list({}, 10, 0).total).toBe(4);
    expect(store.conversations.countByChannel()).toEqual({ chat: 2, email: 1, voice: 1 });
  });

  it('changes status and finds a conversation by its connector reference', () => {
    const { store, conversationId } = seed();
    expect(store.conversations.findIdByExternalRef('voice', 'call-1')).toBe(conversationId);
    expect(store.conversations.findIdByExternalRef('chat', 'call-1')).toBeNull();
    expect(store.conversations.setStatus(conversationId, 'resolved', T0 + 5)).toBe(true);
    expect(store.conversations.getSummary(conversationId)).toMatchObject({ status: 'resolved', updatedAt: T0 + 5 });
    expect(store.conversations.setStatus(999, 'resolved', T0)).toBe(false);
  });

  it('refuses a message for a conversation that does not exist (foreign keys are on)', () => {
    const { store } = seed();
    expect(() =>
      store.messages.insert({
        conversationId: 999, author: 'customer', authorName: null, authorUserId: null, body: 'x', sentAt: T0,
        externalId: null, dedupeKey: 'orphan', meta: {}, createdAt: T0,
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('full-text search', () => {
  it('finds messages by words in any order, by prefix and by phrase, with marked snippets', () => {
    const { store, message } = seed();
    message('The driver left the parcel out in the rain', T0, 'a');
    message('Rain is forecast; the parcel will arrive tomorrow', T0 + 1, 'b');
    message('Thank you so much, the sofa is perfect', T0 + 2, 'c');
    expect(store.search.messages('parcel rain', 10)).toHaveLength(2);
    expect(store.search.messages('"parcel out in the rain"', 10).map((h) => h.snippet.replaceAll('\u0002', '').replaceAll('\u0003', ''))).toEqual([
      'The driver left the parcel out in the rain',
    ]);
    expect(store.search.messages('sof', 10)[0]).toMatchObject({ customerName: 'Marcus Reed', channel: 'voice', author: 'customer' });
    expect(store.search.messages('sofa', 10)[0]!.snippet).toContain(`${SEARCH_MARK_START}sofa`);
    expect(store.search.messages('kettle', 10)).toEqual([]);
  });

  it('never fails on what a person may type', () => {
    const { store, message } = seed();
    message('Café crème — naïve façade', T0, 'a');
    for (const typed of ['"', '*', 'AND', 'OR NOT', '(', 'a:b', '-', "'", '""', '🙂', 'NEAR(']) {
      expect(() => store.search.messages(typed, 10)).not.toThrow();
    }
    expect(store.search.messages('cafe creme', 10)).toHaveLength(1);
  });

  it('keeps the index in step when a message is edited or deleted', () => {
    const { store, message } = seed();
    const id = message('original words', T0, 'a')!;
    message('other words', T0, 'b');
    const raw = new Database(store.path);
    try {
      raw.prepare('UPDATE messages SET body = ? WHERE id = ?').run('corrected text', id);
      expect(store.search.messages('original', 10)).toEqual([]);
      expect(store.search.messages('corrected', 10).map((h) => h.messageId)).toEqual([id]);
      raw.prepare('DELETE FROM messages WHERE id = ?').run(id);
      expect(store.search.messages('corrected', 10)).toEqual([]);
      expect(store.search.messages('words', 10)).toHaveLength(1);
    } finally {
      raw.close();
    }
  });
});

describe('analyses, coach prompts, follow-ups, session events, settings', () => {
  it('stores readings and finds the latest per message, per conversation, the cached one and the unread messages', () => {
    const { store, message, conversationId } = seed();
    const messageId = message('I am furious', T0, 'a')!;
    const other = message('Thanks', T0 + 1, 'b')!;
    const reading: Reading = {
      analyzer: 'model', modelId: 'ekman', modelVersion: 'v1', sentiment: -0.8, sentimentClass: 'negative',
      emotions: { anger: 0.82, neutral: 0.18 }, dominant: { emotion: 'anger', score: 0.82 }, labels: { ekman: { anger: 0.82, neutral: 0.18 } },
      words: 3, windows: 1, truncated: false,
    };
    expect(store.analyses.unreadMessageIds('ekman', 'v1')).toEqual([other, messageId]);
    store.analyses.insert({ messageId, draftId: null, textHash: 'h1', reading, latencyMs: 3.2, createdAt: T0 });
    const lexicon: Reading = { ...reading, analyzer: 'lexicon', modelId: 'vader', modelVersion: '1', sentiment: -0.6, emotions: {}, dominant: null };
    store.analyses.insert({ messageId, draftId: null, textHash: 'h1', reading: lexicon, latencyMs: 1, createdAt: T0 + 1 });
    store.analyses.insert({ messageId: null, draftId: 'draft-1', textHash: 'h9', reading, latencyMs: 2, createdAt: T0 + 2 });
    expect(store.analyses.latestForMessage(messageId)).toMatchObject({ modelId: 'vader', sentiment: -0.6, analyzer: 'lexicon' });
    expect(store.analyses.findCached('h1', 'ekman', 'v1')).toEqual({ ...reading, latencyMs: 3.2, analysedAt: T0 });
    expect(store.analyses.findCached('h1', 'ekman', 'v2')).toBeNull();
    expect(store.analyses.findCached('h2', 'ekman', 'v1')).toBeNull();
    expect([...store.analyses.latestForConversation(conversationId).entries()]).toEqual([[messageId, expect.objectContaining({ modelId: 'vader' })]]);
    expect(store.analyses.unreadMessageIds('ekman', 'v1')).toEqual([other]);
    expect(store.analyses.count()).toBe(3);
    expect(() => store.analyses.insert({ messageId, draftId: null, textHash: 'h', reading: { ...reading, sentiment: 1.5 }, latencyMs: 1, createdAt: T0 })).toThrow(/CHECK/);
  });

  it('records a prompt shown, when it was put into the draft, and only one outcome for it', () => {
    const { store, conversationId, agent } = seed();
    const prompt = { conversationId, messageId: null, userId: agent.id, kind: 'acknowledge', ruleId: 'acknowledge-anger', title: 'Acknowledge the feeling', reason: 'anger 0.82' };
    const id = store.coachPrompts.recordShown({ ...prompt, text: 'That sounds exhausting.', shownAt: T0 });
    expect(store.coachPrompts.markInserted(id, T0 + 800)).toBe(true);
    expect(store.coachPrompts.markInserted(id, T0 + 850)).toBe(false);
    // settled by the reply that went
    expect(store.coachPrompts.recordOutcome(id, 'edited', T0 + 1100)).toBe(true);
    expect(store.coachPrompts.recordOutcome(id, 'inserted', T0 + 1200)).toBe(false);
    expect(store.coachPrompts.markInserted(id, T0 + 1300)).toBe(false);
    const dismissed = store.coachPrompts.recordShown({ ...prompt, text: 'I can hear how fed up you are.', shownAt: T0 + 50 });
    expect(store.coachPrompts.recordOutcome(dismissed, 'dismissed', T0 + 60)).toBe(true);
    expect(store.coachPrompts.recordOutcome(dismissed, 'edited', T0 + 70)).toBe(false);
    expect(store.coachPrompts.listForConversation(conversationId)).toEqual([
      { id, ...prompt, text: 'That sounds exhausting.', shownAt: T0, outcome: 'edited', outcomeAt: T0 + 1100, insertedAt: T0 + 800 },
      { id: dismissed, ...prompt, text: 'I can hear how fed up you are.', shownAt: T0 + 50, outcome: 'dismissed', outcomeAt: T0 + 60, insertedAt: null },
    ]);
    expect(store.coachPrompts.recentTexts(conversationId)).toEqual(['I can hear how fed up you are.', 'That sounds exhausting.']);
  });

  it('tracks follow-ups from open to done and lists the overdue ones', () => {
    const { store, customerId, conversationId } = seed();
    const due = store.followUps.create({ customerId, conversationId, messageId: null, createdBy: null, description: 'Call back about the refund', dueAt: T0 + 1000, createdAt: T0 });
    const later = store.followUps.create({ customerId, conversationId, messageId: null, createdBy: null, description: 'Check the sofa arrived', dueAt: T0 + 9000, createdAt: T0 });
    expect(store.followUps.listOverdue(T0 + 5000).map((f) => f.id)).toEqual([due]);
    expect(store.followUps.close(due, 'done', T0 + 2000)).toBe(true);
    expect(store.followUps.close(due, 'cancelled', T0 + 3000)).toBe(false);
    expect(store.followUps.listOverdue(T0 + 5000)).toEqual([]);
    expect(store.followUps.listForCustomer(customerId).map((f) => [f.id, f.status])).toEqual([[later, 'open'], [due, 'done']]);
  });

  it('keeps the session log append-only', () => {
    const { store, conversationId } = seed();
    store.sessionEvents.append({ at: T0, kind: 'call.started', conversationId, messageId: null, userId: null, payload: { by: 'test' } });
    store.sessionEvents.append({ at: T0 + 5, kind: 'call.ended', conversationId, messageId: null, userId: null, payload: {} });
    expect(store.sessionEvents.listForConversation(conversationId).map((e) => e.kind)).toEqual(['call.started', 'call.ended']);
    const raw = new Database(store.path);
    try {
      expect(() => raw.prepare("UPDATE session_events SET kind = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM session_events').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    expect(store.sessionEvents.listForConversation(conversationId)).toHaveLength(2);
  });

  it('keeps settings as JSON values', () => {
    const store = testStore();
    expect(store.settings.get('session.role')).toBeUndefined();
    store.settings.set('session.role', 'supervisor');
    store.settings.set('keymap', { reply: 'r' });
    store.settings.set('session.role', 'executive');
    expect(store.settings.get('session.role')).toBe('executive');
    expect(store.settings.get('keymap')).toEqual({ reply: 'r' });
  });
});

describe('message previews', () => {
  it('shows the writer’s own words, not quoted history or signature', () => {
    const body = 'Thanks, that worked!\n\nBest,\nEdith\n--\nSent from my iPhone\n\nOn Tue, 3 Mar 2026 at 10:14, Support <s@x> wrote:\n> Try again';
    expect(messagePreview(body)).toBe('Thanks, that worked! Best, Edith');
    expect(messagePreview('> only quoted')).toBe('> only quoted');
    expect(messagePreview('word '.repeat(100), 30)).toMatch(/^(word ){4,5}word…$|^word( word)*…$/);
  });
});
