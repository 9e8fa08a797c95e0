import type { EventName } from './events';
import type { MethodName } from './methods';
import { ROLES, type Role } from './domain';

/**
 * Who may call what: one table, checked by the dispatcher before any handler runs (a refusal is a
 * `forbidden` error that changes nothing), and read by the console only to hide what a role may
 * not do. A method without an entry does not compile, and tests/shared/permissions.test.ts fails.
 */

const EVERYONE = ROLES;
/** The people who answer customers: replies, notes, statuses, calls, drafts, follow-ups. The executive reads. */
const ANSWERING = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** The team's shared setup: the playbook, shared macros, targets, models, the workspace itself. */
const LEADING = ['supervisor', 'admin'] as const satisfies readonly Role[];
/** The workspace's own make-up: its teams. */
const ADMINS = ['admin'] as const satisfies readonly Role[];

export const METHOD_ROLES: Record<MethodName, readonly Role[]> = {
  'workspace.status': EVERYONE,
  'workspace.background': EVERYONE,
  'workspace.startEmpty': LEADING,
  'demo.load': LEADING,
  'conversations.list': EVERYONE,
  'conversations.get': EVERYONE,
  'conversations.track': EVERYONE,
  'conversations.olderMessages': EVERYONE,
  'conversations.send': ANSWERING,
  'conversations.setStatus': ANSWERING,
  // one's own "I have read it": writes nothing a customer or colleague sees
  'conversations.markRead': EVERYONE,
  'conversations.setPriority': ANSWERING,
  // a conversation that is nobody's or one's own; someone else's only by REASSIGN_ROLES below
  'conversations.assign': ANSWERING,
  'conversations.take': ANSWERING,
  'conversations.assignees': EVERYONE,
  'teams.list': EVERYONE,
  // who is on which team is the admins' (agents and supervisors assign to a team: conversations.assign)
  'teams.create': ADMINS,
  'teams.rename': ADMINS,
  'teams.setMembers': ADMINS,
  'teams.delete': ADMINS,
  'calls.start': ANSWERING,
  'calls.note': ANSWERING,
  'calls.end': ANSWERING,
  'drafts.save': ANSWERING,
  'messages.search': EVERYONE,
  'users.list': EVERYONE,
  'customers.profile': EVERYONE,
  'macros.list': EVERYONE,
  'macros.save': LEADING,
  // one's own, beside the team's
  'macros.savePersonal': ANSWERING,
  'keymap.get': EVERYONE,
  'keymap.set': EVERYONE,
  'analysis.status': EVERYONE,
  'analysis.setModelsFolder': LEADING,
  'analysis.setHubAllowed': LEADING,
  'analysis.downloadModel': LEADING,
  'analysis.readDraft': ANSWERING,
  'session.viewAs': EVERYONE,
  // the live queue: who is here, and who is in a conversation (typing is refused to those who may not write there)
  'presence.list': EVERYONE,
  'presence.report': EVERYONE,
  'activity.report': EVERYONE,
  'activity.list': EVERYONE,
  'coach.prompts': EVERYONE,
  'coach.recordOutcome': ANSWERING,
  'coach.checkDraft': ANSWERING,
  'coach.draftTone': ANSWERING,
  'playbook.get': EVERYONE,
  'playbook.save': LEADING,
  'playbook.preview': EVERYONE,
  'customers.connection': EVERYONE,
  'customers.list': EVERYONE,
  'followUps.create': ANSWERING,
  'followUps.close': ANSWERING,
  'followUps.detect': ANSWERING,
  'tags.list': EVERYONE,
  'tags.update': LEADING,
  'tags.delete': LEADING,
  'conversations.addTag': ANSWERING,
  'conversations.removeTag': ANSWERING,
  'conversations.snooze': ANSWERING,
  'responseTargets.get': EVERYONE,
  'responseTargets.save': LEADING,
  'views.list': EVERYONE,
  'views.remember': EVERYONE,
  'views.save': EVERYONE,
  'views.delete': EVERYONE,
};

/**
 * Beyond the methods: who may take a conversation away from the colleague who has it
 * (`conversations.assign` over someone else's). Others assign only what is nobody's or their own.
 */
export const REASSIGN_ROLES: readonly Role[] = LEADING;

/** Whether a person in this role may call the method. */
export function roleMayCall(role: Role, method: MethodName): boolean {
  return METHOD_ROLES[method].includes(role);
}

/**
 * Who may receive each event: those who may call the method that reads the same thing (an event is
 * never a way round the table above), or everyone for the workspace's own state.
 */
export const EVENT_READERS: Record<EventName, MethodName> = {
  'message.added': 'conversations.get',
  'analysis.result': 'conversations.get',
  'analysis.status': 'analysis.status',
  progress: 'workspace.background',
  'coach.prompts': 'coach.prompts',
  'connection.changed': 'customers.connection',
  'followUps.changed': 'customers.profile',
  'conversation.changed': 'conversations.get',
  'tags.changed': 'tags.list',
  // and only to the draft's author (see mayReceive in the services)
  'draft.changed': 'drafts.save',
  'workspace.changed': 'workspace.status',
  'workspace.background': 'workspace.background',
  'people.changed': 'workspace.status',
  'teams.changed': 'teams.list',
  'presence.changed': 'presence.list',
  // "…is typing a note" too: an internal note is read by everyone who reads its conversation (the
  // executive included, who may not write one), so no role is told less (tests/electron/services/api/liveApi.test.ts)
  'activity.changed': 'activity.list',
};

/** What a role is called on screen. */
export const ROLE_LABELS: Record<Role, string> = { agent: 'agent', supervisor: 'supervisor', executive: 'executive', admin: 'admin' };
