import { describe, expect, it, onTestFinished } from 'vitest';
import type { IngestMessage, IngestResult } from '../../../../shared/contract/ingestion';
import { createSendWorkflow } from '../../../../electron/services/conversations';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore } from '../../../helpers/bothStores';
import { blockedOrDone, type LockWait } from '../../../helpers/lockWaits';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * An agent's reply and the customer's next message at the same moment, on PostgreSQL from two
 * server processes. Every writer takes its keys before the conversation's row: the customer's
 * message waits for the reply's keys (not its row) and both are stored — the other way round the
 * reply held the row, the message the keys, each waited for the other (deadlock, 40P01).
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const from = (body: string, externalId: string, sentAt: number): IngestMessage => ({
  channel: 'chat',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines' }] },
  conversation: { externalRef: 'chat-ines' },
  message: { author: 'customer', body, sentAt, externalId },
});

describe('a reply and the customer’s next message at once, on PostgreSQL (two server processes)', () => {
  it('stores both: the arrival waits for the reply’s keys, not for the row the reply holds', async () => {
    const { store } = await openTestStore('postgres');
    const url = await testPostgresDatabase();
    const other = await openPostgresStore(url, { poolSize: 4 });
    onTestFinished(() => other.close());
    const arriving = createIngestionService(other, createEventBus());
    const { conversationId } = await arriving.ingest(from('Hello?', 'm1', T0), { now: () => T0 });

    // the reply holds the conversation; the customer's next message comes in (elsewhere) right then
    let arrival: Promise<IngestResult> | null = null;
    let waited: LockWait[] | null = null;
    const racing: Store = {
      ...store,
      conversations: {
        ...store.conversations,
        holdForWrite: async (id: number) => {
          await store.conversations.holdForWrite(id);
          if (arrival) return;
          arrival = arriving.ingest(from('One more thing', 'm2', T0 + 2), { now: () => T0 + 2 });
          waited = await blockedOrDone(url, arrival);
        },
      },
    };
    const workflow = createSendWorkflow({
      store: racing,
      ingestion: createIngestionService(racing, createEventBus()),
      coach: { checkDraft: async () => [], settle: async () => [] },
      findPromises: () => [],
      now: () => T0 + 1,
    });
    const sent = await workflow.send({ conversationId, kind: 'reply', body: 'We are on it.', user: null });
    expect(sent.outcome).toBe('sent');
    expect((await arrival!).conversationId).toBe(conversationId);
    // the customer's message was stuck behind a key the reply took first, never behind its row
    expect(waited!.map((wait) => wait.locktype)).toEqual(['advisory']);
    expect((await store.messages.listForConversation(conversationId)).map((message) => message.body)).toEqual(['Hello?', 'We are on it.', 'One more thing']);
  });
});
