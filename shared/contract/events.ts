import { z } from 'zod';
import { EKMAN_EMOTIONS, SENTIMENT_CLASSES } from './analysis';
import { backgroundWorkSchema } from './background';
import { coachPromptViewSchema } from './coach';
import { CHANNELS, MESSAGE_AUTHORS } from './domain';
import { conversationActivitySchema, presenceSchema } from './live';

/**
 * Everything the Node side pushes to the renderer unasked. Payloads are validated before they are
 * sent, so a bug on the Node side shows up there and not as a confused UI.
 */
export const eventPayloads = {
  /** A message was stored (by a connector, an importer or the demo loader). */
  'message.added': z.object({
    messageId: z.number().int().positive(),
    conversationId: z.number().int().positive(),
    customerId: z.number().int().positive(),
    channel: z.enum(CHANNELS),
    author: z.enum(MESSAGE_AUTHORS),
    sentAt: z.number(),
  }),
  /** A live message or a draft was read by an analyzer (the backlog reports progress instead). */
  'analysis.result': z.object({
    messageId: z.number().int().positive().nullable(),
    conversationId: z.number().int().positive().nullable(),
    draftId: z.string().nullable(),
    analyzer: z.enum(['model', 'lexicon']),
    modelId: z.string(),
    sentiment: z.number().min(-1).max(1),
    sentimentClass: z.enum(SENTIMENT_CLASSES),
    emotions: z.record(z.string(), z.number()),
    dominant: z.object({ emotion: z.enum(EKMAN_EMOTIONS), score: z.number() }).nullable(),
    latencyMs: z.number().nonnegative(),
  }),
  /** The analysis engine changed: models loaded or replaced, fell back to the lexicon, restarted. */
  'analysis.status': z.object({ state: z.enum(['starting', 'ready', 'restarting']), analyzer: z.enum(['model', 'lexicon']) }),
  /** Progress of a long task (demo load, backlog analysis, model download). */
  progress: z.object({
    task: z.string(),
    label: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** The coach raised prompts in a conversation (a customer message was read), or settled them (a reply was sent). */
  'coach.prompts': z.object({
    conversationId: z.number().int().positive(),
    messageId: z.number().int().positive().nullable(),
    /** The prompts now open in the conversation, so the console can show them without asking. */
    prompts: z.array(coachPromptViewSchema),
  }),
  /** Customers' emotional-connection indexes were recomputed. */
  'connection.changed': z.object({ customerIds: z.array(z.number().int().positive()) }),
  /** A customer's follow-ups changed (added, done, cancelled). */
  'followUps.changed': z.object({ customerId: z.number().int().positive() }),
  /** A conversation changed without a message: its tags, its snooze (set, or ended by the time or the customer writing), its reopening (the customer wrote into it resolved or pending), or who has it (taken, assigned). */
  'conversation.changed': z.object({
    conversationId: z.number().int().positive(),
    reason: z.enum(['tags', 'snoozed', 'snooze-ended', 'reopened', 'assigned']),
  }),
  /** A tag was renamed, recoloured or deleted: every list and conversation showing it reads it again. */
  'tags.changed': z.object({ tagId: z.number().int().positive(), change: z.enum(['renamed', 'recoloured', 'deleted']) }),
  /** A person's draft in a conversation appeared or went (sent, emptied): the queue marks conversations with a draft. */
  'draft.changed': z.object({ conversationId: z.number().int().positive(), userId: z.number().int().nonnegative(), hasDraft: z.boolean() }),
  /** The workspace changed in bulk (e.g. the demo was loaded): lists should refetch. */
  'workspace.changed': z.object({ reason: z.string() }),
  /** Background work started or settled (or the backlog moved on): the same as 'workspace.background' answers. */
  'workspace.background': backgroundWorkSchema,
  /** A person of the team was added, deactivated, reactivated or given another role: who may receive what is worked out again, and the people list reads again. */
  'people.changed': z.object({ personId: z.number().int().positive() }),
  /** A team was made, renamed, deleted or given other members: the teams list (and rows showing it) read again. */
  'teams.changed': z.object({ teamId: z.number().int().positive(), change: z.enum(['created', 'renamed', 'members', 'deleted']) }),
  /** A person came online, went away or went offline (ephemeral: never replayed, never stored). */
  'presence.changed': presenceSchema,
  /** Someone began or stopped viewing a conversation or typing in it (ephemeral: never replayed, never stored). */
  'activity.changed': conversationActivitySchema,
} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof eventPayloads;
export type EventPayload<E extends EventName> = z.output<(typeof eventPayloads)[E]>;
export const EVENT_NAMES = Object.keys(eventPayloads) as EventName[];

/** Events that say what is so right now and are not kept: a console that reconnects asks for them afresh. */
export const EPHEMERAL_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['presence.changed', 'activity.changed']);

export type KinshipEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
