import { describe, expect, it } from 'vitest';
import type { KinshipEvent } from '../../../../shared/contract/events';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore } from '../../../helpers/bothStores';

/**
 * A transaction PostgreSQL ends as the loser of a deadlock (40P01) is run again, whole, and what
 * it announced on the failed try is dropped: each write's event is heard once.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const chat = (who: string): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: who, identities: [{ kind: 'chat', value: who }] },
  conversation: { externalRef: `chat-${who}` },
  message: { author: 'customer', body: 'Hello?', sentAt: T0, externalId: `m-${who}` },
});

function signal(): { promise: Promise<void>; give: () => void } {
  let give!: () => void;
  const promise = new Promise<void>((resolve) => (give = resolve));
  return { promise, give };
}

describe('a transaction that loses a deadlock, on PostgreSQL', () => {
  it('is run again and completes; its failed try’s events are dropped, so each is heard once', async () => {
    const { store } = await openTestStore('postgres');
    const ingestion = createIngestionService(store, createEventBus());
    const a = (await ingestion.ingest(chat('ana'))).conversationId;
    const b = (await ingestion.ingest(chat('ben'))).conversationId;
    const bus = createEventBus();
    const heard: KinshipEvent[] = [];
    bus.subscribe((event) => void heard.push(event));

    // two writers holding one conversation each, each then wanting the other's: a real deadlock
    let tries = 0;
    const holds = { [a]: signal(), [b]: signal() };
    const crosswise = (first: number, second: number) =>
      store.transaction(async () => {
        tries++;
        bus.emit('conversation.changed', { conversationId: first, reason: 'assigned' });
        await store.conversations.holdForWrite(first);
        holds[first]!.give();
        await holds[second]!.promise;
        await store.conversations.holdForWrite(second);
      });
    await Promise.all([crosswise(a, b), crosswise(b, a)]);

    expect(tries).toBe(3);
    expect(heard.map((event) => event.name === 'conversation.changed' && event.payload.conversationId).sort()).toEqual([a, b].sort());
  });
});
