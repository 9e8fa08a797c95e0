import type { ConversationSummary, User, WorkspaceStatus } from '../../shared/contract/domain';

/** A ready workspace of one chat conversation, as the Node side answers workspace.status for `me`. */
export const workspaceStatusFor = (me: User): WorkspaceStatus => ({
  store: { state: 'ready', path: '/tmp/kinship.sqlite', schemaVersion: 21 },
  counts: { customers: 1, conversations: 1, messages: 1, byChannel: { chat: 1, email: 0, voice: 0 } },
  host: 'web',
  role: me.role,
  currentUser: me,
  viewingAs: null,
  canViewAs: false,
  startedEmpty: false,
});

/** That conversation: Sam Carter's open chat 70 about a missing parcel, nobody's yet. */
export const missingParcel: ConversationSummary = {
  id: 70, channel: 'chat', status: 'open', subject: 'Missing parcel', queue: 'general', assignee: null, team: null,
  customer: { id: 7, displayName: 'Sam Carter' }, lastMessage: null, messageCount: 1, createdAt: 0, updatedAt: 0, priority: 'normal',
  unread: false, hasDraft: false, waitingSince: null, mood: null, followUpDueAt: null, connection: null, tags: [], snoozedUntil: null, responseClock: null,
};
