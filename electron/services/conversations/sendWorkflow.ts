import type { DraftFinding } from '../../../shared/contract/coach';
import type { DraftKind, PromiseFound, User } from '../../../shared/contract/domain';
import type { DraftCheckDecisionInput, SendResult, SettledPrompt, StatusAfterSend } from '../../../shared/contract/send';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { Refusal } from '../common/refusal';
import { createConversationActions } from './conversationActions';

/** What sending needs of the coach (handed over by the composition root). */
export interface SendCoach {
  /** The draft check's findings for a reply by `author`; null when the conversation cannot be read for it. */
  checkDraft(conversationId: number, text: string, author: User | null): DraftFinding[] | null;
  /** Settles the prompts waiting for a reply by what the reply that went holds of them, recorded against its sender. */
  settle(conversationId: number, replyId: number, replyBody: string, user: User | null): SettledPrompt[];
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
  user: User | null;
}

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

  /** The check's findings, or none when the check cannot run: a check that fails must not stop a reply. */
  function check(conversationId: number, body: string, author: User | null): DraftFinding[] {
    try {
      return coach.checkDraft(conversationId, body, author) ?? [];
    } catch (error) {
      console.error('Kinship: the draft check failed; the reply goes unchecked:', error);
      return [];
    }
  }

  return {
    send(request: SendRequest): SendResult {
      const { conversationId, kind, body, draftCheck, thenStatus, user } = request;
      const before = store.conversations.getSummary(conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${conversationId}.`);
      const userId = user?.id ?? null;

      // a reply is checked unless the agent has seen the check and chosen to send anyway
      const findings = kind === 'reply' ? check(conversationId, body, user) : [];
      if (findings.length > 0 && draftCheck?.decision !== 'send-anyway') {
        store.sessionEvents.append({
          at: now(),
          kind: 'draft.checked',
          conversationId,
          messageId: null,
          userId,
          payload: { checks: findings.map((finding) => finding.check), after: draftCheck?.decision ?? null },
        });
        return { outcome: 'check', findings };
      }

      return store.transaction(() => {
        const message = actions.post({ conversationId, kind, body, user });
        if (draftCheck) {
          const sent = plain(body);
          store.sessionEvents.append({
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
        const prompts = kind === 'reply' ? coach.settle(conversationId, message.id, message.body, user) : [];
        if (thenStatus && thenStatus !== store.conversations.getSummary(conversationId)!.status) {
          actions.setStatus({ conversationId, status: thenStatus, user });
        }
        const promises = kind === 'reply' ? findPromises(message.body, message.sentAt) : [];
        return { outcome: 'sent', message, conversation: store.conversations.getSummary(conversationId, userId)!, promises, prompts } satisfies SendResult;
      });
    },
  };
}

export type SendWorkflow = ReturnType<typeof createSendWorkflow>;
