import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { createSnoozeService } from '../../../../electron/services/triage/snoozeService';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * A customer writing to a snoozed conversation wakes it as their message is stored (one
 * transaction, whoever listens), and a snooze being set as they write never covers their message.
 */
const T0 = Date.UTC(2026, 5, 2, 9, 0);
const HOUR = 3_600_000;
const from = (body: string, externalId: string, sentAt: number): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines' }] },
  conversation: { externalRef: 'chat-ines' },
  message: { author: 'customer', body, sentAt, externalId },
});

describe.each(STORE_KINDS)('a customer writing to a snoozed conversation on %s', (kind) => {
  it('wakes it in the transaction that stores the message, with the log and the event, whether or not a snooze service is listening', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const events: string[] = [];
    bus.subscribe((event) => void (event.name === 'conversation.changed' && events.push(event.payload.reason)));
    const ingestion = createIngestionService(store, bus);
    const { conversationId } = await ingestion.ingest(from('Hello?', 'm1', T0), { now: () => T0 });
    expect(await store.snoozes.snooze(conversationId, T0 + 5 * HOUR, T0 + 1)).toBe(true);

    await ingestion.ingest(from('Anyone there?', 'm2', T0 + HOUR), { now: () => T0 + HOUR });
    // no listener ran: the message's own transaction woke it
    expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: false, until: null });
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'snooze.ended');
    expect(log).toEqual([expect.objectContaining({ at: T0 + HOUR, payload: { reason: 'customer', until: T0 + 5 * HOUR } })]);
    expect(events).toEqual(['snooze-ended']);
  });
});

describe('a snooze set as the customer writes, on PostgreSQL (two server processes)', () => {
  it('is refused when the customer’s message is stored between the snooze reading the conversation and writing it', async () => {
    const { store } = await openTestStore('postgres');
    const other: Store = await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 });
    try {
      const arriving = createIngestionService(other, createEventBus());
      const { conversationId } = await arriving.ingest(from('Hello?', 'm1', T0), { now: () => T0 });
      // the snooze reads the conversation; the customer's message is stored (elsewhere) before it writes
      let wrote: Promise<unknown> | null = null;
      const racing: Store = {
        ...store,
        snoozes: {
          ...store.snoozes,
          snooze: async (...args: Parameters<Store['snoozes']['snooze']>) => {
            wrote ??= arriving.ingest(from('Actually, one more thing', 'm2', T0 + 2), { now: () => T0 + 2 });
            await wrote;
            return store.snoozes.snooze(...args);
          },
        },
      };
      const snoozes = createSnoozeService({ store: racing, bus: createEventBus(), now: () => T0 + 1, scheduler: manualScheduler() });
      await expect(snoozes.snooze({ conversationId, until: T0 + 5 * HOUR, user: null })).rejects.toMatchObject({ kind: 'conflict' });
      expect(await store.snoozes.state(conversationId)).toMatchObject({ snoozed: false });
      snoozes.close();
    } finally {
      await other.close();
    }
  });
});
