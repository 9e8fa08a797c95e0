import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { KinshipEvent } from '../../../../shared/contract/events';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { testStore } from '../../../helpers/testStore';

const T0 = Date.UTC(2026, 4, 12, 9, 0);

async function setup() {
  const store = await testStore();
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  await store.users.create({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, T0);
  return { store, events, ingestion: createIngestionService(store, bus) };
}

const edith = { displayName: 'Edith Carter', identities: [{ kind: 'email' as const, value: 'edith@example.org' }] };

function email(body: string, messageId: string, sentAt: number, extra: Partial<IngestMessage['message']['meta']> = {}, author: 'customer' | 'agent' = 'customer'): IngestMessage {
  return {
    channel: 'email',
    customer: edith,
    conversation: { subject: 'Charged twice?', queue: 'billing', assigneeEmail: 'priya@larkspur.example' },
    message: { author, body, sentAt, meta: { messageId, subject: 'Charged twice?', ...extra }, ...(author === 'agent' ? { authorName: 'Priya Shah', authorEmail: 'priya@larkspur.example' } : {}) },
  };
}

describe('the ingestion service', () => {
  it('creates customer and conversation, stores, indexes, logs and announces a new message', async () => {
    const { store, events, ingestion } = await setup();
    const result = await ingestion.ingest(email('I think I was charged twice for my order', '<m1@example.org>', T0));
    expect(result.created).toBe(true);
    const detail = (await store.conversations.getSummary(result.conversationId))!;
    expect(detail).toMatchObject({ channel: 'email', subject: 'Charged twice?', queue: 'billing', status: 'open', assignee: { name: 'Priya Shah' }, messageCount: 1 });
    expect((await store.customers.getById(result.customerId))!.displayName).toBe('Edith Carter');
    expect((await store.search.messages('charged twice', 5)).map((h) => h.messageId)).toEqual([result.messageId]);
    expect(await store.sessionEvents.listForConversation(result.conversationId)).toMatchObject([{ kind: 'message.arrived', messageId: result.messageId, at: T0 }]);
    expect(events).toEqual([
      { name: 'message.added', payload: { messageId: result.messageId, conversationId: result.conversationId, customerId: result.customerId, channel: 'email', author: 'customer', sentAt: T0 } },
    ]);
  });

  it('threads an e-mail reply into its conversation by In-Reply-To or References', async () => {
    const { store, ingestion } = await setup();
    const first = await ingestion.ingest(email('Charged twice?', '<m1@example.org>', T0));
    const reply = await ingestion.ingest(email('Let me check that for you.', '<r1@larkspur.example>', T0 + 60_000, { inReplyTo: '<m1@example.org>' }, 'agent'));
    const later = await ingestion.ingest(email('Thank you!', '<m2@example.org>', T0 + 120_000, { references: ['<m1@example.org>', '<r1@larkspur.example>'] }));
    expect(reply.conversationId).toBe(first.conversationId);
    expect(later.conversationId).toBe(first.conversationId);
    expect((await store.conversations.getSummary(first.conversationId))!.messageCount).toBe(3);
    const agentEvent = (await store.sessionEvents.listForConversation(first.conversationId))[1]!;
    expect(agentEvent).toMatchObject({ kind: 'message.sent', userId: (await store.users.getByEmail('priya@larkspur.example'))!.id });
  });

  it('stores a message delivered twice only once, and says so', async () => {
    const { store, events, ingestion } = await setup();
    const first = await ingestion.ingest(email('Charged twice?', '<m1@example.org>', T0));
    const again = await ingestion.ingest(email('Charged twice?', '<M1@example.org>', T0));
    expect(again).toEqual({ ...first, created: false });
    expect(await store.messages.count()).toBe(1);
    expect(events).toHaveLength(1);
    const chat: IngestMessage = { channel: 'chat', customer: { displayName: 'Jo', identities: [{ kind: 'chat', value: 'jo_b' }] }, conversation: { externalRef: 's1' }, message: { author: 'customer', body: 'hi', sentAt: T0 } };
    await ingestion.ingest(chat);
    expect((await ingestion.ingest(chat)).created).toBe(false);
    expect((await ingestion.ingest({ ...chat, message: { ...chat.message, sentAt: T0 + 1 } })).created).toBe(true);
  });

  it('merges one customer across channels by any known identity', async () => {
    const { store, ingestion } = await setup();
    const byEmail = await ingestion.ingest(email('Hello', '<m1@example.org>', T0));
    const call = await ingestion.ingest({
      channel: 'voice',
      customer: { displayName: 'Edith Carter', identities: [{ kind: 'phone', value: '+44 7700 900456' }, { kind: 'email', value: 'edith@example.org' }] },
      conversation: { externalRef: 'call-9' },
      message: { author: 'system', body: 'Call started', sentAt: T0 + 1000, meta: { callStartedAt: T0 + 1000 } },
    });
    const laterCall = await ingestion.ingest({
      channel: 'voice',
      customer: { displayName: 'E. Carter', identities: [{ kind: 'phone', value: '+44 7700 900456' }] },
      conversation: { externalRef: 'call-10' },
      message: { author: 'system', body: 'Call started', sentAt: T0 + 5000 },
    });
    expect(call.customerId).toBe(byEmail.customerId);
    expect(laterCall.customerId).toBe(byEmail.customerId);
    expect(await store.customers.count()).toBe(1);
    expect((await store.customers.getById(byEmail.customerId))!.identities).toHaveLength(2);
    expect((await store.conversations.list({ customerId: byEmail.customerId }, 10, 0)).total).toBe(3);
  });

  it('stores many in chunks with progress, all or nothing per chunk', async () => {
    const { store, ingestion } = await setup();
    const progress: [number, number][] = [];
    const items = Array.from({ length: 25 }, (_, i): IngestMessage => ({
      channel: 'chat',
      customer: { displayName: `C${i % 5}`, identities: [{ kind: 'chat', value: `c${i % 5}` }] },
      conversation: { externalRef: `s${i % 5}`, status: i >= 20 ? 'resolved' : 'open' },
      message: { author: i % 2 ? 'agent' : 'customer', body: `line ${i}`, sentAt: T0 + i, externalId: `x${i}` },
    }));
    const results = await ingestion.ingestMany(items, { chunkSize: 10, onProgress: (done, total) => progress.push([done, total]) });
    expect(results.filter((r) => r.created)).toHaveLength(25);
    expect(progress).toEqual([[10, 25], [20, 25], [25, 25]]);
    expect((await store.conversations.list({ status: 'resolved' }, 10, 0)).total).toBe(5);
    expect(await store.customers.count()).toBe(5);
  });
  it('dates a message whose own time is out of range when it arrived, says so, and still knows a repeat of it', async () => {
    const { store, ingestion } = await setup();
    const arrived = T0 + 5_000;
    const item = email('My clock is wrong', '<clock@example.org>', 2 ** 53 - 1);
    const result = await ingestion.ingest(item, { now: () => arrived });
    const stored = (await store.messages.getById(result.messageId))!;
    expect(stored.sentAt).toBe(arrived);
    expect(stored.meta.droppedMeta).toEqual([{ field: 'sentAt', reason: expect.stringMatching(/not a time Kinship accepts/) }]);
    expect((await store.conversations.getSummary(result.conversationId))!.lastMessage).toMatchObject({ author: 'customer' });
    expect((await ingestion.ingest(item, { now: () => arrived + 60_000 })).created).toBe(false);
  });

  it('keeps an e-mail whose channel details are malformed, dropping only the bad details and recording why', async () => {
    const { store, ingestion } = await setup();
    const item = email('Where is my parcel?', '<bad-meta@example.org>', T0);
    const malformed = { ...item.message.meta, to: 'support@larkspur.example', references: 7, attachments: [{ name: 'x.pdf', size: 'big' }], tracking: { deep: true } } as unknown as IngestMessage['message']['meta'];
    const result = await ingestion.ingest({ ...item, message: { ...item.message, meta: malformed } });
    expect(result.created).toBe(true);
    const stored = (await store.messages.getById(result.messageId))!;
    expect(stored.body).toBe('Where is my parcel?');
    expect(stored.meta.messageId).toBe('<bad-meta@example.org>');
    expect(stored.meta.subject).toBe('Charged twice?');
    expect(stored.meta).not.toHaveProperty('to');
    expect(stored.meta).not.toHaveProperty('references');
    expect(stored.meta).not.toHaveProperty('attachments');
    expect(stored.meta).not.toHaveProperty('tracking');
    const dropped = stored.meta.droppedMeta as { field: string; reason: string }[];
    expect(dropped.map((entry) => entry.field).sort()).toEqual(['attachments', 'references', 'to', 'tracking']);
    expect(dropped.find((entry) => entry.field === 'to')!.reason).toMatch(/array/i);
    expect(dropped.find((entry) => entry.field === 'tracking')!.reason).toBe('not a detail of email messages');
    // a second delivery is still recognised by its (valid) Message-ID
    expect((await ingestion.ingest({ ...item, message: { ...item.message, meta: malformed } })).created).toBe(false);
  });

  it('keeps a message whose meta is not an object at all', async () => {
    const { store, ingestion } = await setup();
    const chat: IngestMessage = { channel: 'chat', customer: { displayName: 'Jo', identities: [{ kind: 'chat', value: 'jo_b' }] }, conversation: { externalRef: 's1' }, message: { author: 'customer', body: 'hi', sentAt: T0, meta: ['x'] as unknown as IngestMessage['message']['meta'] } };
    const stored = (await store.messages.getById((await ingestion.ingest(chat)).messageId))!;
    expect(stored.body).toBe('hi');
    expect(stored.meta).toEqual({ droppedMeta: [{ field: 'meta', reason: 'not a set of named details' }] });
  });
});
