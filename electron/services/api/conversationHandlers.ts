import { ApiError } from '../../../shared/contract/errors';
import { THREAD_PAGE, type Message } from '../../../shared/contract/domain';
import { sampleTrack } from '../conversations';
import { activeCallStartIn, createCallActions } from '../conversations';
import { createConversationActions, createSendWorkflow, type SendCoach } from '../conversations';
import { detectPromises } from '../followups';
import type { Handlers } from './dispatch';
import type { EventBus } from '../events/eventBus';
import { REASSIGN_ROLES, roleMayCall } from '../../../shared/contract/permissions';
import type { User } from '../../../shared/contract/domain';
import { rolesOf } from './caller';
import { teamFilter } from './teamFilter';

/** Whether a person answers customers (may send in a conversation): the people conversations are assigned to. */
const mayAnswer = (user: User) => roleMayCall(user.role, 'conversations.send');
import type { ReadyWorkspace } from './workspace';

/** How many messages a conversation opened at a search hit far back shows (from 20 before the hit). */
const AROUND_WINDOW = 300;

type ConversationHandlers = Pick<
  Handlers,
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.olderMessages'
  | 'conversations.track'
  | 'conversations.send'
  | 'conversations.setStatus'
  | 'conversations.assign'
  | 'conversations.take'
  | 'conversations.assignees'
  | 'conversations.markRead'
  | 'conversations.setPriority'
  | 'calls.start'
  | 'calls.note'
  | 'calls.end'
  | 'drafts.save'
  | 'messages.search'
>;

/** The inbox and the conversation: read them, answer them, change their status, keep drafts. */
/** Every handler acts as its caller: drafts, reads and "me" are theirs, and what it writes is attributed to them. */
export function createConversationHandlers(ready: () => ReadyWorkspace, now: () => number, coach: () => SendCoach, bus: EventBus): ConversationHandlers {
  const actions = () => {
    const { store, ingestion } = ready();
    return createConversationActions(store, ingestion, now);
  };
  const mustExist = async (id: number) => {
    if (!(await ready().store.conversations.getSummary(id))) throw new ApiError('not-found', `There is no conversation ${id}.`);
  };

  /** A step of a call, in a voice conversation, refused with a plain reason when it makes no sense now. */
  async function callStep<T>(conversationId: number, step: (calls: ReturnType<typeof createCallActions>) => Promise<T>): Promise<T> {
    const { store, ingestion } = ready();
    const conversation = await store.conversations.getSummary(conversationId);
    if (!conversation) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
    if (conversation.channel !== 'voice') throw new ApiError('conflict', 'Calls are made in voice conversations.');
    return step(createCallActions(store, ingestion, now));
  }

  async function withReadings(messages: Omit<Message, 'reading'>[]): Promise<Message[]> {
    const readings = await ready().store.analyses.latestForMessages(messages.map((message) => message.id));
    return messages.map((message) => ({ ...message, reading: readings.get(message.id) ?? null }));
  }

  return {
    'conversations.list': ({ channel, status, customerId, assignee, team, mood, tagId, breached, sort, limit, offset }, caller) => {
      const me = caller.person.id;
      return ready().store.conversations.list({ channel, status, customerId, assignee: assignee === 'me' ? me : assignee, ...teamFilter(team, me), mood, tagId, breachedAt: breached ? now() : undefined }, limit, offset, sort, me);
    },
    'conversations.get': async ({ id, aroundMessageId }, caller) => {
      const { store } = ready();
      const conversation = await store.conversations.getSummary(id, caller.person.id);
      if (!conversation) throw new ApiError('not-found', `There is no conversation ${id}.`);
      const customer = (await store.customers.getById(conversation.customer.id))!;
      // the newest page; or, for a message further back (a search hit), a little before it onwards
      const around = aroundMessageId !== undefined ? await store.messages.getById(aroundMessageId) : null;
      if (aroundMessageId !== undefined && around?.conversationId !== id) throw new ApiError('not-found', `Conversation ${id} has no message ${aroundMessageId}.`);
      let page: { messages: Omit<Message, 'reading'>[]; olderCount: number; newerCount: number } = { ...(await store.messages.pageOfConversation(id, THREAD_PAGE, null)), newerCount: 0 };
      if (around && !page.messages.some((message) => message.id === around.id)) {
        // a stretch around the hit (a little before, more after), not everything up to the newest
        const lead = (await store.messages.pageOfConversation(id, 20, { sentAt: around.sentAt, id: around.id })).messages[0] ?? around;
        page = await store.messages.fromMessageOfConversation(id, { sentAt: lead.sentAt, id: lead.id }, AROUND_WINDOW);
      }
      const messages = await withReadings(page.messages);
      // a call in progress started in the page (a voice thread is short); otherwise the whole thread is asked
      const activeCallStartedAt = conversation.channel !== 'voice' ? null : page.olderCount === 0 ? activeCallStartIn(messages) : activeCallStartIn(await store.messages.listForConversation(id));
      // the drafts and what each was last sent as: one read
      const { drafts, sentAs: draftsSentAs } = await store.drafts.ofPerson(id, caller.person.id);
      const draft = [drafts.reply, drafts.note].filter((saved) => saved !== null).sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
      return { conversation, customer, messages, olderCount: page.olderCount, newerCount: page.newerCount, draft, drafts, draftsSentAs, activeCallStartedAt };
    },
    'conversations.track': async ({ id }) => {
      await mustExist(id);
      return sampleTrack(await ready().store.analyses.trackOfConversation(id));
    },
    'conversations.olderMessages': async ({ id, beforeMessageId, limit }) => {
      const { store } = ready();
      const before = await store.messages.getById(beforeMessageId);
      if (before?.conversationId !== id) throw new ApiError('not-found', `Conversation ${id} has no message ${beforeMessageId}.`);
      const page = await store.messages.pageOfConversation(id, limit, { sentAt: before.sentAt, id: before.id });
      return { messages: await withReadings(page.messages), olderCount: page.olderCount };
    },
    'conversations.send': async ({ conversationId, kind, body, draftCheck, thenStatus, seenMessageId, collisionOverride }, caller) => {
      // (the send reads the conversation first, and refuses one that is not there: not-found)
      const { store, ingestion } = ready();
      const workflow = createSendWorkflow({ store, ingestion, coach: coach(), findPromises: detectPromises, now });
      return workflow.send({ conversationId, kind, body, draftCheck, thenStatus, seenMessageId, collisionOverride, user: caller.person });
    },
    'conversations.setStatus': async ({ id, status }, caller) => {
      await mustExist(id);
      // a snooze has a time to come back at (conversations.snooze)
      if (status === 'snoozed') throw new ApiError('invalid-input', 'Say until when: a conversation is snoozed until a time.');
      return actions().setStatus({ conversationId: id, status, user: caller.person });
    },
    'conversations.setPriority': async ({ id, priority }, caller) => {
      await mustExist(id);
      return actions().setPriority({ conversationId: id, priority, user: caller.person });
    },
    'conversations.markRead': async ({ id }, caller) => {
      await mustExist(id);
      const viewer = caller.person.id;
      await ready().store.conversations.markRead(id, viewer, now());
      return (await ready().store.conversations.getSummary(id, viewer))!;
    },
    'conversations.assign': async ({ id, assignee, teamId }, caller) => {
      await mustExist(id);
      const user = assignee === 'me' ? caller.person : assignee === null ? null : await ready().store.users.getById(assignee);
      if (assignee !== null && !user) throw new ApiError('not-found', `There is no user ${String(assignee)}.`);
      if (user && (await ready().store.people.byId(user.id))?.active === false) throw new ApiError('invalid-input', `${user.name} has been deactivated: conversations are assigned to people of the team.`);
      if (user && !mayAnswer(user)) throw new ApiError('invalid-input', `${user.name} does not answer customers: conversations are assigned to those who do.`);
      // the team (given, or the conversation's own) and the person's place on it are checked in the write
      // someone else's conversation is theirs to keep, unless the caller may reassign (the permission table)
      const mayReassign = rolesOf(caller).every((role) => REASSIGN_ROLES.includes(role));
      const assigned = await actions().assign({ conversationId: id, assigneeId: user?.id ?? null, teamId, user: caller.person, mayReassign });
      bus.emit('conversation.changed', { conversationId: id, reason: 'assigned' });
      return assigned;
    },
    'conversations.take': async ({ id }, caller) => {
      const { conversation, changed } = await actions().take({ conversationId: id, user: caller.person });
      // taking one's own again tells nobody anything
      if (changed) bus.emit('conversation.changed', { conversationId: id, reason: 'assigned' });
      return (await ready().store.conversations.getSummary(id, caller.person.id)) ?? conversation;
    },
    'conversations.assignees': async () => {
      const { store } = ready();
      const open = await store.conversations.openCountsByAssignee();
      // the people of the workspace who answer customers, not those deactivated
      return (await store.people
        .list(now()))
        .filter((person) => person.active && mayAnswer(person))
        .map(({ id, name, email, role }) => ({ user: { id, name, email, role }, open: open.get(id) ?? 0 }));
    },
    'calls.start': async ({ conversationId }, caller) => await callStep(conversationId, (calls) => calls.start(conversationId, caller.person)),
    'calls.note': ({ conversationId, text }, caller) => callStep(conversationId, (calls) => calls.note(conversationId, text, caller.person)),
    'calls.end': async ({ conversationId, disposition, summary, timeZone }, caller) => await callStep(conversationId, (calls) => calls.end(conversationId, disposition, summary, caller.person, timeZone)),
    // (saveDraft refuses a conversation that does not exist itself: the autosave looks it up once)
    'drafts.save': async ({ conversationId, kind, body, afterSent }, caller) => await actions().saveDraft({ conversationId, kind, body, afterSent, user: caller.person }),
    'messages.search': async ({ query, limit, channel, status, assignee, team, mood, tagId, breached }, caller) => {
      const started = performance.now();
      const { store } = ready();
      const found = await store.search.find(query, { channel, status, assignee: assignee === 'me' ? caller.person.id : assignee, ...teamFilter(team, caller.person.id), mood, tagId }, limit);
      // a response-time breach depends on the targets and the time now: checked on the few hits found
      const at = now();
      const clocks = breached ? await store.conversations.responseClocks(found.map((hit) => hit.conversationId)) : null;
      const hits = clocks
        ? found.filter((hit) => {
            const clock = clocks.get(hit.conversationId);
            return clock !== null && clock !== undefined && clock.dueAt < at;
          })
        : found;
      return { hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    },
  };
}
