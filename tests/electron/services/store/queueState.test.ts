import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { Reading } from '../../../../shared/contract/analysis';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { testStore } from '../../../helpers/testStore';

const T0 = Date.UTC(2026, 10, 20, 9, 0);
const MIN = 60_000;

async function setup() {
  const store = await testStore();
  const ingestion = createIngestionService(store, createEventBus());
  const agent = await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, T0);
  let n = 0;
  const say = (ref: string, author: 'customer' | 'agent' | 'note', at: number, assignee = true) => {
    n += 1;
    const item: IngestMessage = {
      channel: 'chat',
      customer: { displayName: `Customer ${ref}`, identities: [{ kind: 'chat', value: ref }] },
      conversation: { externalRef: ref, ...(assignee ? { assigneeEmail: agent.email } : {}) },
      message: { author, body: `${author} line ${n}`, sentAt: at, externalId: `x${n}`, ...(author !== 'customer' ? { authorName: 'Aisha Khan' } : {}) },
    };
    return ingestion.ingest(item);
  };
  const read = async (messageId: number, sentiment: number): Promise<void> =>
    await store.conversations.recordReading(messageId, { sentiment, dominant: { emotion: sentiment < 0 ? 'anger' : 'joy' }, analyzer: 'model' } as Pick<Reading, 'sentiment' | 'dominant' | 'analyzer'>);
  return { store, agent, say, read };
}

describe('the queue’s state on each conversation', () => {
  it('knows since when a customer has waited, and that a reply ends the wait but a note does not', async () => {
    const { store, say } = await setup();
    const first = await say('a', 'customer', T0);
    await say('a', 'customer', T0 + MIN);
    expect((await store.conversations.getSummary(first.conversationId))!.waitingSince).toBe(T0);
    await say('a', 'note', T0 + 2 * MIN);
    expect((await store.conversations.getSummary(first.conversationId))!.waitingSince).toBe(T0);
    await say('a', 'agent', T0 + 3 * MIN);
    expect((await store.conversations.getSummary(first.conversationId))!.waitingSince).toBeNull();
    await say('a', 'customer', T0 + 10 * MIN);
    expect((await store.conversations.getSummary(first.conversationId))!.waitingSince).toBe(T0 + 10 * MIN);
  });

  it('takes its mood from the reading of the customer’s last message only', async () => {
    const { store, say, read } = await setup();
    const older = await say('b', 'customer', T0);
    const last = await say('b', 'customer', T0 + MIN);
    await read(older.messageId, -0.9);
    expect((await store.conversations.getSummary(last.conversationId))!.mood).toBeNull();
    await read(last.messageId, -0.6);
    expect((await store.conversations.getSummary(last.conversationId))!.mood).toEqual({ sentiment: -0.6, emotion: 'anger', analyzer: 'model' });
    await say('b', 'customer', T0 + 2 * MIN);
    expect((await store.conversations.getSummary(last.conversationId))!.mood).toBeNull();
  });

  it('filters by open work, assignee and mood, and sorts by waiting time or by who is most upset', async () => {
    const { store, agent, say, read } = await setup();
    const calm = await say('calm', 'customer', T0 + 5 * MIN);
    await read(calm.messageId, 0.1);
    const furious = await say('furious', 'customer', T0 + 3 * MIN);
    await read(furious.messageId, -0.8);
    const happy = await say('happy', 'customer', T0 + 1 * MIN, false);
    await read(happy.messageId, 0.7);
    const answered = await say('answered', 'customer', T0);
    await say('answered', 'agent', T0 + 7 * MIN);
    await store.conversations.setStatus(answered.conversationId, 'resolved', T0 + 8 * MIN);

    const ids = async (filter: Parameters<typeof store.conversations.list>[0], sort: 'recent' | 'waiting' | 'upset' = 'recent') =>
      (await store.conversations.list(filter, 10, 0, sort)).items.map((c) => c.customer.displayName.replace('Customer ', ''));
    expect(await ids({}, 'recent')).toEqual(['answered', 'calm', 'furious', 'happy']);
    expect(await ids({ status: 'active' }, 'waiting')).toEqual(['happy', 'furious', 'calm']);
    expect(await ids({ status: 'active' }, 'upset')).toEqual(['furious', 'calm', 'happy']);
    expect(await ids({ mood: 'upset' })).toEqual(['furious']);
    expect(await ids({ mood: 'happy' })).toEqual(['happy']);
    expect(await ids({ mood: 'neutral' })).toEqual(['calm']);
    expect(await ids({ assignee: 'unassigned' })).toEqual(['happy']);
    expect(await ids({ assignee: agent.id, status: 'active' })).toEqual(['calm', 'furious']);
    expect((await store.conversations.list({ status: 'active' }, 10, 0)).total).toBe(3);
  });
});

describe('unread', () => {
  it('is open work a user has not opened since the customer last wrote', async () => {
    const { store, agent, say } = await setup();
    const first = await say('u', 'customer', T0);
    const seen = async () => (await store.conversations.getSummary(first.conversationId, agent.id))!.unread;
    expect(await seen()).toBe(true);
    await store.conversations.markRead(first.conversationId, agent.id, T0 + MIN);
    expect(await seen()).toBe(false);
    // someone else has not read it
    expect((await store.conversations.getSummary(first.conversationId, null))!.unread).toBe(true);
    await say('u', 'agent', T0 + 2 * MIN);
    expect(await seen()).toBe(false);
    await say('u', 'customer', T0 + 3 * MIN);
    expect(await seen()).toBe(true);
    expect((await store.conversations.list({}, 10, 0, 'recent', agent.id)).items[0]!.unread).toBe(true);
    await store.conversations.setStatus(first.conversationId, 'resolved', T0 + 4 * MIN);
    expect(await seen()).toBe(false);
  });
});

describe('priority', () => {
  it('sorts the most urgent first, and within a priority whoever has waited longest', async () => {
    const { store, say } = await setup();
    const a = await say('a', 'customer', T0);
    const b = await say('b', 'customer', T0 + MIN);
    const c = await say('c', 'customer', T0 + 2 * MIN);
    await store.conversations.setPriority(c.conversationId, 'urgent', T0);
    await store.conversations.setPriority(a.conversationId, 'low', T0);
    const order = (await store.conversations.list({}, 10, 0, 'priority')).items.map((item) => [item.customer.displayName.replace('Customer ', ''), item.priority]);
    expect(order).toEqual([['c', 'urgent'], ['b', 'normal'], ['a', 'low']]);
    expect((await store.conversations.getSummary(b.conversationId))!.priority).toBe('normal');
  });
});
