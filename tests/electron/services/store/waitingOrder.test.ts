import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { ConversationStatus, QueueSort } from '../../../../shared/contract/domain';
import { DEFAULT_INBOX_VIEW, viewFilter } from '../../../../shared/contract/views';
import { testStore } from '../../../helpers/testStore';

const DEC = Date.UTC(2025, 11, 3, 9, 0);
const T0 = Date.UTC(2026, 10, 20, 9, 0);
const MIN = 60_000;

/** Conversations whose customers wrote last at given times, some answered, some set aside. */
async function setup() {
  const store = await testStore();
  const ingestion = createIngestionService(store, createEventBus());
  let n = 0;
  const conversation = async (ref: string, lastCustomerAt: number, status: ConversationStatus, answeredAt: number | null = null) => {
    n += 1;
    const said = await ingestion.ingest({
      channel: 'chat',
      customer: { displayName: ref, identities: [{ kind: 'chat', value: ref }] },
      conversation: { externalRef: ref },
      message: { author: 'customer', body: `line ${n}`, sentAt: lastCustomerAt, externalId: `c${n}` },
    });
    if (answeredAt !== null) {
      await ingestion.ingest({
        channel: 'chat',
        customer: { displayName: ref, identities: [{ kind: 'chat', value: ref }] },
        conversation: { externalRef: ref },
        message: { author: 'agent', authorName: 'Aisha', body: `answer ${n}`, sentAt: answeredAt, externalId: `a${n}` },
      });
    }
    await store.conversations.setStatus(said.conversationId, status, lastCustomerAt);
  };
  // December's: resolved (and one snoozed) with the customer's last word never answered ("thanks!")
  await conversation('resolved-december', DEC, 'resolved');
  await conversation('snoozed-december', DEC + MIN, 'snoozed');
  await conversation('open-an-hour', T0 - 60 * MIN, 'open');
  await conversation('pending-half-hour', T0 - 30 * MIN, 'pending');
  await conversation('open-answered', T0 - 90 * MIN, 'open', T0 - 80 * MIN);
  await conversation('resolved-yesterday', T0 - 24 * 60 * MIN, 'resolved', T0 - 23 * 60 * MIN);
  const names = async (filter: Parameters<typeof store.conversations.list>[0], sort: QueueSort) =>
    (await store.conversations.list(filter, 50, 0, sort)).items.map((item) => item.customer.displayName);
  return { store, names };
}

describe('waiting longest', () => {
  it('with any status, puts the customers waiting for us first and never a resolved or snoozed conversation', async () => {
    const { names } = await setup();
    expect(await names({}, 'waiting')).toEqual([
      // waiting for us, longest first
      'open-an-hour',
      'pending-half-hour',
      // then everything else, newest first
      'open-answered',
      'resolved-yesterday',
      'snoozed-december',
      'resolved-december',
    ]);
  });

  it('orders urgent work the same way within a priority', async () => {
    const { names } = await setup();
    expect((await names({}, 'priority')).slice(0, 2)).toEqual(['open-an-hour', 'pending-half-hour']);
  });

  it('is the default view: open work only, the longest wait on top', async () => {
    const { names } = await setup();
    const { filter: { assignee, ...filter }, sort } = viewFilter(DEFAULT_INBOX_VIEW);
    expect([assignee, sort]).toEqual([undefined, 'waiting']);
    expect(await names(filter, sort)).toEqual(['open-an-hour', 'pending-half-hour', 'open-answered']);
  });
});
