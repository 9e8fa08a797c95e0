import { describe, expect, it } from 'vitest';
import { coachContextFromStore } from '../../../../electron/services/coach/coachContextFromStore';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
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
