import { randomUUID } from 'node:crypto';
import type { CallDisposition, Message, User } from '../../../shared/contract/domain';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { Refusal } from '../common/refusal';

const DISPOSITION_LABEL: Record<CallDisposition, string> = {
  resolved: 'resolved on the call',
  'follow-up': 'follow-up needed',
  escalated: 'escalated',
  'call-back': 'customer to be called back',
  'no-answer': 'no answer',
};

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The start of the call in progress among these messages (oldest first), or null. */
export function activeCallStartIn(messages: readonly Pick<Message, 'author' | 'meta'>[]): number | null {
  const system = messages.filter((message) => message.author === 'system');
  const last = system[system.length - 1];
  return last && typeof last.meta.callStartedAt === 'number' && last.meta.callEndedAt === undefined ? last.meta.callStartedAt : null;
}

/**
 * A phone call in the console: started and ended with the time on the record, notes typed during
 * it stamped with how far into the call they were written, and a disposition and wrap-up at the end.
 * Everything goes through the ingestion service like any message, and into the session log.
 */
export function createCallActions(store: Store, ingestion: IngestionService, now: () => number = Date.now) {
  function activeCallStart(conversationId: number): number | null {
    return activeCallStartIn(store.messages.listForConversation(conversationId));
  }

  function add(conversationId: number, user: User | null, message: Partial<IngestMessage['message']> & Pick<IngestMessage['message'], 'author' | 'body'>): Message {
    const conversation = store.conversations.getSummary(conversationId)!;
    const customer = store.customers.getById(conversation.customer.id)!;
    const result = ingestion.ingest({
      channel: conversation.channel,
      customer: { displayName: customer.displayName, identities: customer.identities },
      conversation: { id: conversationId, ...(message.author === 'system' && message.meta?.disposition === 'resolved' ? { status: 'resolved' as const } : {}) },
      message: { sentAt: now(), externalId: `console-${randomUUID()}`, ...(user ? { authorName: user.name, authorEmail: user.email } : {}), ...message },
    });
    return { ...store.messages.getById(result.messageId)!, reading: null };
  }

  function log(conversationId: number, user: User | null, kind: 'call.started' | 'call.ended', payload: Record<string, unknown>) {
    store.sessionEvents.append({ at: now(), kind, conversationId, messageId: null, userId: user?.id ?? null, payload });
  }

  return {
    start(conversationId: number, user: User | null): Message {
      if (activeCallStart(conversationId) !== null) throw new Refusal('conflict', 'A call is already in progress in this conversation.');
      const at = now();
      const message = add(conversationId, user, { author: 'system', body: 'Call started', meta: { callStartedAt: at } });
      log(conversationId, user, 'call.started', { at });
      return message;
    },
    note(conversationId: number, text: string, user: User | null): Message {
      const started = activeCallStart(conversationId);
      if (started === null) throw new Refusal('conflict', 'There is no call in progress to take notes on.');
      const offset = (now() - started) / 1000;
      return add(conversationId, user, { author: 'note', body: `[${clock(offset)}] ${text}`, meta: { callOffsetSec: Math.round(offset) } });
    },
    end(conversationId: number, disposition: CallDisposition, summary: string, user: User | null): Message {
      const started = activeCallStart(conversationId);
      if (started === null) throw new Refusal('conflict', 'There is no call in progress to end.');
      const ended = now();
      const seconds = Math.round((ended - started) / 1000);
      const message = add(conversationId, user, {
        author: 'system',
        body: `Call ended (${Math.floor(seconds / 60)}m ${seconds % 60}s) · ${DISPOSITION_LABEL[disposition]}`,
        meta: { callStartedAt: started, callEndedAt: ended, disposition },
      });
      if (summary.trim()) add(conversationId, user, { author: 'note', body: `Wrap-up: ${summary.trim()}` });
      log(conversationId, user, 'call.ended', { at: ended, seconds, disposition });
      return message;
    },
  };
}
