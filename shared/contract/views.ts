import { z } from 'zod';
import { CHANNELS, CONVERSATION_STATUSES, MOODS, QUEUE_SORTS, type Channel, type ConversationStatus, type Mood, type QueueSort } from './domain';

/**
 * What the inbox shows and in which order ('all', 'anyone' and 'any' mean no filter): the part of
 * the inbox a person can save as a named view.
 */
export const inboxViewSchema = z
  .object({
    channel: z.enum([...CHANNELS, 'all']),
    /** 'active' is the open work: open or pending; 'breached': open work past its response-time target. */
    status: z.enum([...CONVERSATION_STATUSES, 'active', 'breached', 'all']),
    assignee: z.enum(['me', 'unassigned', 'anyone']),
    mood: z.enum([...MOODS, 'any']),
    sort: z.enum(QUEUE_SORTS),
    /** A tag's id, or 'any'. */
    tag: z.union([z.number().int().positive(), z.literal('any')]).default('any'),
    /** A team's id, 'mine' (the teams the person is on), or 'any'. */
    team: z.union([z.number().int().positive(), z.literal('mine'), z.literal('any')]).default('any'),
  })
  .strict();
export type InboxView = z.output<typeof inboxViewSchema>;

/** The inbox as it opens for someone new: their open work, whoever has waited longest on top (as Front and Help Scout open). */
export const DEFAULT_INBOX_VIEW: InboxView = { channel: 'all', status: 'active', assignee: 'anyone', mood: 'any', sort: 'waiting', tag: 'any', team: 'any' };

/** Longest search text the inbox keeps (as `messages.search` takes). */
export const INBOX_QUERY_MAX = 200;

/** Where a person left the inbox: the view, the search typed, the conversation open (at a message, for a search hit). */
export const inboxPlaceSchema = z
  .object({
    view: inboxViewSchema,
    query: z.string().max(INBOX_QUERY_MAX),
    conversationId: z.number().int().positive().nullable(),
    messageId: z.number().int().positive().nullable(),
  })
  .strict();
export type InboxPlace = z.output<typeof inboxPlaceSchema>;

export const DEFAULT_INBOX_PLACE: InboxPlace = { view: DEFAULT_INBOX_VIEW, query: '', conversationId: null, messageId: null };

/** A saved view's name: short enough for the inbox's list of views. */
export const SAVED_VIEW_NAME_MAX = 40;
/** How many views one person may save: enough for every way of working, few enough to scan. */
export const SAVED_VIEWS_MAX = 20;

export const savedViewNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the view a name')
  .max(SAVED_VIEW_NAME_MAX, `A view's name is at most ${SAVED_VIEW_NAME_MAX} characters`);

/** A person's named view of the inbox, with how many conversations are in it now. */
export interface SavedView {
  id: number;
  name: string;
  view: InboxView;
  /** Conversations in the view as it was listed. */
  count: number;
  createdAt: number;
  updatedAt: number;
}

/** The `conversations.list` filter and sort a view stands for. */
export function viewFilter(view: InboxView): {
  filter: { channel?: Channel; status?: ConversationStatus | 'active'; breached?: true; tagId?: number; assignee?: 'me' | 'unassigned'; mood?: Mood; team?: number | 'mine' };
  sort: QueueSort;
} {
  return {
    filter: {
      ...(view.channel !== 'all' ? { channel: view.channel } : {}),
      ...(view.status === 'breached' ? { status: 'active' as const, breached: true as const } : view.status !== 'all' ? { status: view.status } : {}),
      ...(view.tag !== 'any' ? { tagId: view.tag } : {}),
      ...(view.assignee !== 'anyone' ? { assignee: view.assignee } : {}),
      ...(view.mood !== 'any' ? { mood: view.mood } : {}),
      ...(view.team !== 'any' ? { team: view.team } : {}),
    },
    sort: view.sort,
  };
}

/** Whether two views show the same conversations in the same order. */
export function sameView(a: InboxView, b: InboxView): boolean {
  return a.channel === b.channel && a.status === b.status && a.assignee === b.assignee && a.mood === b.mood && a.sort === b.sort && a.tag === b.tag && a.team === b.team;
}
