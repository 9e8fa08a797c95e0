import { z } from 'zod';
import { CALL_DISPOSITIONS, CHANNELS, CONVERSATION_STATUSES, DRAFT_KINDS, MOODS, PRIORITIES, QUEUE_SORTS } from './domain';
import type { AnalysisStatus, MessageReading } from './analysis';
import type { BackgroundWork } from './background';
import { COMMAND_IDS, type CommandId, type Keymap } from './keymap';
import { timeSchema, timeZoneSchema } from './time';
import type { CallEnded } from './callOutcomes';
import { macroSchema, type Macro } from './macros';
import { DRAFT_MAX_CHARS, sendFields, type SendResult } from './send';
import { playbookSchema, type CoachPromptView, type CoachSuggestion, type DraftFinding, type DraftToneView, type Playbook, type RuleCheck } from './coach';
import { CONNECTION_STAGES, type ConnectionIndex, type ConnectionStage, type CustomerConnectionRow } from './connection';
import { TAG_COLORS, responseTargetsSchema, tagNameSchema, type ResponseTargets, type TagUse } from './triage';
import type { FollowUp, PromiseFound } from './domain';
import type { Assignee } from './assignment';
import { TEAM_MEMBERS_MAX, teamNameSchema, type Team } from './teams';
import { activityReportSchema, CONSOLE_ATTENTION, type ConversationActivity, type Presence } from './live';
import { inboxPlaceSchema, inboxViewSchema, savedViewNameSchema, type InboxPlace, type SavedView } from './views';
import type { ConversationTrack, ConversationDetail, ConversationSummary, CustomerProfile, Message, SearchHit, User, WorkspaceStatus } from './domain';

/**
 * Every method of the api: its input schema (checked at runtime on the Node side) and its output
 * type (checked by the compiler on both sides). Add a method here and both hosts carry it.
 */

const id = z.number().int().positive();
/** A draft to read: the analysis engine's reading of it, or the coach's tone (which uses that reading). */
const draftToRead = z
  .object({
    conversationId: id,
    draftId: z.string().min(1).max(100),
    text: z.string().max(100_000, 'A draft longer than 100,000 characters is not read'),
  })
  .strict();
/**
 * Made by the client when the person acts (a UUID) and sent again with every resend of that act:
 * the Node side applies a request id once and answers a repeat with the first answer.
 */
const clientId = z.string().min(8).max(100);

export const methodInputs = {
  'workspace.status': z.object({}).strict(),
  /** Whether background work (the analysis backlog, the index sweep) has settled. */
  'workspace.background': z.object({}).strict(),
  /** First run: open the console on the empty workspace instead of offering the demo again. */
  'workspace.startEmpty': z.object({}).strict(),
  'demo.load': z
    .object({
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    })
    .strict(),
  'conversations.list': z
    .object({
      channel: z.enum(CHANNELS).optional(),
      /** 'active' is the open work: open or pending. */
      status: z.enum([...CONVERSATION_STATUSES, 'active']).optional(),
      customerId: id.optional(),
      assignee: z.union([z.literal('me'), z.literal('unassigned'), id]).optional(),
      /** Only conversations assigned to this team, or to a team the caller is on ('mine'). */
      team: z.union([z.literal('mine'), id]).optional(),
      mood: z.enum(MOODS).optional(),
      /** Only conversations carrying this tag. */
      tagId: id.optional(),
      /** Only conversations whose response-time target is breached now. */
      breached: z.literal(true).optional(),
      /** See QUEUE_SORTS: 'waiting' orders by how long the customer has waited for us, open work only. */
      sort: z.enum(QUEUE_SORTS).default('recent'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  'conversations.get': z
    .object({
      id,
      /** Open with this message in the page (e.g. a search hit), however far back it is. */
      aroundMessageId: id.optional(),
    })
    .strict(),
  /** The customer's feeling through the whole conversation, for its chart (read after the thread is on screen). */
  'conversations.track': z.object({ id }).strict(),
  'conversations.olderMessages': z
    .object({ id, beforeMessageId: id, limit: z.number().int().min(1).max(500).default(100) })
    .strict(),
  /** Sends a reply (checked first: see SendResult) or an internal note from the composer; see shared/contract/send.ts. */
  'conversations.send': z.object({ clientId: clientId.optional(), conversationId: id, ...sendFields }).strict(),
  'conversations.setStatus': z.object({ clientId: clientId.optional(), id, status: z.enum(CONVERSATION_STATUSES) }).strict(),
  'conversations.markRead': z.object({ clientId: clientId.optional(), id }).strict(),
  'conversations.setPriority': z.object({ clientId: clientId.optional(), id, priority: z.enum(PRIORITIES) }).strict(),
  'calls.start': z.object({ clientId: clientId.optional(), conversationId: id }).strict(),
  'calls.note': z.object({ clientId: clientId.optional(), conversationId: id, text: z.string().trim().min(1, 'Write the note first').max(5_000) }).strict(),
  'calls.end': z
    .object({
      clientId: clientId.optional(),
      conversationId: id,
      disposition: z.enum(CALL_DISPOSITIONS),
      summary: z.string().max(10_000),
      /** The agent's IANA time zone, for the times a wrap-up names ("Tuesday at 2pm"); default the services' own. */
      timeZone: timeZoneSchema.optional(),
    })
    .strict(),
  'drafts.save': z
    .object({
      clientId: clientId.optional(),
      conversationId: id,
      kind: z.enum(DRAFT_KINDS),
      body: z.string().max(DRAFT_MAX_CHARS, `A draft longer than ${DRAFT_MAX_CHARS.toLocaleString('en')} characters is not saved`),
      /**
       * The message the composer knows this draft was last sent as (null: none; the conversation's
       * draftsSentAs, then each send's message): a save of text from before a later send is not saved.
       */
      afterSent: id.nullable().optional(),
    })
    .strict(),
  'messages.search': z
    .object({
      query: z.string().trim().min(1, 'Type something to search for').max(200),
      limit: z.number().int().min(1).max(200).default(50),
      /** The queue's filters: search looks only where the queue does. */
      channel: z.enum(CHANNELS).optional(),
      status: z.enum([...CONVERSATION_STATUSES, 'active']).optional(),
      assignee: z.union([z.literal('me'), z.literal('unassigned'), id]).optional(),
      /** Only conversations assigned to this team, or to a team the caller is on ('mine'). */
      team: z.union([z.literal('mine'), id]).optional(),
      mood: z.enum(MOODS).optional(),
      /** Only conversations carrying this tag. */
      tagId: id.optional(),
      /** Only conversations whose response-time target is breached now. */
      breached: z.literal(true).optional(),
    })
    .strict(),
  'users.list': z.object({}).strict(),
  'customers.profile': z.object({ id }).strict(),
  'macros.list': z.object({}).strict(),
  /** The team's macros (supervisors and admins). */
  'macros.save': z.object({ clientId: clientId.optional(), macros: z.array(macroSchema).max(200) }).strict(),
  /** The caller's own macros, beside the team's. */
  'macros.savePersonal': z.object({ clientId: clientId.optional(), macros: z.array(macroSchema).max(200) }).strict(),
  'keymap.get': z.object({}).strict(),
  'keymap.set': z
    .object({
      clientId: clientId.optional(),
      /** Keys that differ from the defaults; an empty object restores every default. */
      bindings: z.partialRecord(z.enum(COMMAND_IDS as [CommandId, ...CommandId[]]), z.string().max(40)),
    })
    .strict(),
  /**
   * Assigns the conversation to a person (or nobody: null) and, when `teamId` is given, to a team (or
   * no team: null); a person given with a team must be on it. Without `teamId` the team stays.
   */
  'conversations.assign': z.object({ clientId: clientId.optional(), id, assignee: z.union([z.literal('me'), id]).nullable(), teamId: id.nullable().optional() }).strict(),
  /**
   * Takes an unassigned conversation for the caller, atomically: of two people taking it at once one
   * gets it; the other is refused with a 'conflict' whose detail says who has it and since when.
   */
  'conversations.take': z.object({ clientId: clientId.optional(), id }).strict(),
  /** The people a conversation may be assigned to (those who answer customers), with how many open conversations each has. */
  'conversations.assignees': z.object({}).strict(),
  /** Every team, by name, with its members and its open conversations. */
  'teams.list': z.object({}).strict(),
  /** Admins only: a new team (a name another team has, whatever its case, is refused). */
  'teams.create': z.object({ clientId: clientId.optional(), name: teamNameSchema, memberIds: z.array(id).max(TEAM_MEMBERS_MAX).default([]) }).strict(),
  /** Admins only: renames a team. */
  'teams.rename': z.object({ clientId: clientId.optional(), id, name: teamNameSchema }).strict(),
  /** Admins only: makes the team's members exactly these people (active people of the workspace). */
  'teams.setMembers': z.object({ clientId: clientId.optional(), id, memberIds: z.array(id).max(TEAM_MEMBERS_MAX) }).strict(),
  /** Admins only: deletes a team; its conversations keep their person and have no team. */
  'teams.delete': z.object({ clientId: clientId.optional(), id }).strict(),
  'analysis.status': z.object({}).strict(),
  'analysis.setModelsFolder': z
    .object({ path: z.string().trim().min(1, 'Give the folder that holds the models').max(4096).nullable() })
    .strict(),
  'analysis.setHubAllowed': z.object({ allowed: z.boolean() }).strict(),
  'analysis.downloadModel': z.object({ role: z.enum(['emotion', 'sentiment']) }).strict(),
  'analysis.readDraft': draftToRead,
  /**
   * The desk only: view the console as another person of the workspace (what they are shown and
   * may do), or stop (null). It never changes who acts: calls stay the desk owner's own.
   */
  'session.viewAs': z.object({ userId: id.nullable() }).strict(),
  /** Who is online, away or offline now (the people of the workspace who have been seen since the host started). */
  'presence.list': z.object({}).strict(),
  /** This console's person is at it (input lately, the window shown) or not: their presence follows. */
  'presence.report': z.object({ attention: z.enum(CONSOLE_ATTENTION) }).strict(),
  /** What this console shows and types: the conversation open in it (or none), and whether a reply or a note is being typed there. */
  'activity.report': activityReportSchema,
  /** Who else is viewing or typing in conversations now. */
  'activity.list': z.object({}).strict(),
  'coach.prompts': z.object({ conversationId: id }).strict(),
  /**
   * 'inserted': the agent put the prompt into the reply draft (its outcome is settled by the reply
   * that goes: used, edited or not used); 'dismissed': they dismissed it.
   */
  'coach.recordOutcome': z.object({ clientId: clientId.optional(), promptId: id, outcome: z.enum(['inserted', 'dismissed']) }).strict(),
  'coach.checkDraft': z
    .object({ conversationId: id, text: z.string().max(100_000, 'A draft longer than 100,000 characters is not checked') })
    .strict(),
  /** The draft's tone in the agent's terms: the draft check, the agent's words and the analyzer's reading together. */
  'coach.draftTone': draftToRead,
  'playbook.get': z.object({}).strict(),
  /** Supervisors only; null restores the default playbook. */
  'playbook.save': z.object({ clientId: clientId.optional(), playbook: playbookSchema.nullable() }).strict(),
  'playbook.preview': z.object({ conversationId: id, playbook: playbookSchema }).strict(),
  'customers.connection': z.object({ id }).strict(),
  'customers.list': z
    .object({
      stage: z.enum(CONNECTION_STAGES).optional(),
      name: z.string().trim().min(1).max(100).optional(),
      sort: z.enum(['score', 'movement', 'recent']).default('score'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  'followUps.create': z
    .object({
      clientId: clientId.optional(),
      customerId: id,
      conversationId: id.nullable().default(null),
      /** The sent message the promise was made in, when it was detected there. */
      messageId: id.nullable().default(null),
      description: z.string().trim().min(1, 'Say what was promised').max(500),
      /** Refused when earlier than now (a few minutes' grace for the time it took to type). */
      dueAt: timeSchema,
    })
    .strict(),
  'followUps.close': z.object({ clientId: clientId.optional(), id, status: z.enum(['done', 'cancelled']) }).strict(),
  'followUps.detect': z.object({ messageId: id }).strict(),
  /** Every tag of the workspace, by name, with how many conversations carry it. */
  'tags.list': z.object({}).strict(),
  /** Adds a tag by name: an existing one whatever its case, else a new one (with its colour, if given). */
  'conversations.addTag': z
    .object({ clientId: clientId.optional(), id, name: tagNameSchema, color: z.enum(TAG_COLORS).nullable().default(null) })
    .strict(),
  'conversations.removeTag': z.object({ clientId: clientId.optional(), id, tagId: id }).strict(),
  /** Renames or recolours a tag everywhere it is used (a name another tag has is refused). Supervisors only. */
  'tags.update': z
    .object({ clientId: clientId.optional(), id, name: tagNameSchema.optional(), color: z.enum(TAG_COLORS).nullable().optional() })
    .strict()
    .refine((input) => input.name !== undefined || input.color !== undefined, 'Give a new name or a colour'),
  /** Deletes a tag and takes it off every conversation that carries it. Supervisors only. */
  'tags.delete': z.object({ clientId: clientId.optional(), id }).strict(),
  /** Snoozed until a time still to come (refused otherwise); it comes back open and unread then, or when the customer writes. */
  'conversations.snooze': z.object({ clientId: clientId.optional(), id, until: timeSchema }).strict(),
  'responseTargets.get': z.object({}).strict(),
  /** Supervisors only; null restores the default targets. */
  'responseTargets.save': z.object({ clientId: clientId.optional(), targets: responseTargetsSchema.nullable() }).strict(),
  /** The current person's saved views of the inbox (with their counts now) and where they left the inbox. */
  'views.list': z.object({}).strict(),
  /** Remembers where the current person is in the inbox, so it opens there again for them. */
  'views.remember': z.object({ place: inboxPlaceSchema }).strict(),
  /** Saves the view under a name (a new view), or renames/changes the view `id`; names are unique per person. */
  'views.save': z.object({ clientId: clientId.optional(), id: id.optional(), name: savedViewNameSchema, view: inboxViewSchema }).strict(),
  'views.delete': z.object({ clientId: clientId.optional(), id }).strict(),
} satisfies Record<string, z.ZodType>;

export type MethodName = keyof typeof methodInputs;
export const METHOD_NAMES = Object.keys(methodInputs) as MethodName[];

/**
 * The writes a client may send again after losing the connection (it cannot know whether the first
 * try was applied): each takes an optional `clientId`, and a repeat of one is answered, not applied.
 */
export const RETRYABLE_METHODS = [
  'conversations.send',
  'conversations.setStatus',
  'conversations.markRead',
  'conversations.setPriority',
  'conversations.assign',
  'conversations.take',
  'teams.create',
  'teams.rename',
  'teams.setMembers',
  'teams.delete',
  'calls.start',
  'calls.note',
  'calls.end',
  'drafts.save',
  'macros.save',
  'macros.savePersonal',
  'keymap.set',
  'coach.recordOutcome',
  'playbook.save',
  'followUps.create',
  'followUps.close',
  'conversations.addTag',
  'conversations.removeTag',
  'tags.update',
  'tags.delete',
  'conversations.snooze',
  'responseTargets.save',
  'views.save',
  'views.delete',
] as const satisfies readonly MethodName[];
export type RetryableMethod = (typeof RETRYABLE_METHODS)[number];

export function isRetryableMethod(name: string): name is RetryableMethod {
  return (RETRYABLE_METHODS as readonly string[]).includes(name);
}

/** What the caller may pass (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<(typeof methodInputs)[M]>;
/** What the implementation receives after validation (defaults filled in). */
export type MethodParams<M extends MethodName> = z.output<(typeof methodInputs)[M]>;

export interface MethodOutputs {
  'workspace.status': WorkspaceStatus;
  'workspace.background': BackgroundWork;
  'workspace.startEmpty': WorkspaceStatus;
  'demo.load': { customers: number; conversations: number; messages: number; durationMs: number };
  'conversations.list': { items: ConversationSummary[]; total: number };
  'conversations.get': ConversationDetail;
  'conversations.olderMessages': { messages: Message[]; olderCount: number };
  'conversations.track': ConversationTrack;
  'conversations.send': SendResult;
  'conversations.setStatus': ConversationSummary;
  'conversations.markRead': ConversationSummary;
  'conversations.setPriority': ConversationSummary;
  'calls.start': Message;
  'calls.note': Message;
  'calls.end': CallEnded;
  /**
   * savedAt null: not saved, as that draft was sent meanwhile (its text is in the thread; nothing
   * failed) as message sentAs: a save naming it (afterSent) is kept.
   */
  'drafts.save': { savedAt: number; sentAs?: undefined } | { savedAt: null; sentAs: number };
  'messages.search': { hits: SearchHit[]; tookMs: number };
  'users.list': User[];
  'customers.profile': CustomerProfile;
  'macros.list': Macro[];
  'macros.save': Macro[];
  'macros.savePersonal': Macro[];
  'keymap.get': Keymap;
  'keymap.set': Keymap;
  'conversations.assign': ConversationSummary;
  'conversations.take': ConversationSummary;
  'conversations.assignees': Assignee[];
  'teams.list': Team[];
  'teams.create': Team;
  'teams.rename': Team;
  'teams.setMembers': Team;
  /** The team deleted, and how many conversations it had. */
  'teams.delete': { id: number; unassigned: number };
  'analysis.status': AnalysisStatus;
  'analysis.setModelsFolder': AnalysisStatus;
  'analysis.setHubAllowed': AnalysisStatus;
  'analysis.downloadModel': AnalysisStatus;
  'analysis.readDraft': MessageReading;
  'session.viewAs': WorkspaceStatus;
  'presence.list': Presence[];
  'presence.report': Presence;
  'activity.report': { reported: true };
  'activity.list': ConversationActivity[];
  'coach.prompts': CoachPromptView[];
  'coach.recordOutcome': CoachPromptView;
  'coach.checkDraft': DraftFinding[];
  'coach.draftTone': DraftToneView & { reading: MessageReading | null };
  'playbook.get': { playbook: Playbook; isDefault: boolean; canEdit: boolean };
  'playbook.save': { playbook: Playbook; isDefault: boolean; canEdit: boolean };
  'playbook.preview': { suggestions: CoachSuggestion[]; rules: RuleCheck[] };
  'customers.connection': ConnectionIndex;
  'customers.list': { items: CustomerConnectionRow[]; total: number; byStage: Record<ConnectionStage, number> };
  'followUps.create': FollowUp;
  'followUps.close': FollowUp;
  'followUps.detect': PromiseFound[];
  'tags.list': TagUse[];
  'conversations.addTag': ConversationSummary;
  'conversations.removeTag': ConversationSummary;
  'tags.update': TagUse;
  /** The tag deleted, and how many conversations carried it. */
  'tags.delete': { id: number; removedFrom: number };
  'conversations.snooze': ConversationSummary;
  'responseTargets.get': { targets: ResponseTargets; isDefault: boolean; canEdit: boolean };
  'responseTargets.save': { targets: ResponseTargets; isDefault: boolean; canEdit: boolean };
  'views.list': { saved: SavedView[]; last: InboxPlace | null };
  'views.remember': { rememberedAt: number };
  'views.save': SavedView;
  'views.delete': { id: number };
}

export type MethodOutput<M extends MethodName> = MethodOutputs[M];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methodInputs, name);
}
