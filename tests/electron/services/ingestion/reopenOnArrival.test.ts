import { describe, expect, it } from 'vitest';
import type { ConversationStatus } from '../../../../shared/contract/domain';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * A customer writing into a resolved conversation — or a pending one, which waits on their answer —
 * brings it back to open work in the transaction that stores their message: logged, announced to
 * every console, unread for whoever had read it. Before, it stayed resolved and left open work with
 * the customer's message unanswered in it. Agents' replies, notes, and messages that say the
 * conversation's status after them (an importer's history) do not reopen it.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const HOUR = 3_600_000;
const AGENT = 'priya@example.com';
const item = (author: 'customer' | 'agent' | 'note', body: string, externalId: string, sentAt: number, status?: ConversationStatus): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines' }] },
  conversation: { externalRef: 'chat-ines', assigneeEmail: AGENT, ...(status ? { status } : {}) },
  message: author === 'customer' ? { author, body, sentAt, externalId } : { author, authorEmail: AGENT, body, sentAt, externalId },
});

async function workspace(kind: (typeof STORE_KINDS)[number]) {
  const { store } = await openTestStore(kind);
  const agent = await store.users.ensure({ name: 'Priya', email: AGENT, role: 'agent' }, T0);
  const bus = createEventBus();
  const changes: string[] = [];
  bus.subscribe((event) => void (event.name === 'conversation.changed' && changes.push(event.payload.reason)));
  const ingestion = createIngestionService(store, bus);
  const statusLog = async (conversationId: number) =>
    (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'status.changed').map((event) => event.payload);
  return { store, agent, changes, ingestion, statusLog };
}

describe.each(STORE_KINDS)('a customer writing into a conversation that is not open, on %s', (kind) => {
  it.each(['resolved', 'pending'] as const)('reopens a %s one, logged, announced and unread for the agent who had read it', async (before) => {
    const { store, agent, changes, ingestion, statusLog } = await workspace(kind);
    await ingestion.ingest(item('customer', 'My parcel is late', 'm1', T0), { now: () => T0 });
    const { conversationId } = await ingestion.ingest(item('agent', 'It arrives tomorrow.', 'a1', T0 + HOUR, before), { now: () => T0 + HOUR });
    // the agent read it all, later than the customer's next message is dated (an e-mail sent before, delivered after)
    await store.conversations.markRead(conversationId, agent.id, T0 + 3 * HOUR);
    expect(await store.conversations.getSummary(conversationId, agent.id)).toMatchObject({ status: before, unread: false });

    await ingestion.ingest(item('customer', 'It did not come', 'm2', T0 + 2 * HOUR), { now: () => T0 + 4 * HOUR });
    expect(await store.conversations.getSummary(conversationId, agent.id)).toMatchObject({ status: 'open', unread: true });
    expect(await statusLog(conversationId)).toEqual([{ from: before, to: 'open', reason: 'customer-replied' }]);
    expect(changes).toEqual(['reopened']);
    // and it is in open work for the team again
    const { items } = await store.conversations.list({ status: 'active' }, 10, 0, 'recent', agent.id);
    expect(items.map((one) => one.id)).toEqual([conversationId]);
  });

  it('leaves it as it is for an agent’s reply, a note, a message that says its status, and an open conversation', async () => {
    const { store, changes, ingestion, statusLog } = await workspace(kind);
    const { conversationId } = await ingestion.ingest(item('customer', 'Hello', 'm1', T0, 'resolved'), { now: () => T0 });
    await ingestion.ingest(item('agent', 'One more thing', 'a1', T0 + HOUR), { now: () => T0 + HOUR });
    await ingestion.ingest(item('note', 'Checked the courier', 'n1', T0 + 2 * HOUR), { now: () => T0 + 2 * HOUR });
    // an importer's history: the customer's message and the status after it
    await ingestion.ingest(item('customer', 'Thanks, all sorted', 'm2', T0 + 3 * HOUR, 'resolved'), { now: () => T0 + 3 * HOUR });
    expect(await store.conversations.getSummary(conversationId)).toMatchObject({ status: 'resolved' });
    await store.conversations.setStatus(conversationId, 'open', T0 + 4 * HOUR);
    await ingestion.ingest(item('customer', 'Still there?', 'm3', T0 + 5 * HOUR), { now: () => T0 + 5 * HOUR });
    expect(await store.conversations.getSummary(conversationId)).toMatchObject({ status: 'open' });
    expect(await statusLog(conversationId)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('in a bulk load, reopens as single arrivals would, keeps the statuses the history gives, and reopens nothing when the chunk is rolled back', async () => {
    const { store, changes, ingestion, statusLog } = await workspace(kind);
    const { conversationId } = await ingestion.ingest(item('customer', 'Hello', 'm1', T0, 'resolved'), { now: () => T0 });
    // the chunk fails on its last item and is rolled back whole: nothing reopened, nothing announced
    const broken: IngestMessage = { ...item('customer', 'Lost', 'x', T0 + HOUR), conversation: { id: 999_999 } };
    await expect(ingestion.ingestMany([item('customer', 'Me again', 'm2', T0 + HOUR), broken], { notify: true, now: () => T0 + HOUR })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await store.conversations.getSummary(conversationId)).toMatchObject({ status: 'resolved' });

    await ingestion.ingestMany([
      item('customer', 'Me again', 'm2', T0 + HOUR),
      item('agent', 'Sorted, closing', 'a2', T0 + 2 * HOUR, 'resolved'),
      item('customer', 'Thanks!', 'm3', T0 + 3 * HOUR, 'resolved'),
    ], { notify: true, now: () => T0 + 4 * HOUR });
    expect(await store.conversations.getSummary(conversationId)).toMatchObject({ status: 'resolved' });
    expect(await statusLog(conversationId)).toEqual([{ from: 'resolved', to: 'open', reason: 'customer-replied' }]);
    expect(changes).toEqual(['reopened']);
  });
});
