/**
 * What a demo conversation is before it becomes messages: who, when, which queue and status, and a
 * channel-specific script that the email, chat and call writers turn into IngestMessages.
 */
import type { ConversationStatus } from '../../../shared/contract/domain';
import type { Agent } from './brand';
import type { DemoCustomer } from './people';

export type Queue = 'orders' | 'returns' | 'billing' | 'general';
export type Speaker = 'customer' | 'agent' | 'note';

export interface EmailTurn {
  speaker: Speaker;
  /** The words of this email, without greeting, sign-off, signature or quoted text. */
  body: string;
  /** Minutes after the previous message (ignored for the first). */
  gapMinutes: number;
  /** Overrides the usual greeting; null for none. */
  greeting?: string | null;
  /** Overrides the usual sign-off; null for none. */
  signOff?: string | null;
  attachments?: readonly string[];
}

export interface EmailScript {
  kind: 'email';
  subject: string;
  turns: readonly EmailTurn[];
}

export interface ChatTurn {
  speaker: Speaker;
  /** One message per line, sent a few seconds apart. */
  lines: readonly string[];
  /** Seconds after the previous message; the writer picks a natural pause when absent. */
  gapSeconds?: number;
  /** Leave the customer's lines exactly as written (no case changes or typos). */
  verbatim?: boolean;
}

export interface ChatScript {
  kind: 'chat';
  topic: string;
  turns: readonly ChatTurn[];
}

export interface CallNote {
  /** Seconds into the call the note is about. */
  offsetSec: number;
  text: string;
}

export interface CallScript {
  kind: 'voice';
  topic: string;
  durationSec: number;
  /** Notes the agent typed during the call, in order. */
  notes: readonly CallNote[];
  /** Written after the call ends ("Wrap-up: ..."). */
  wrapUp?: string;
}

export type Script = EmailScript | ChatScript | CallScript;

export interface ConversationPlan {
  start: number;
  customer: DemoCustomer;
  /** The agent who writes the replies and notes. */
  agent: Agent;
  /** Whether the conversation is assigned to that agent (unassigned ones wait in the queue). */
  assigned: boolean;
  queue: Queue;
  /** The conversation's status after its last message. */
  status: ConversationStatus;
  script: Script;
}
