import { z } from 'zod';
import { DRAFT_CHECKS, type CoachPromptView, type DraftFinding } from './coach';
import { DRAFT_KINDS, type ConversationStatus, type ConversationSummary, type Message, type PromiseFound } from './domain';

/**
 * Sending from the composer: one call (`conversations.send`) that checks a reply, sends it or a
 * note, records the agent's decision at the draft check, settles the coach's prompts by what reached
 * the customer, offers the promises in it, clears that kind's draft and sets a status after.
 */

/** The longest message that is sent, in UTF-16 code units of the trimmed text (what the contract counts). */
export const MESSAGE_MAX_CHARS = 100_000;
/** From here on the composer warns that the limit is near. */
export const MESSAGE_WARN_CHARS = 90_000;
/** A draft may run over the sending limit (it is kept while the agent shortens it), up to this. */
export const DRAFT_MAX_CHARS = 2 * MESSAGE_MAX_CHARS;

/** How long a message is, as the contract's limit counts it. */
export function messageLength(body: string): number {
  return body.trim().length;
}

/**
 * What the agent chose when the draft check had something to say:
 * - send-anyway: sent as it was, whatever the check still flags;
 * - use-instead: put in one or more of the better sentences offered, then sent;
 * - revised: kept editing, and sent what they made of it.
 */
export const DRAFT_CHECK_DECISIONS = ['send-anyway', 'use-instead', 'revised'] as const;
export type DraftCheckDecision = (typeof DRAFT_CHECK_DECISIONS)[number];

/**
 * The statuses a conversation may be given as the message goes ("Send and resolve"). Not
 * 'snoozed': a snooze needs its time (conversations.snooze), so it is set after sending.
 */
export const STATUSES_AFTER_SEND = ['pending', 'resolved'] as const satisfies readonly ConversationStatus[];
export type StatusAfterSend = (typeof STATUSES_AFTER_SEND)[number];

export const draftCheckDecisionSchema = z
  .object({
    decision: z.enum(DRAFT_CHECK_DECISIONS),
    /** The findings the agent was shown (their check and the better sentence offered, if any). */
    shown: z
      .array(z.object({ check: z.enum(DRAFT_CHECKS), better: z.string().max(2_000).nullable() }).strict())
      .max(20),
  })
  .strict();
export type DraftCheckDecisionInput = z.infer<typeof draftCheckDecisionSchema>;

/**
 * "Send anyway" after a reply was held: sent over the messages the author was told had arrived, up
 * to and including this one (a message newer still holds the reply again). Recorded in the session log.
 */
export const collisionOverrideSchema = z.object({ upToMessageId: z.number().int().positive() }).strict();
export type CollisionOverride = z.infer<typeof collisionOverrideSchema>;

/** The message-level fields of `conversations.send` (the request id and conversation are added in methods.ts). */
export const sendFields = {
  kind: z.enum(DRAFT_KINDS),
  body: z
    .string()
    .trim()
    .min(1, 'Write something first')
    .max(MESSAGE_MAX_CHARS, `A message longer than ${MESSAGE_MAX_CHARS.toLocaleString('en')} characters is not sent: shorten it`),
  /** Present when the draft check was shown for this text: what the agent did there. A reply without it is checked first. */
  draftCheck: draftCheckDecisionSchema.optional(),
  /** A status to set once the message is stored ("Send and resolve"). */
  thenStatus: z.enum(STATUSES_AFTER_SEND).optional(),
  /**
   * The newest message of the thread the author had seen when they wrote (null: they saw none). A
   * reply is held, nothing stored, if the customer or a colleague has written since (see SendResult
   * 'held'); a note never is. Without it the reply is not compared (callers that show no thread).
   */
  seenMessageId: z.number().int().positive().nullable().optional(),
  /** Present when the author chose "Send anyway" at a hold: see collisionOverrideSchema. */
  collisionOverride: collisionOverrideSchema.optional(),
};

/** A message that arrived after the newest one the author had seen: who wrote it, when, and how it begins. */
export interface ArrivedMessage {
  messageId: number;
  /** The customer, a colleague's reply, or a colleague's internal note. */
  author: 'customer' | 'agent' | 'note';
  authorName: string | null;
  sentAt: number;
  preview: string;
}

/** How many of the messages that arrived a hold names (the rest are counted). */
export const HELD_SHOWN = 3;

/** What became of a coach prompt with the reply that went: used word for word, edited, or not used. */
export interface SettledPrompt {
  promptId: number;
  outcome: NonNullable<CoachPromptView['outcome']>;
  /** Whether the agent had put it into the draft with the Insert button. */
  insertedIntoDraft: boolean;
}

export type SendResult =
  /**
   * Nothing was sent or stored: the customer or a colleague wrote after the newest message the
   * author had seen. The newest HELD_SHOWN of what arrived, oldest first, and how many earlier ones there are besides.
   * Checked before the draft check, and again as the reply is stored.
   */
  | { outcome: 'held'; arrived: ArrivedMessage[]; more: number }
  /** Nothing was sent: the draft check has something to say about this reply first. */
  | { outcome: 'check'; findings: DraftFinding[] }
  | {
      outcome: 'sent';
      message: Message;
      /** The conversation after the send (and the status change, if one was asked). */
      conversation: ConversationSummary;
      /** Promises found in a reply, offered as follow-ups (none for a note). */
      promises: PromiseFound[];
      /** The coach prompts this reply settled. */
      prompts: SettledPrompt[];
    };
