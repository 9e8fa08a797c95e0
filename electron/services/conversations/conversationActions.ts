import { randomUUID } from 'node:crypto';
import type { ConversationStatus, ConversationSummary, Customer, DraftKind, Message, Priority, User } from '../../../shared/contract/domain';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { MethodOutput } from '../../../shared/contract/methods';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { nextSnapshot } from './draftSnapshots';
import { Refusal } from '../common/refusal';
import { cleanMessageMeta } from '../../../shared/contract/messageMeta';

/** Where the console's own e-mail Message-IDs live. */
const MESSAGE_ID_DOMAIN = 'kinship.local';

/**
 * What an agent does to a conversation in the console — reply, write a note, change its status,
 * keep a draft — each saved at once and logged for replays. Replies enter through the same
 * ingestion service as everything else, so they are indexed, read and announced the same way.
 */
export function createConversationActions(store: Store, ingestion: IngestionService, now: () => number = Date.now) {
  /** E-mail replies carry the headers that thread them in the customer's mail client. */
  async function emailHeaders(conversationId: number, subject: string | null) {
    // stored details are read through the contract's check: a workspace written before it may hold anything
    const previous = (await store.messages
      .listForConversation(conversationId))
      .map((message) => cleanMessageMeta('email', message.meta).meta)
      .filter((meta) => typeof meta.messageId === 'string');
    const last = previous[previous.length - 1];
    const references = last ? [...(last.references ?? []), String(last.messageId)].slice(-20) : [];
    return {
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
      ...(last ? { inReplyTo: String(last.messageId), references } : {}),
      subject: subject ? (/^re:/i.test(subject) ? subject : `Re: ${subject}`) : 'Re: your message',
    };
  }

  /** The refusal for a conversation someone else has: who, and since when (its last assignment). */
  async function takenBy(conversation: ConversationSummary): Promise<Refusal> {
    const holder = conversation.assignee;
    if (!holder) return new Refusal('conflict', 'The conversation changed hands while this was asked: look again.');
    const since = (await store.sessionEvents.lastInConversation(conversation.id, 'assignment.changed'))?.at ?? null;
    return new Refusal('conflict', `${holder.name} has this conversation.`, { kind: 'taken', conversationId: conversation.id, holder, since });
  }

  /**
   * Inside the assignment's transaction, after its conversation is held: the team the conversation
   * will have (the one given, or the one it keeps) exists and the person it will have, if any, is on
   * it — a conversation of a team keeps a person only if they are on the team. The team is held until
   * the write commits, so neither its deletion nor a change of its members slips in between.
   */
  async function checkTeam(teamId: number | null, assigneeId: number | null, advice = 'assign it to the team, or to someone on it'): Promise<void> {
    if (teamId === null) return;
    const team = await store.teams.holdForAssignment(teamId);
    if (!team) throw new Refusal('not-found', `There is no team ${teamId}.`);
    if (assigneeId === null || await store.teams.isMember(team.id, assigneeId)) return;
    const name = (await store.users.getById(assigneeId))?.name ?? `Person ${assigneeId}`;
    throw new Refusal('invalid-input', `${name} is not on ${team.name}: ${advice}.`);
  }

  return {
    /**
     * Stores a reply or a note the agent wrote and clears that kind's draft (the other kind's draft
     * stays), in one write. The send workflow (sendWorkflow.ts) is the one caller: it checks first,
     * and hands over the conversation's customer when it has read it already (ingestion's holdForPost),
     * its transaction then holding the message's keys and the conversation's row (holdForWrite).
     */
    async post(input: { conversationId: number; kind: DraftKind; body: string; user: User | null; customer?: Customer | null }): Promise<Message> {
      const conversation = await store.conversations.getSummary(input.conversationId);
      if (!conversation) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const customer = input.customer?.id === conversation.customer.id ? input.customer : (await store.customers.getById(conversation.customer.id))!;
      const at = now();
      const item: IngestMessage = {
        channel: conversation.channel,
        customer: { displayName: customer.displayName, identities: customer.identities },
        conversation: { id: conversation.id },
        message: {
          author: input.kind === 'note' ? 'note' : 'agent',
          body: input.body,
          sentAt: at,
          externalId: `console-${randomUUID()}`,
          ...(input.user ? { authorName: input.user.name, authorEmail: input.user.email } : { authorName: 'Agent' }),
          ...(conversation.channel === 'email' && input.kind === 'reply' ? { meta: await emailHeaders(conversation.id, conversation.subject) } : {}),
        },
      };
      // the reply and the clearing of its draft are one write: a failure between them leaves neither
      // (the message is announced once it commits: the bus waits for it). The draft is held by the
      // caller from before the conversation's row (sendWorkflow: keys before rows)
      // the caller's open transaction holds the message's keys and the conversation's row already: not asked for again
      const held = customer === input.customer && store.inTransaction() ? { heldForPost: customer } : {};
      return await store.transaction(async () => {
        const result = await ingestion.ingest(item, held);
        // emptied, remembering the message it went out as: a save of it still on its way is told so
        await store.drafts.markSent(conversation.id, input.user?.id ?? null, input.kind, result.messageId, at);
        const stored = (await store.messages.getById(result.messageId))!;
        return { ...stored, reading: null };
      });
    },

    async setStatus(input: { conversationId: number; status: ConversationStatus; user: User | null }) {
      const before = await store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      await store.transaction(async () => {
        if (!await store.conversations.setStatus(input.conversationId, input.status, at)) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
        await store.sessionEvents.append({
          at,
          kind: 'status.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          payload: { from: before.status, to: input.status },
        });
      });
      return (await store.conversations.getSummary(input.conversationId))!;
    },

    async setPriority(input: { conversationId: number; priority: Priority; user: User | null }) {
      const before = await store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      await store.transaction(async () => {
        if (!await store.conversations.setPriority(input.conversationId, input.priority, at)) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
        await store.sessionEvents.append({
          at,
          kind: 'priority.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          payload: { from: before.priority, to: input.priority },
        });
      });
      return (await store.conversations.getSummary(input.conversationId))!;
    },

    /**
     * Takes an unassigned conversation for `user`: one conditional write that lands only while
     * nobody has it, so of two people taking it at once exactly one gets it. The other is refused
     * with who has it and since when, and nothing of theirs is written. Taking one's own again
     * changes nothing (`changed` false: nothing to tell anyone). A conversation of a team is taken
     * only by someone on the team, as an assignment is (checkTeam, in the write). The conversation as
     * `user` sees it.
     */
    async take(input: { conversationId: number; user: User }): Promise<{ conversation: ConversationSummary; changed: boolean }> {
      const { conversationId, user } = input;
      const at = now();
      return await store.transaction(async () => {
        // held, then its team (the order an assignment holds them in): the team read is the one it keeps
        await store.conversations.holdForWrite(conversationId);
        const current = await store.conversations.getSummary(conversationId, user.id);
        if (!current) throw new Refusal('not-found', `There is no conversation ${conversationId}.`);
        if (current.assignee?.id === user.id) return { conversation: current, changed: false };
        if (current.assignee) throw await takenBy(current);
        const teamId = current.team?.id ?? null;
        await checkTeam(teamId, user.id, 'a conversation of a team is taken by someone on it');
        if (!await store.conversations.takeIfUnassigned(conversationId, user.id, at)) throw await takenBy((await store.conversations.getSummary(conversationId, user.id))!);
        await store.sessionEvents.append({
          at, kind: 'assignment.changed', conversationId, messageId: null, userId: user.id,
          // the team it stays in, as an assignment logs it: a replay shows whose queue it was taken from
          payload: { from: null, to: user.id, taken: true, ...(teamId !== null ? { fromTeam: teamId, toTeam: teamId } : {}) },
        });
        return { conversation: (await store.conversations.getSummary(conversationId, user.id))!, changed: true };
      });
    },

    /**
     * Assigns the conversation to a person (or to nobody) and, when `teamId` is given, to a team (or
     * to none; undefined keeps its team). Unless `mayReassign` (the permission table's
     * REASSIGN_ROLES), only a conversation that is nobody's or the caller's own is assigned, in one
     * conditional write: someone else's is refused with who has it. A person given to a conversation
     * of a team (given now or kept) must be on that team; checked in the write (checkTeam).
     */
    async assign(input: { conversationId: number; assigneeId: number | null; teamId?: number | null | undefined; user: User | null; mayReassign?: boolean }) {
      const before = await store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      await store.transaction(async () => {
        // held while it is read and written: two assignments at once log each other's change, not the same "from"
        await store.conversations.holdForWrite(input.conversationId);
        const current = await store.conversations.getSummary(input.conversationId);
        const from = current?.assignee?.id ?? null;
        const fromTeam = current?.team?.id ?? null;
        await checkTeam(input.teamId === undefined ? fromTeam : input.teamId, input.assigneeId);
        const applied = input.mayReassign !== false
          ? await store.conversations.setAssignee(input.conversationId, input.assigneeId, at, input.teamId)
          : await store.conversations.assignIfUnassignedOrOwn(input.conversationId, input.assigneeId, input.user?.id ?? 0, at, input.teamId);
        if (!applied) throw await takenBy((await store.conversations.getSummary(input.conversationId))!);
        await store.sessionEvents.append({
          at,
          kind: 'assignment.changed',
          conversationId: input.conversationId,
          messageId: null,
          userId: input.user?.id ?? null,
          // the team too when it was given (or the conversation has one): a replay shows whose queue it was in
          payload: { from, to: input.assigneeId, ...(input.teamId !== undefined || fromTeam !== null ? { fromTeam, toTeam: input.teamId === undefined ? fromTeam : input.teamId } : {}) },
        });
      });
      return (await store.conversations.getSummary(input.conversationId))!;
    },

    /**
     * Saves the reply or the note draft (an empty one is removed) and logs a snapshot for replays.
     * `afterSent` is the message the author knows this draft was last sent as (null: none; undefined:
     * not compared): when it has been sent since — a save still on its way when Send was pressed, in
     * another window or server process — nothing is saved (savedAt null), so the sent text never
     * comes back as a draft. Not an error: the text is in the thread; the answer names the message it
     * was sent as (sentAs), so the author can save what they typed since as the next draft.
     */
    async saveDraft(input: { conversationId: number; kind: DraftKind; body: string; afterSent?: number | null | undefined; user: User | null }): Promise<MethodOutput<'drafts.save'>> {
      // the conversation's customer, one read by key: an autosave runs as people type
      if ((await store.conversations.customerIdOf(input.conversationId)) === null) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      const userId = input.user?.id ?? null;
      return await store.transaction(async () => {
        // this draft is held while it is read and written: two saves at once each edit the snapshot
        // before, never both the same one (a chain a replay could not follow), and a send of it (which
        // holds it too) comes wholly before or after. Its own key, not the conversation's row: an
        // autosave holds up no arrival or reply in the conversation
        await store.drafts.hold(input.conversationId, userId, input.kind);
        const { snapshot, sentAs } = await store.drafts.edited(input.conversationId, userId, input.kind);
        if (input.afterSent !== undefined && sentAs !== null && sentAs > (input.afterSent ?? 0)) return { savedAt: null, sentAs };
        // the log keeps what changed since the last snapshot, not the whole draft again (see draftSnapshots)
        const { payload, edits, editChars } = nextSnapshot(input.kind, input.body, snapshot);
        const eventId = await store.sessionEvents.append({
          at,
          kind: 'draft.snapshot',
          conversationId: input.conversationId,
          messageId: null,
          userId,
          payload: { ...payload },
        });
        await store.drafts.save(input.conversationId, userId, input.kind, input.body, at, { eventId, edits, editChars });
        return { savedAt: at };
      });
    },
  };
}

export type ConversationActions = ReturnType<typeof createConversationActions>;
