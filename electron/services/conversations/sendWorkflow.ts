import type { DraftFinding } from '../../../shared/contract/coach';
import type { ConversationSummary, DraftKind, PromiseFound, User } from '../../../shared/contract/domain';
import { HELD_SHOWN, type ArrivedMessage, type CollisionOverride, type DraftCheckDecisionInput, type SendResult, type SettledPrompt, type StatusAfterSend } from '../../../shared/contract/send';
import { messagePreview } from '../store/messagePreview';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { Refusal } from '../common/refusal';
import { createConversationActions } from './conversationActions';

/** What sending needs of the coach (handed over by the composition root). */
export interface SendCoach {
  /** The draft check's findings for a reply by `author`; null when the conversation cannot be read for it. */
  checkDraft(conversationId: number, text: string, author: User | null, conversation?: ConversationSummary): Promise<DraftFinding[] | null>;
  /** Settles the prompts waiting for a reply by what the reply that went holds of them, recorded against its sender. */
  settle(conversationId: number, replyId: number, replyBody: string, user: User | null): Promise<SettledPrompt[]>;
}

export interface SendWorkflowOptions {
  store: Store;
  ingestion: IngestionService;
  coach: SendCoach;
  /** The promises in a reply, offered as follow-ups (the follow-ups feature reads them). */
  findPromises: (body: string, sentAt: number) => PromiseFound[];
  now?: () => number;
}

export interface SendRequest {
  conversationId: number;
  kind: DraftKind;
  body: string;
  draftCheck?: DraftCheckDecisionInput | undefined;
  thenStatus?: StatusAfterSend | undefined;
  /** The newest message the author had seen (null: none); undefined: not compared. */
  seenMessageId?: number | null | undefined;
  collisionOverride?: CollisionOverride | undefined;
  user: User | null;
}

/** How many of the messages a reply was sent anyway over are named in the log beside it (the newest; the rest are counted). */
const OVERRIDDEN_NAMED = 500;

type Arrived = { id: number; author: 'customer' | 'agent' | 'note'; authorName: string | null; body: string; sentAt: number };

/** Lower-case, single spaces: whether a better sentence offered is in the text that went. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The composer's send, on the Node side: a reply is read by the draft check first (and comes back
 * with its findings, nothing sent, unless the agent has decided to send anyway); then the reply or
 * note is stored and that kind's draft cleared, the agent's decision at the check logged beside it,
 * the coach's prompts settled by what reached the customer, a status set if asked, and the promises
 * in a reply found for the agent to keep. All of it is one write: a failure leaves none of it.
 */
export function createSendWorkflow({ store, ingestion, coach, findPromises, now = Date.now }: SendWorkflowOptions) {
  const actions = createConversationActions(store, ingestion, now);

  /**
   * The check's findings, or none when the check cannot run: a check that fails must not stop a
   * reply. It may run inside the caller's transaction (a resendable call's): its reads run under a
   * savepoint (store.attempt), so a statement of it that fails undoes only itself — on PostgreSQL it
   * would otherwise abort the whole transaction, and the reply with it.
   */
  async function check(conversation: ConversationSummary, body: string, author: User | null): Promise<DraftFinding[]> {
    try {
      return (await store.attempt(() => coach.checkDraft(conversation.id, body, author, conversation))) ?? [];
    } catch (error) {
      console.error('Kinship: the draft check failed; the reply goes unchecked:', error);
      return [];
    }
  }

  /** A message the author names as seen (or as the last one sent anyway over) must be one of this conversation's. */
  async function mustBeOfConversation(conversationId: number, messageId: number | null | undefined, what: string): Promise<void> {
    if (messageId === null || messageId === undefined) return;
    if ((await store.messages.getById(messageId))?.conversationId !== conversationId) throw new Refusal('invalid-input', `${what} ${messageId} is not a message of conversation ${conversationId}.`);
  }

  /**
   * Whether a reply collides with what others wrote after the author's newest seen message (the
   * customer, colleagues' replies and notes): null to send without a word; otherwise whether it is
   * held, how many arrived since the author's newest seen message and the newest of them (oldest
   * first). Messages up to the override's are the author's to send over; anything newer holds the
   * reply again. Whether it is held is asked of every message since, however many there are.
   */
  async function collision(request: SendRequest): Promise<{ held: boolean; count: number; arrived: Arrived[] } | null> {
    if (request.kind !== 'reply' || request.seenMessageId === undefined) return null;
    const { conversationId } = request;
    const seen = request.seenMessageId ?? 0;
    const userId = request.user?.id ?? null;
    const coveredUpTo = Math.max(seen, request.collisionOverride?.upToMessageId ?? 0);
    const held = await store.messages.anyWrittenAfter(conversationId, coveredUpTo, userId);
    // nothing since the newest seen message (and no override that could have covered something)
    if (!held && coveredUpTo === seen) return null;
    const { count, newest } = await store.messages.writtenAfter(conversationId, seen, userId, held ? HELD_SHOWN : OVERRIDDEN_NAMED);
    if (count === 0) return null;
    return { held, count, arrived: newest.filter((message): message is Arrived => message.author !== 'system') };
  }

  function heldAnswer({ count, arrived }: NonNullable<Awaited<ReturnType<typeof collision>>>): SendResult {
    const shown: ArrivedMessage[] = arrived.map((message) => ({ messageId: message.id, author: message.author, authorName: message.authorName, sentAt: message.sentAt, preview: messagePreview(message.body) }));
    return { outcome: 'held', arrived: shown, more: Math.max(0, count - shown.length) };
  }

  return {
    async send(request: SendRequest): Promise<SendResult> {
      const { conversationId, kind, body, draftCheck, thenStatus, user } = request;
      const before = await store.conversations.getSummary(conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${conversationId}.`);
      const userId = user?.id ?? null;
      await mustBeOfConversation(conversationId, request.seenMessageId, 'The message last seen,');
      await mustBeOfConversation(conversationId, request.collisionOverride?.upToMessageId, 'The message sent anyway over,');

      // a reply written without having seen what the customer or a colleague wrote since is held
      // first: the draft check's advice may not matter once the author has read it
      const early = await collision(request);
      if (early?.held) return heldAnswer(early);

      // a reply is checked unless the agent has seen the check and chosen to send anyway
      const findings = kind === 'reply' ? await check(before, body, user) : [];
      if (findings.length > 0 && draftCheck?.decision !== 'send-anyway') {
        await store.sessionEvents.append({
          at: now(),
          kind: 'draft.checked',
          conversationId,
          messageId: null,
          userId,
          payload: { checks: findings.map((finding) => finding.check), after: draftCheck?.decision ?? null },
        });
        return { outcome: 'check', findings };
      }

      return await store.transaction(async (): Promise<SendResult> => {
        // compared again with the thread as the reply is stored: nothing can arrive in between (the
        // conversation is held for this write: a message for it waits until the reply is stored).
        // Keys before rows, as every writer (ingestionService's arrivalKeys): the reply's keys, then
        // the conversation's row; the other way round it deadlocks with the customer's next message
        const customer = await ingestion.holdForPost(conversationId, before.customer.id);
        // and the draft being sent, as its saves hold it: an autosave of it still under way finishes
        // before the send empties it, and one that comes after finds it sent (saveDraft's afterSent).
        // A key after keys: no writer takes an arrival's keys while holding a draft's
        await store.drafts.hold(conversationId, userId, kind);
        await store.conversations.holdForWrite(conversationId);
        const crossing = await collision(request);
        if (crossing?.held) return heldAnswer(crossing);
        const message = await actions.post({ conversationId, kind, body, user, customer });
        if (crossing) {
          // sent anyway over what had arrived: who overrode what, beside the reply
          await store.sessionEvents.append({
            at: message.sentAt,
            kind: 'collision.overridden',
            conversationId,
            messageId: message.id,
            userId,
            payload: {
              seenMessageId: request.seenMessageId ?? null,
              over: crossing.arrived.map((arrived) => ({ messageId: arrived.id, author: arrived.author, authorName: arrived.authorName, sentAt: arrived.sentAt })),
              // how many earlier ones it went over besides those named
              more: Math.max(0, crossing.count - crossing.arrived.length),
            },
          });
        }
        if (draftCheck) {
          const sent = plain(body);
          await store.sessionEvents.append({
            at: message.sentAt,
            kind: 'draft.decision',
            conversationId,
            messageId: message.id,
            userId,
            payload: {
              decision: draftCheck.decision,
              sentAs: kind,
              // each finding shown, and whether the better sentence offered for it reached the customer
              shown: draftCheck.shown.map((finding) => ({ check: finding.check, used: finding.better !== null && sent.includes(plain(finding.better)) })),
              stillFlagged: findings.map((finding) => finding.check),
            },
          });
        }
        const prompts = kind === 'reply' ? await coach.settle(conversationId, message.id, message.body, user) : [];
        if (thenStatus && thenStatus !== (await store.conversations.getSummary(conversationId))!.status) {
          await actions.setStatus({ conversationId, status: thenStatus, user });
        }
        const promises = kind === 'reply' ? findPromises(message.body, message.sentAt) : [];
        return { outcome: 'sent', message, conversation: (await store.conversations.getSummary(conversationId, userId))!, promises, prompts } satisfies SendResult;
      });
    },
  };
}

export type SendWorkflow = ReturnType<typeof createSendWorkflow>;
