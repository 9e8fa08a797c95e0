import type { EkmanEmotion } from '../../../shared/contract/analysis';
import type { Channel, ConversationStatus, FollowUp, MessageAuthor } from '../../../shared/contract/domain';

/**
 * Everything the connection index is computed from: one customer's conversations (with each
 * message's reading, if any) and follow-ups. Gathered by the store; the formula never reads the DB.
 */

export interface HistoryMessage {
  id: number;
  author: MessageAuthor;
  body: string;
  sentAt: number;
  /** The analyzer's sentiment (−1…+1); null until read (and for notes and system lines). */
  sentiment: number | null;
  dominant: { emotion: EkmanEmotion; score: number } | null;
}

export interface HistoryConversation {
  id: number;
  channel: Channel;
  /** Where the conversation stands; a resolved one closed its own loose ends (default: open). */
  status?: ConversationStatus;
  subject: string | null;
  createdAt: number;
  /** Oldest first. */
  messages: HistoryMessage[];
}

export interface ConnectionHistory {
  customer: { id: number; displayName: string; firstName: string | null; createdAt: number };
  conversations: HistoryConversation[];
  followUps: FollowUp[];
}
