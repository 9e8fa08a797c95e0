import { z } from 'zod';

/**
 * The live queue's own terms: where a console is in the host's stream of events (a cursor it
 * resumes from after a reconnect), who is online, and who is looking at or answering a conversation.
 */

/** The query parameter of the WebSocket's address that carries the cursor a console resumes from. */
export const CURSOR_PARAM = 'since';

/**
 * A place in one host run's stream of events: the run (its epoch, new every time the host starts)
 * and the sequence number of the last event the console applied. Sequence numbers only grow
 * within a run; a cursor of another run says nothing about this one.
 */
export const liveCursorSchema = z
  .object({
    epoch: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type LiveCursor = z.infer<typeof liveCursorSchema>;

/** The cursor as it travels in an address: `<epoch>.<seq>`. */
export function formatCursor(cursor: LiveCursor): string {
  return `${cursor.epoch}.${cursor.seq}`;
}

/** A cursor read from an address, or null when it is not one (it is then treated as no cursor at all). */
export function parseCursor(text: string | null | undefined): LiveCursor | null {
  if (!text) return null;
  const match = /^([^.]+)\.(\d{1,16})$/.exec(text);
  if (!match) return null;
  const parsed = liveCursorSchema.safeParse({ epoch: match[1], seq: Number(match[2]) });
  return parsed.success ? parsed.data : null;
}

/** Why the events after a cursor cannot be told: the console then reads everything it shows again. */
export const GAP_REASONS = [
  /** The host has restarted (or it is another host): its numbers are not the cursor's. */
  'other-run',
  /** The events after the cursor are no longer kept (the console was away too long, or too much happened). */
  'too-old',
  /** The cursor is beyond anything this run has sent: not one of ours. */
  'unknown',
  /**
   * The host may have missed events of the team's other server processes (its link to the shared
   * database dropped and came back): its stream begins again. Told on an open connection as a new hello.
   */
  'missed',
] as const;
export type GapReason = (typeof GAP_REASONS)[number];

/** How a connection began: the first frame a console gets on its WebSocket. */
export type ResumeOutcome =
  /** No cursor was given: a console's first connection. */
  | { state: 'fresh' }
  /** The events after the cursor follow this frame (`replayed` of them, those this person may see), then live ones. */
  | { state: 'resumed'; replayed: number }
  /** The missed events cannot be told: read everything again. */
  | { state: 'gap'; reason: GapReason };

/** Presence: online (using a console), away (no input for a while, or every console hidden), offline. */
export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** What a console says of the person at it: in use (input lately, visible) or idle (no input for a while, or hidden). */
export const CONSOLE_ATTENTION = ['active', 'idle'] as const;
export type ConsoleAttention = (typeof CONSOLE_ATTENTION)[number];

export const presenceSchema = z.object({
  userId: z.number().int().positive(),
  state: z.enum(PRESENCE_STATES),
  /** When the person came to be in this state (ms since the epoch). */
  since: z.number(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** What someone is doing in a conversation: looking at it, or typing a reply or a note in it. */
export const ACTIVITY_KINDS = ['viewing', 'typing-reply', 'typing-note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const conversationActivitySchema = z.object({
  conversationId: z.number().int().positive(),
  userId: z.number().int().positive(),
  name: z.string(),
  /** Null: they are no longer in the conversation. */
  doing: z.enum(ACTIVITY_KINDS).nullable(),
});
export type ConversationActivity = z.infer<typeof conversationActivitySchema>;

/** What a console may say it is doing (at most one conversation, and what it types there). */
export const activityReportSchema = z
  .object({
    viewing: z.number().int().positive().nullable(),
    typing: z.enum(['reply', 'note']).nullable(),
  })
  .strict()
  .refine((report) => report.typing === null || report.viewing !== null, { message: 'One types in a conversation: say which (viewing).', path: ['typing'] });
