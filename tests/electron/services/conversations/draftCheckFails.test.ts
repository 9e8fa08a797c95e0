import { describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/domain';
import type { MethodParams } from '../../../../shared/contract/methods';
import type { SendResult } from '../../../../shared/contract/send';
import type { Caller } from '../../../../electron/services/api/caller';
import type { Handlers } from '../../../../electron/services/api/dispatch';
import { withClientIds } from '../../../../electron/services/api/retryableCalls';
import { createSendWorkflow } from '../../../../electron/services/conversations';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * The draft check runs inside the send's transaction when the call can be resent (it carries a
 * clientId). A check whose reading fails — a statement the database refuses — is the check's
 * failure, not the reply's: the reply goes unchecked. On PostgreSQL the refused statement used to
 * abort the whole transaction (25P02), and the send failed with it.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);

describe.each(STORE_KINDS)('a draft check that fails inside a resendable send, on %s', (kind) => {
  it('lets the reply go, unchecked', async () => {
    const { store } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const { conversationId } = await ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines' }] },
      conversation: { externalRef: 'chat-ines' },
      message: { author: 'customer', body: 'Hello?', sentAt: T0, externalId: 'm1' },
    });
    const workflow = createSendWorkflow({
      store,
      ingestion,
      coach: {
        checkDraft: async () => {
          // a read the database refuses (PostgreSQL: integer out of range), then the check gives up
          await store.messages.getById(1e20);
          throw new Error('the draft check could not read the conversation');
        },
        settle: async () => [],
      },
      findPromises: () => [],
      now: () => T0 + 1,
    });
    const handlers = {
      'conversations.send': (params: MethodParams<'conversations.send'>) =>
        workflow.send({ conversationId: params.conversationId, kind: params.kind, body: params.body, user: null }),
    } as unknown as Handlers;
    const send = withClientIds(handlers, () => store, () => T0 + 1)['conversations.send'] as (params: unknown, caller: Caller) => Promise<SendResult>;
    const caller: Caller = { person: { id: 1 } as User, sessionId: null };
    const result = await send({ conversationId, kind: 'reply', body: 'We are on it.', clientId: 'send-0001' }, caller);
    expect(result.outcome).toBe('sent');
    expect((await store.messages.listForConversation(conversationId)).map((message) => message.body)).toEqual(['Hello?', 'We are on it.']);
  });
});
