import { describe, expect, it } from 'vitest';
import { coachContextFromStore } from '../../../../electron/services/coach/coachContextFromStore';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { countingStore } from '../../../helpers/countingStore';
import { testStore } from '../../../helpers/testStore';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 10, 0);

async function workspace() {
  const store = await testStore();
  const ingestion = createIngestionService(store, createEventBus());
  const customer = { displayName: 'Sam Carter', identities: [{ kind: 'email' as const, value: 'sam@example.com' }] };
  const arrive = (ref: string, author: 'customer' | 'agent' | 'note', body: string, sentAt: number) =>
    ingestion.ingest({ channel: 'email', customer, conversation: { externalRef: ref, subject: ref }, message: { author, body, sentAt, externalId: `${ref}-${sentAt}` } });
  return { store, arrive };
}

describe('what the coach knows of a customer’s earlier conversations', () => {
  it('dates the last contact by what passed between customer and agent, not by a later internal note', async () => {
    const { store, arrive } = await workspace();
    await arrive('Lost parcel', 'customer', 'Where is my parcel?', NOW - 10 * DAY);
    await arrive('Lost parcel', 'agent', 'It is on its way.', NOW - 9 * DAY);
    await arrive('Lost parcel', 'note', 'Chased the courier again.', NOW - 14 * 60_000);
    const { conversationId } = await arrive('Wrong size', 'customer', 'The coat is too small.', NOW - 60_000);

    const context = (await coachContextFromStore(store, conversationId, null, NOW))!;
    expect(context.previousConversations).toHaveLength(1);
    expect(context.previousConversations[0]!.lastContactAt).toBe(NOW - 9 * DAY);
  });
});

describe.each(STORE_KINDS)('the coach’s reading of a customer’s history on %s', (kind) => {
  it('dates the last contact of twenty earlier conversations in one query, each as before', async () => {
    const { store } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const customer = { displayName: 'Sam Carter', identities: [{ kind: 'email' as const, value: 'sam@example.com' }] };
    const arrive = (ref: string, author: 'customer' | 'agent' | 'note', body: string, sentAt: number) =>
      ingestion.ingest({ channel: 'email', customer, conversation: { externalRef: ref, subject: ref }, message: { author, body, sentAt, externalId: `${ref}-${sentAt}` } });
    const expected = new Map<number, number>();
    for (let i = 0; i < 22; i++) {
      const at = NOW - (30 + i) * DAY;
      const { conversationId } = await arrive(`Earlier ${i}`, 'customer', `Question ${i}`, at);
      // every third one answered a day later; every other one has a later internal note (never a contact)
      if (i % 3 === 0) await arrive(`Earlier ${i}`, 'agent', `Answer ${i}`, at + DAY);
      if (i % 2 === 0) await arrive(`Earlier ${i}`, 'note', `Note ${i}`, at + 2 * DAY);
      expected.set(conversationId, i % 3 === 0 ? at + DAY : at);
    }
    const { conversationId } = await arrive('Now', 'customer', 'The coat is too small.', NOW - 60_000);
    const counting = countingStore(store);
    const context = (await coachContextFromStore(counting.store, conversationId, null, NOW))!;
    expect(context.previousConversations).toHaveLength(20);
    for (const previous of context.previousConversations) expect(previous.lastContactAt).toBe(expected.get(previous.id));
    expect(counting.count('messages.lastContactAt')).toBe(1);
    // the whole context: a handful of queries, however many earlier conversations there are
    expect(counting.total(), JSON.stringify(counting.byName())).toBeLessThanOrEqual(8);
  });
});
