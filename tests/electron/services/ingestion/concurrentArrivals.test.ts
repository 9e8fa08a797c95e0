import { describe, expect, it, onTestFinished } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Arrivals at the same moment, each in its own transaction (on PostgreSQL from two server
 * processes, each with its own connections): the same message is stored once and every arrival is
 * answered with it; a new customer writing twice at once becomes one customer in one conversation.
 */
const T0 = Date.UTC(2026, 4, 6, 9, 0);

async function twoProcesses(kind: StoreKind): Promise<{ store: Store; stores: Store[] }> {
  const { store } = await openTestStore(kind);
  if (kind === 'sqlite') return { store, stores: [store, store] };
  // (closed with the test's own store: the harness closes that one; this one here)
  const other = await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 });
  onTestFinished(() => other.close());
  return { store, stores: [store, other] };
}

const chat = (body: string, externalId: string, sentAt = T0): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: 'Nadia Okafor', identities: [{ kind: 'chat', value: 'nadia-okafor' }] },
  conversation: {},
  message: { author: 'customer', body, sentAt, externalId },
});

describe.each(STORE_KINDS)('arrivals at the same moment on %s', (kind) => {
  it('store one message when the same message arrives several times at once, and answer each with it', async () => {
    const { store, stores } = await twoProcesses(kind);
    const ingestions = stores.map((s) => createIngestionService(s, createEventBus()));
    const item = chat('My order never came', 'chat-1');
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => ingestions[i % 2]!.ingest(item)));
    expect(await store.messages.count()).toBe(1);
    expect(await store.customers.count()).toBe(1);
    expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
    expect(new Set(results.map((result) => result.conversationId)).size).toBe(1);
    expect(new Set(results.map((result) => result.customerId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it('make one customer of a new customer writing several messages at once', async () => {
    const { store, stores } = await twoProcesses(kind);
    const ingestions = stores.map((s) => createIngestionService(s, createEventBus()));
    const results = await Promise.all([0, 1, 2, 3].map((i) => ingestions[i % 2]!.ingest({ ...chat(`Message ${i}`, `chat-${i}`, T0 + i), conversation: { externalRef: 'chat-session-9' } })));
    expect(await store.messages.count()).toBe(4);
    expect(await store.customers.count()).toBe(1);
    expect(new Set(results.map((result) => result.customerId)).size).toBe(1);
    expect(new Set(results.map((result) => result.conversationId)).size).toBe(1);
    expect((await store.conversations.getSummary(results[0]!.conversationId))?.messageCount).toBe(4);
  });
});
