import { z } from 'zod';
import { CALL_DISPOSITIONS, CHANNELS, CONVERSATION_STATUSES, DRAFT_KINDS, MOODS, PRIORITIES, QUEUE_SORTS, ROLES } from './domain';
import type { AnalysisStatus, MessageReading } from './analysis';
import type { BackgroundWork } from './background';
import { COMMAND_IDS, type CommandId, type Keymap } from './keymap';
import { timeSchema } from './time';
import { macroSchema, type Macro } from './macros';
import { DRAFT_MAX_CHARS, sendFields, type SendResult } from './send';
import { playbookSchema, type CoachPromptView, type CoachSuggestion, type DraftFinding, type Playbook, type RuleCheck } from './coach';
import { CONNECTION_STAGES, type ConnectionIndex, type ConnectionStage, type CustomerConnectionRow } from './connection';
import type { FollowUp, PromiseFound } from './domain';
import type { ConversationTrack, ConversationDetail, ConversationSummary, CustomerProfile, Message, Role, SearchHit, User, WorkspaceStatus } from './domain';

/**
 * Every method of the api: its input schema (checked at runtime on the Node side) and its output
 * type (checked by the compiler on both sides). Add a method here and both hosts carry it.
 */

const id = z.number().int().positive();
/**
 * Made by the client when the person acts (a UUID) and sent again with every resend of that act:
 * the Node side applies a request id once and answers a repeat with the first answer.
 */
const clientId = z.string().min(8).max(100);

export const methodInputs = {
  'workspace.status': z.object({}).strict(),
  /** Whether background work (the analysis backlog, the index sweep) has settled. */
  'workspace.background': z.object({}).strict(),
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
      mood: z.enum(MOODS).optional(),
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
  'calls.end': z.object({ clientId: clientId.optional(), conversationId: id, disposition: z.enum(CALL_DISPOSITIONS), summary: z.string().max(10_000) }).strict(),
  'drafts.save': z
    .object({ clientId: clientId.optional(), conversationId: id, kind: z.enum(DRAFT_KINDS), body: z.string().max(DRAFT_MAX_CHARS, `A draft longer than ${DRAFT_MAX_CHARS.toLocaleString('en')} characters is not saved`) })
    .strict(),
  'messages.search': z
    .object({
      query: z.string().trim().min(1, 'Type something to search for').max(200),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict(),
  'users.list': z.object({}).strict(),
  'customers.profile': z.object({ id }).strict(),
  'macros.list': z.object({}).strict(),
  'macros.save': z.object({ clientId: clientId.optional(), macros: z.array(macroSchema).max(200) }).strict(),
  'keymap.get': z.object({}).strict(),
  'keymap.set': z
    .object({
      clientId: clientId.optional(),
      /** Keys that differ from the defaults; an empty object restores every default. */
      bindings: z.partialRecord(z.enum(COMMAND_IDS as [CommandId, ...CommandId[]]), z.string().max(40)),
    })
    .strict(),
  'conversations.assign': z.object({ clientId: clientId.optional(), id, assignee: z.union([z.literal('me'), id]).nullable() }).strict(),
  'analysis.status': z.object({}).strict(),
  'analysis.setModelsFolder': z
    .object({ path: z.string().trim().min(1, 'Give the folder that holds the models').max(4096).nullable() })
    .strict(),
  'analysis.setHubAllowed': z.object({ allowed: z.boolean() }).strict(),
  'analysis.downloadModel': z.object({ role: z.enum(['emotion', 'sentiment']) }).strict(),
  'analysis.readDraft': z
    .object({
      conversationId: id,
      draftId: z.string().min(1).max(100),
      text: z.string().max(100_000, 'A draft longer than 100,000 characters is not read'),
    })
    .strict(),
  'session.setRole': z.object({ clientId: clientId.optional(), role: z.enum(ROLES) }).strict(),
  'coach.prompts': z.object({ conversationId: id }).strict(),
  /**
   * 'inserted': the agent put the prompt into the reply draft (its outcome is settled by the reply
   * that goes: used, edited or not used); 'dismissed': they dismissed it.
   */
  'coach.recordOutcome': z.object({ clientId: clientId.optional(), promptId: id, outcome: z.enum(['inserted', 'dismissed']) }).strict(),
  'coach.checkDraft': z
    .object({ conversationId: id, text: z.string().max(100_000, 'A draft longer than 100,000 characters is not checked') })
    .strict(),
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
  'calls.start',
  'calls.note',
  'calls.end',
  'drafts.save',
  'macros.save',
  'keymap.set',
  'session.setRole',
  'coach.recordOutcome',
  'playbook.save',
  'followUps.create',
  'followUps.close',
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
  'calls.end': Message;
  'drafts.save': { savedAt: number };
  'messages.search': { hits: SearchHit[]; tookMs: number };
  'users.list': User[];
  'customers.profile': CustomerProfile;
  'macros.list': Macro[];
  'macros.save': Macro[];
  'keymap.get': Keymap;
  'keymap.set': Keymap;
  'conversations.assign': ConversationSummary;
  'analysis.status': AnalysisStatus;
  'analysis.setModelsFolder': AnalysisStatus;
  'analysis.setHubAllowed': AnalysisStatus;
  'analysis.downloadModel': AnalysisStatus;
  'analysis.readDraft': MessageReading;
  'session.setRole': { role: Role; user: User | null };
  'coach.prompts': CoachPromptView[];
  'coach.recordOutcome': CoachPromptView;
  'coach.checkDraft': DraftFinding[];
  'playbook.get': { playbook: Playbook; isDefault: boolean; canEdit: boolean };
  'playbook.save': { playbook: Playbook; isDefault: boolean; canEdit: boolean };
  'playbook.preview': { suggestions: CoachSuggestion[]; rules: RuleCheck[] };
  'customers.connection': ConnectionIndex;
  'customers.list': { items: CustomerConnectionRow[]; total: number; byStage: Record<ConnectionStage, number> };
  'followUps.create': FollowUp;
  'followUps.close': FollowUp;
  'followUps.detect': PromiseFound[];
}

export type MethodOutput<M extends MethodName> = MethodOutputs[M];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methodInputs, name);
}
