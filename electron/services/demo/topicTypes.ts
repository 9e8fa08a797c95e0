/**
 * The shape of an everyday support topic (late delivery, refund, ...): the words a customer and an
 * agent use for it on each channel. Text may hold `{slots}` filled per conversation.
 */
import type { Queue } from './conversationPlan';

/** How an everyday conversation goes. */
export type EverydayArc =
  /** upset customer, agent owns it and fixes it, customer ends grateful */
  | 'recovered'
  /** neutral question, clear answer */
  | 'answered'
  /** warm from start to finish */
  | 'positive'
  /** upset customer, agent cannot give what they want, customer stays unhappy */
  | 'unresolved';

export interface TopicCase {
  /** First-person email paragraph(s) describing the problem or question. */
  emailOpen: string;
  /** Agent's email paragraph that solves it. */
  emailFix: string;
  /** Agent's email paragraph when it cannot be solved the way the customer wants. */
  emailDecline?: string;
  /** Short chat lines the customer sends. */
  chatOpen: readonly string[];
  chatFix: readonly string[];
  chatDecline?: readonly string[];
  /** Agent's notes during a call, in the third person. */
  callOpen: readonly string[];
  callFix: readonly string[];
  callDecline?: readonly string[];
}

/** An optional back-and-forth before the answer (agent asks for a photo, postcode, ...). */
export interface TopicAsk {
  email: string;
  emailReply: string;
  chat: string;
  chatReply: readonly string[];
  call: string;
  /** The customer's reply carries photos. */
  photos?: boolean;
}

export interface Topic {
  id: string;
  queue: Queue;
  /** Short label used as the subject of chats and calls. */
  label: string;
  subjects: readonly string[];
  /** What sort of product the conversation is about. */
  product: 'any' | 'flatpack';
  /** How often this topic comes up, relative to the others. */
  weight: number;
  arcs: Readonly<Partial<Record<EverydayArc, number>>>;
  /** Whether customers mention personal circumstances ("it's a present for my mum"). */
  asides: boolean;
  ask?: TopicAsk;
  cases: readonly TopicCase[];
}
