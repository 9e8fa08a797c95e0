import type { Channel, ConversationStatus, MessageAuthor, Mood, SearchHit } from '../../../shared/contract/domain';

/**
 * How many of the newest matching messages are ranked. A rare term has fewer and is ranked in full;
 * a word in every other message ("order") would otherwise make the index score hundreds of
 * thousands of rows before it could take the best. Message ids grow as messages are stored, so
 * "newest" is "most recently stored".
 */
export const RANKED_MATCHES = 2_000;
/** How many of the newest matching messages a filtered search looks through for those in the filter. */
export const FILTER_SCAN = 20_000;

/** What the queue is filtered by while searching: search looks only where the queue does. */
export interface SearchFilter {
  channel?: Channel | undefined;
  /** 'active': open or pending. */
  status?: ConversationStatus | 'active' | undefined;
  /** A user's id, or 'unassigned'. */
  assignee?: number | 'unassigned' | undefined;
  mood?: Mood | undefined;
  /** Carries this tag. */
  tagId?: number | undefined;
  /** Assigned to this team. */
  teamId?: number | undefined;
  /** Assigned to a team this person (a user's id) is on. */
  teamsOf?: number | undefined;
}

/** One matching message, as the message index finds it. */
export interface MessageHit {
  messageId: number;
  conversationId: number;
  channel: Channel;
  customerName: string;
  author: MessageAuthor;
  sentAt: number;
  snippet: string;
}

/**
 * Search, the same contract on every store (FTS5 on SQLite, tsvector + GIN on PostgreSQL): every
 * word must appear, in any of its forms ("refunds" finds "refunded"), in any order; the last word
 * may be the start of a word; text in double quotes is a phrase; emoji are found as emoji; a phone
 * number is found by its ending however it was written. Nothing typed is ever a syntax error.
 * Snippets mark each match. Only the newest RANKED_MATCHES matching messages are looked at: when
 * those are all of them, the best-matching comes first; when there are more, the newest first.
 */
export interface SearchIndex {
  /**
   * Conversations holding what was typed — in their subject, their customer's name, e-mail
   * addresses or phone numbers, or their messages — within the filter, each once: those found by
   * their own fields first (newest first), then by their best-matching message.
   */
  find(typed: string, filter: SearchFilter, limit: number): Promise<SearchHit[]>;
  /** Messages containing what was typed, best match first, each with a marked snippet. */
  messages(typed: string, limit: number, filter?: SearchFilter): Promise<MessageHit[]>;
}
