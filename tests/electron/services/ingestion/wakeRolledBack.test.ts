import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * A customer's message that wakes a snoozed conversation in a transaction that then rolls back
 * (a bulk load whose chunk fails further on) wakes nothing — not in the store, and not in memory:
 * no later message to that conversation is announced as the end of its snooze.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const HOUR = 3_600_000;
const from = (author: 'customer' | 'agent', body: string, externalId: string, sentAt: number): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines' }] },
  conversation: { externalRef: 'chat-ines' },
  message: { author, body, sentAt, externalId },
});

describe.each(STORE_KINDS)('a wake that is rolled back, on %s', (kind) => {
  it('is not announced with the next message to the conversation', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const reasons: string[] = [];
    bus.subscribe((event) => void (event.name === 'conversation.changed' && reasons.push(event.payload.reason)));
    const ingestion = createIngestionService(store, bus);
    const { conversationId } = await ingestion.ingest(from('customer', 'Hello?', 'm1', T0), { now: () => T0 });
    expect(await store.snoozes.snooze(conversationId, T0 + 5 * HOUR, T0 + 1)).toBe(true);

    // the customer's message wakes it; the chunk fails on its next item and is rolled back whole
    const broken: IngestMessage = { ...from('customer', 'Lost', 'm3', T0 + HOUR), conversation: { id: 999_999 } };
    await expect(ingestion.ingestMany([from('customer', 'Anyone there?', 'm2', T0 + HOUR), broken], { notify: true, now: () => T0 + HOUR })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: true });

    await ingestion.ingest(from('agent', 'Still looking into it.', 'a1', T0 + 2 * HOUR), { now: () => T0 + 2 * HOUR });
    await ingestion.ingest(from('customer', 'Thanks', 'm4', T0 + 3 * HOUR), { now: () => T0 + 3 * HOUR });
    // only the customer's last message woke it, and only that was announced
    expect(reasons).toEqual(['snooze-ended']);
  });
});
