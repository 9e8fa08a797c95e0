import { randomUUID } from 'node:crypto';
import type { ConversationStatus, DraftKind, Message, Priority, User } from '../../../shared/contract/domain';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { nextSnapshot } from './draftSnapshots';
import { Refusal } from '../common/refusal';
import { cleanMessageMeta } from '../../../shared/contract/messageMeta';

/** Where the console's own e-mail Message-IDs live. */
const MESSAGE_ID_DOMAIN = 'kinship.local';

/**
 * What an agent does to a conversation in the console — reply, write a note, change its status,
 * keep a draft — each saved at once and logged for replays. Replies enter through the same
 * ingestion service as everything else, so they are indexed, read and announced the same way.
 */
export function createConversationActions(store: Store, ingestion: IngestionService, now: () => number = Date.now) {
  /** E-mail replies carry the headers that thread them in the customer's mail client. */
  function emailHeaders(conversationId: number, subject: string | null) {
    // stored details are read through the contract's check: a workspace written before it may hold anything
    const previous = store.messages
      .listForConversation(conversationId)
      .map((message) => cleanMessageMeta('email', message.meta).meta)
      .filter((meta) => typeof meta.messageId === 'string');
    const last = previous[previous.length - 1];
    const references = last ? [...(last.references ?? []), String(last.messageId)].slice(-20) : [];
    return {
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
      ...(last ? { inReplyTo: String(last.messageId), references } : {}),
      subject: subject ? (/^re:/i.test(subject) ? subject : `Re: ${subject}`) : 'Re: your message',
    };
  }

  return {
    /**
     * Stores a reply or a note the agent wrote and clears that kind's draft (the other kind's draft
     * stays), in one write. The send workflow (sendWorkflow.ts) is the one caller: it checks first.
     */
    post(input: { conversationId: number; kind: DraftKind; body: string; user: User | null }): Message {
      const conversation = store.conversations.getSummary(input.conversationId);
      if (!conversation) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const customer = store.customers.getById(conversation.customer.id)!;
      const at = now();
      const item: IngestMessage = {
        channel: conversation.channel,
        customer: { displayName: customer.displayName, identities: customer.identities },
        conversation: { id: conversation.id },
        message: {
          author: input.kind === 'note' ? 'note' : 'agent',
          body: input.body,
          sentAt: at,
          externalId: `console-${randomUUID()}`,
          ...(input.user ? { authorName: input.user.name, authorEmail: input.user.email } : { authorName: 'Agent' }),
          ...(conversation.channel === 'email' && input.kind === 'reply' ? { meta: emailHeaders(conversation.id, conversation.subject) } : {}),
        },
      };
      // the reply and the clearing of its draft are one write: a failure between them leaves neither
      // (the draft goes first, so the message is announced only once nothing else can fail)
      return store.transaction(() => {
        store.drafts.discard(conversation.id, input.user?.id ?? null, input.kind);
        const result = ingestion.ingest(item);
        const stored = store.messages.getById(result.messageId)!;
        return { ...stored, reading: null };
      });
    },

    setStatus(input: { conversationId: number; status: ConversationStatus; user: User | null }) {
      const before = store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      store.transaction(() => {
        store.conversations.setStatus(input.conversationId, input.status, at);
        store.sessionEvents.append({
          at,
          kind: 'status.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          payload: { from: before.status, to: input.status },
        });
      });
      return store.conversations.getSummary(input.conversationId)!;
    },

    setPriority(input: { conversationId: number; priority: Priority; user: User | null }) {
      const before = store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      store.transaction(() => {
        store.conversations.setPriority(input.conversationId, input.priority, at);
        store.sessionEvents.append({
          at,
          kind: 'priority.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          payload: { from: before.priority, to: input.priority },
        });
      });
      return store.conversations.getSummary(input.conversationId)!;
    },

    assign(input: { conversationId: number; assigneeId: number | null; user: User | null }) {
      const before = store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      store.transaction(() => {
        store.conversations.setAssignee(input.conversationId, input.assigneeId, at);
        store.sessionEvents.append({
          at,
          kind: 'assignment.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          payload: { from: before.assignee?.id ?? null, to: input.assigneeId },
        });
      });
      return store.conversations.getSummary(input.conversationId)!;
    },

    /** Saves the reply or the note draft (an empty one is removed) and logs a snapshot for replays. */
    saveDraft(input: { conversationId: number; kind: DraftKind; body: string; user: User | null }): { savedAt: number } {
      if (!store.conversations.getSummary(input.conversationId)) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      const userId = input.user?.id ?? null;
      store.transaction(() => {
        // the log keeps what changed since the last snapshot, not the whole draft again (see draftSnapshots)
        const { payload, edits, editChars } = nextSnapshot(input.kind, input.body, store.drafts.lastSnapshot(input.conversationId, userId, input.kind));
        const eventId = store.sessionEvents.append({
          at,
          kind: 'draft.snapshot',
          conversationId: input.conversationId,
          messageId: null,
          userId,
          payload: { ...payload },
        });
        store.drafts.save(input.conversationId, userId, input.kind, input.body, at, { eventId, edits, editChars });
      });
      return { savedAt: at };
    },
  };
}

export type ConversationActions = ReturnType<typeof createConversationActions>;
