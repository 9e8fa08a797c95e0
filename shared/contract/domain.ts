import type { AnalyzerKind, EkmanEmotion, MessageReading, SentimentClass } from './analysis';
import type { ConnectionStage } from './connection';
import type { ResponseClock, Tag } from './triage';
import type { TeamRef } from './teams';

/**
 * The nouns of Kinship, as both sides of the contract see them.
 * Timestamps are milliseconds since the Unix epoch (UTC).
 */

export const CHANNELS = ['chat', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const MESSAGE_AUTHORS = ['customer', 'agent', 'system', 'note'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Who a person is on the team; shared/contract/permissions.ts says what each may call. */
export const ROLES = ['agent', 'supervisor', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const IDENTITY_KINDS = ['email', 'chat', 'phone', 'social'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const PROMPT_OUTCOMES = ['inserted', 'edited', 'dismissed', 'ignored'] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface CustomerIdentity {
  kind: IdentityKind;
  value: string;
}

export interface Customer {
  id: number;
  displayName: string;
  createdAt: number;
  identities: CustomerIdentity[];
}

/** Channel-specific facts carried by a message. */
export interface EmailMeta {
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  from?: string;
  to?: string[];
  subject?: string;
  /** Files that came with the e-mail (listed; their content is not opened in the console). */
  attachments?: MessageAttachment[];
}

/** A file that came with a message: its name always; its size in bytes and type when the sender's mail said them. */
export interface MessageAttachment {
  name: string;
  size?: number;
  contentType?: string;
}

export interface VoiceMeta {
  /** Seconds from the start of the call this note refers to. */
  callOffsetSec?: number;
  callStartedAt?: number;
  callEndedAt?: number;
  /** How the call ended (on the "Call ended" line). */
  disposition?: string;
}

export type MessageMeta = EmailMeta & VoiceMeta & Record<string, unknown>;

export interface Message {
  id: number;
  conversationId: number;
  author: MessageAuthor;
  authorName: string | null;
  /** The text: what is shown by default, searched and read by the analyzer. */
  body: string;
  /** The HTML an e-mail came in; hostile until sanitised, shown only in a sandbox. */
  html: string | null;
  sentAt: number;
  meta: MessageMeta;
  /** How the analyzer read it; null until it has (or for notes and system lines, which are not read). */
  reading: MessageReading | null;
}

export interface ConversationSummary {
  id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  queue: string;
  assignee: { id: number; name: string } | null;
  /** The team it is assigned to (with or without a person of it), or null. */
  team: TeamRef | null;
  customer: { id: number; displayName: string };
  lastMessage: { author: MessageAuthor; preview: string; sentAt: number } | null;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
  priority: Priority;
  /** Open work the current user has not opened since the customer last wrote. */
  unread: boolean;
  /** The current user has an unsent draft here (a reply or a note). */
  hasDraft: boolean;
  /** Since when the customer has been waiting for an answer (their first unanswered message); null when answered. */
  waitingSince: number | null;
  /** How the customer's last message read; null until it has been read. */
  mood: { sentiment: number; emotion: EkmanEmotion | null; analyzer: AnalyzerKind } | null;
  /** When the customer's earliest open follow-up is due (overdue when past); null when none is open. */
  followUpDueAt: number | null;
  /** The customer's emotional-connection index as last computed; null until it has been. */
  connection: { score: number; stage: ConnectionStage } | null;
  /** Its tags, by name. */
  tags: Tag[];
  /** When a snoozed conversation comes back by itself; null when it is not snoozed (or was snoozed with no time). */
  snoozedUntil: number | null;
  /** Where it stands against its channel's response-time target; null when no clock runs (answered, snoozed, resolved, no target). */
  responseClock: ResponseClock | null;
}

export const MOODS = ['upset', 'neutral', 'happy'] as const;
export type Mood = (typeof MOODS)[number];
/** A customer whose last message reads at or below −0.25 is upset; at or above +0.25, happy. */
export const MOOD_THRESHOLD = 0.25;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * The queue's orders. 'recent': newest last message first. 'waiting': customers waiting for us
 * (open work with an unanswered message) first, the longest wait on top, then every other
 * conversation (answered, snoozed, resolved) newest first: a resolved conversation is never
 * "waiting", however old its last message. 'upset': the most negative last customer message first.
 * 'priority': the most urgent first, then as 'waiting'. 'target': the soonest response-time
 * breach first (the longest breached on top), conversations with no running clock after.
 */
export const QUEUE_SORTS = ['recent', 'waiting', 'upset', 'priority', 'target'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const CALL_DISPOSITIONS = ['resolved', 'follow-up', 'escalated', 'call-back', 'no-answer'] as const;
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];

export const DRAFT_KINDS = ['reply', 'note'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The agent's unsent reply or internal note in a conversation, as last saved. */
export interface Draft {
  kind: DraftKind;
  body: string;
  savedAt: number;
}

/** A promise to a customer, with a due time. */
export interface FollowUp {
  id: number;
  customerId: number;
  conversationId: number | null;
  messageId: number | null;
  createdBy: number | null;
  description: string;
  dueAt: number;
  status: FollowUpStatus;
  createdAt: number;
  closedAt: number | null;
}

/** A promise found in a sent reply, offered to the agent as a follow-up. */
export interface PromiseFound {
  description: string;
  dueAt: number;
  /** The words it was found in. */
  excerpt: string;
}

/** Everything the customer panel shows: who they are across channels and their history with us. */
export interface CustomerProfile {
  customer: Customer;
  /** Every conversation across channels, newest first. */
  timeline: ConversationSummary[];
  followUps: FollowUp[];
  contacts: { total: number; byChannel: Record<Channel, number>; first: number | null; last: number | null };
}

/** One customer message on the emotion track. */
export interface TrackPoint {
  messageId: number;
  /** Its place among the customer's read messages (1 = first). */
  index: number;
  sentAt: number;
  sentiment: number;
  emotion: EkmanEmotion | null;
  sentimentClass: SentimentClass;
}

/** How the customer's feeling moved through a conversation, drawn from at most TRACK_MAX_POINTS points. */
export interface ConversationTrack {
  /** Evenly spaced over the read customer messages; the first and the last are always kept. */
  points: TrackPoint[];
  /** How many customer messages were read. */
  total: number;
  /** Whether any of the readings came from the lexicon analyzer. */
  lexicon: boolean;
}

export const TRACK_MAX_POINTS = 200;
/** How many messages a conversation opens with; older ones load as the agent scrolls up. */
export const THREAD_PAGE = 100;

export interface ConversationDetail {
  conversation: ConversationSummary;
  customer: Customer;
  /** The newest page of the thread (or a stretch around the message asked for), oldest first. */
  messages: Message[];
  /** How many earlier messages there are (`conversations.olderMessages` reads them). */
  olderCount: number;
  /** Opened at a message far back: how many newer ones there are after the stretch sent (0 when it reaches the newest). */
  newerCount: number;
  /** The current user's unsent draft here last worked on (reply or note), if any. */
  draft: Draft | null;
  /** The current user's unsent reply and internal note here: kept apart, never carried across. */
  drafts: Record<DraftKind, Draft | null>;
  /** The message each of the two was last sent as (null: never): what the composer's saves name (drafts.save's afterSent). */
  draftsSentAs: Record<DraftKind, number | null>;
  /** When the call in progress in this (voice) conversation started; null when none is. */
  activeCallStartedAt: number | null;
}

/** Where a search found a conversation: its own fields, or its messages. */
export const SEARCH_FIELDS = ['subject', 'customer', 'email', 'phone', 'handle', 'message'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A conversation a search found, once, with why it was found and the matches marked. */
export interface SearchHit {
  conversationId: number;
  channel: Channel;
  status: ConversationStatus;
  /** The subject (marked where it matched); null when the conversation has none. */
  subject: string | null;
  /** The customer's name (marked where it matched). */
  customerName: string;
  /** The customer's e-mail address, phone number or handle that matched (marked), if one did. */
  identity: string | null;
  /** Why it was found, in that order: its own fields, then 'message' when messages matched. */
  matchedIn: SearchField[];
  /** The best-matching message, which opening the hit shows; null when only its own fields matched. */
  message: { id: number; author: MessageAuthor; sentAt: number; snippet: string } | null;
  /** How many of its messages matched (among the newest matches ranked). */
  messageMatches: number;
  lastMessageAt: number | null;
}

/** Marks around matched terms in a search snippet; the renderer turns them into highlights. */
export const SEARCH_MARK_START = '\u0002';
export const SEARCH_MARK_END = '\u0003';

export interface WorkspaceCounts {
  customers: number;
  conversations: number;
  messages: number;
  byChannel: Record<Channel, number>;
}

export type HostKind = 'electron' | 'web';

export interface WorkspaceStatus {
  /** 'ready' when the store opened; otherwise a plain-language reason it could not be used. */
  store:
    | { state: 'ready'; path: string; schemaVersion: number }
    | { state: 'unavailable'; path: string; reason: StoreProblem; message: string };
  counts: WorkspaceCounts;
  host: HostKind;
  /**
   * The role the console shows and permits: the person's own, or, while the desk's owner views the
   * console as someone else, that person's (never more than the owner's own).
   */
  role: Role;
  /** The person making the calls: everything this console does is attributed to them. */
  currentUser: User | null;
  /** The desk only: the person the console is being viewed as ("view as"), or null. */
  viewingAs: User | null;
  /** Whether this console may view as someone else: the desk (one person, no password) only, never a team server. */
  canViewAs: boolean;
  /** The person chose to start with an empty workspace (rather than the demo): the console opens on it. */
  startedEmpty: boolean;
}

export type StoreProblem = 'locked' | 'unreadable' | 'newer-version' | 'io';
