import { randomUUID } from 'node:crypto';
import { CALL_OUTCOMES, type CallEnded } from '../../../shared/contract/callOutcomes';
import type { CallDisposition, ConversationStatus, Customer, Message, User } from '../../../shared/contract/domain';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { Refusal } from '../common/refusal';
import { systemTimeZone } from '../common/wallClock';
import { followUpFromWrapUp } from '../followups';

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
  async function activeCallStart(conversationId: number): Promise<number | null> {
    return activeCallStartIn(await store.messages.listForConversation(conversationId));
  }

  async function add(
    conversationId: number,
    user: User | null,
    message: Partial<IngestMessage['message']> & Pick<IngestMessage['message'], 'author' | 'body'>,
    status?: ConversationStatus,
    /** The conversation's customer, when it was read already (ingestion's holdForPost). */
    known: Customer | null = null,
  ): Promise<Message> {
    const conversation = (await store.conversations.getSummary(conversationId))!;
    const customer = known?.id === conversation.customer.id ? known : (await store.customers.getById(conversation.customer.id))!;
    const result = await ingestion.ingest({
      channel: conversation.channel,
      customer: { displayName: customer.displayName, identities: customer.identities },
      conversation: { id: conversationId, ...(status ? { status } : {}) },
      message: { sentAt: now(), externalId: `console-${randomUUID()}`, ...(user ? { authorName: user.name, authorEmail: user.email } : {}), ...message },
    });
    return { ...(await store.messages.getById(result.messageId))!, reading: null };
  }

  async function log(conversationId: number, user: User | null, kind: 'call.started' | 'call.ended' | 'status.changed', payload: Record<string, unknown>) {
    await store.sessionEvents.append({ at: now(), kind, conversationId, messageId: null, userId: user?.id ?? null, payload });
  }

  /**
   * Runs `work` in one transaction holding the conversation (keys before the row, as every writer:
   * ingestion's holdForPost), so that what it checks of the call in progress is still so as it writes.
   * `work` is given the customer holdForPost read (null when it read none), for its messages.
   */
  function holding<T>(conversationId: number, work: (customer: Customer | null) => Promise<T>): Promise<T> {
    return store.transaction(async () => {
      const customer = await ingestion.holdForPost(conversationId);
      await store.conversations.holdForWrite(conversationId);
      return work(customer);
    });
  }

  return {
    /** Starts a call; of two starts at once one is refused (a call is in progress). */
    async start(conversationId: number, user: User | null): Promise<Message> {
      return holding(conversationId, async (customer) => {
        if ((await activeCallStart(conversationId)) !== null) throw new Refusal('conflict', 'A call is already in progress in this conversation.');
        const at = now();
        const message = await add(conversationId, user, { author: 'system', body: 'Call started', meta: { callStartedAt: at } }, undefined, customer);
        await log(conversationId, user, 'call.started', { at });
        return message;
      });
    },
    async note(conversationId: number, text: string, user: User | null): Promise<Message> {
      return holding(conversationId, async (customer) => {
        const started = await activeCallStart(conversationId);
        if (started === null) throw new Refusal('conflict', 'There is no call in progress to take notes on.');
        const offset = (now() - started) / 1000;
        return add(conversationId, user, { author: 'note', body: `[${clock(offset)}] ${text}`, meta: { callOffsetSec: Math.round(offset) } }, undefined, customer);
      });
    },
    /**
     * Ends the call: the conversation takes the status its disposition implies (CALL_OUTCOMES), and
     * a disposition that promises a follow-up offers one, due when the wrap-up says ("Call Finn back
     * on Tuesday at 2pm", read in the agent's time zone) or at the disposition's default time.
     * The offer is only offered: the agent confirms or changes it (followUps.create).
     */
    async end(conversationId: number, disposition: CallDisposition, summary: string, user: User | null, timeZone: string = systemTimeZone()): Promise<CallEnded> {
      return holding(conversationId, (customer) => endCall(conversationId, disposition, summary, user, timeZone, customer));
    },
  };

  /** Ends the call in progress (inside `holding`). */
  async function endCall(conversationId: number, disposition: CallDisposition, summary: string, user: User | null, timeZone: string, customer: Customer | null): Promise<CallEnded> {
    const started = await activeCallStart(conversationId);
    if (started === null) throw new Refusal('conflict', 'There is no call in progress to end.');
    const outcome = CALL_OUTCOMES[disposition];
    const before = (await store.conversations.getSummary(conversationId))!;
    const ended = now();
    const seconds = Math.round((ended - started) / 1000);
    const message = await add(
      conversationId,
      user,
      {
        author: 'system',
        body: `Call ended (${Math.floor(seconds / 60)}m ${seconds % 60}s) · ${outcome.logged}`,
        meta: { callStartedAt: started, callEndedAt: ended, disposition },
      },
      outcome.status,
      customer,
    );
    const wrapUp = summary.trim();
    const note = wrapUp ? await add(conversationId, user, { author: 'note', body: `Wrap-up: ${wrapUp}` }, undefined, customer) : null;
    const found = outcome.followUp ? followUpFromWrapUp(wrapUp, ended, outcome.followUp, timeZone) : null;
    await log(conversationId, user, 'call.ended', { at: ended, seconds, disposition, status: outcome.status, followUpOffered: found ? { description: found.description, dueAt: found.dueAt, timeSaid: found.timeSaid } : null });
    if (before.status !== outcome.status) await log(conversationId, user, 'status.changed', { from: before.status, to: outcome.status });
    const followUp = found ? { ...found, customerId: before.customer.id, conversationId, messageId: (note ?? message).id } : null;
    return { message, status: (await store.conversations.getSummary(conversationId))!.status, followUp };
  }
}
