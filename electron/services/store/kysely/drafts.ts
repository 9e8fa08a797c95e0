import { DRAFT_KINDS, type Draft, type DraftKind } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';
import { holdKeys } from './keyLocks';

/** The last draft snapshot logged for a draft (its session event), and the edits since a full one. */
export interface DraftSnapshotMark {
  eventId: number;
  edits: number;
  editChars: number;
}

/** What a save of a draft edits: its last snapshot (null: none yet) and the message it was last sent as (null: never). */
export interface DraftEdited {
  snapshot: (DraftSnapshotMark & { text: string }) | null;
  sentAs: number | null;
}

const toDraft = (row: { kind: string; body: string; updated_at: number }): Draft => ({ kind: row.kind as DraftKind, body: row.body, savedAt: row.updated_at });

const NO_SNAPSHOT = { snapshot_event_id: null, snapshot_edits: 0, snapshot_edit_chars: 0 };

/** What a write of a draft's row sets. */
interface DraftRowValues {
  body: string;
  updated_at: number;
  snapshot_event_id: number | null;
  snapshot_edits: number;
  snapshot_edit_chars: number;
  sent_message_id?: number;
}

/** A person's drafts in a conversation (each kind or null), and the message each was last sent as (null: never). */
export interface PersonsDrafts {
  drafts: Record<DraftKind, Draft | null>;
  sentAs: Record<DraftKind, number | null>;
}

/**
 * Unsent replies and internal notes: one of each per conversation and person (user 0 when nobody is
 * signed in), kept apart so text never moves from one to the other; an empty draft is no draft. A
 * draft that was sent keeps its row, empty, remembering the message it was sent as (sentAs): a save
 * of the text from before that send is then known for what it is (conversationActions.saveDraft).
 */
export function createDraftsRepository(ctx: StoreContext) {
  /** Empties one kind of draft: its row goes, unless it remembers a send (then it stays, empty). */
  const remove = async (conversationId: number, userId: number | null, kind: DraftKind) => {
    const [removed] = await ctx.db().deleteFrom('drafts').where('conversation_id', '=', conversationId).where('user_id', '=', userId ?? 0).where('kind', '=', kind)
      .where('sent_message_id', 'is', null).execute();
    if (Number(removed?.numDeletedRows ?? 0) > 0) return;
    await ctx.db().updateTable('drafts').set({ body: '', ...NO_SNAPSHOT }).where('conversation_id', '=', conversationId).where('user_id', '=', userId ?? 0).where('kind', '=', kind).execute();
  };
  /** Writes one kind of draft's row, whether it is there yet or not. */
  const upsert = async (conversationId: number, userId: number | null, kind: DraftKind, values: DraftRowValues) => {
    await ctx.db().insertInto('drafts').values({ conversation_id: conversationId, user_id: userId ?? 0, kind, ...values })
      .onConflict((oc) => oc.columns(['conversation_id', 'user_id', 'kind']).doUpdateSet(values)).execute();
  };
  /** The person's drafts here and the message each was last sent as: one read of their rows (a sent one's is empty). */
  const ofPerson = async (conversationId: number, userId: number | null): Promise<PersonsDrafts> => {
    const drafts = Object.fromEntries(DRAFT_KINDS.map((kind) => [kind, null])) as Record<DraftKind, Draft | null>;
    const sentAs = Object.fromEntries(DRAFT_KINDS.map((kind) => [kind, null])) as Record<DraftKind, number | null>;
    const rows = await ctx.db().selectFrom('drafts').select(['kind', 'body', 'updated_at', 'sent_message_id']).where('conversation_id', '=', conversationId).where('user_id', '=', userId ?? 0).execute();
    for (const row of rows) {
      const kind = row.kind as DraftKind;
      if (row.body !== '') drafts[kind] = toDraft(row);
      if (row.sent_message_id !== null) sentAs[kind] = Number(row.sent_message_id);
    }
    return { drafts, sentAs };
  };
  return {
    /**
     * Inside a transaction: holds this one draft (the conversation's, the person's, of this kind)
     * until it commits, so that two saves of it at once — two server processes on PostgreSQL — log
     * their snapshots one after the other, each an edit of the one before, and a save and the send
     * of the same draft happen one after the other, never into each other. A key of its own (an
     * advisory lock: keyLocks.holdKeys), not the conversation's row: a draft being saved holds up no
     * arrival, reply or assignment in the conversation, nor anyone else's draft. On SQLite the write
     * transaction has the file to itself already. Lock order: a key, so taken before any row.
     */
    async hold(conversationId: number, userId: number | null, kind: DraftKind): Promise<void> {
      await holdKeys(ctx, [`draft:${conversationId}:${userId ?? 0}:${kind}`]);
    },
    /** Saves one kind of draft, with the snapshot just logged for it; an empty draft is removed. */
    async save(conversationId: number, userId: number | null, kind: DraftKind, body: string, at: number, snapshot: DraftSnapshotMark | null = null): Promise<void> {
      if (!body.trim()) {
        await remove(conversationId, userId, kind);
        return;
      }
      await upsert(conversationId, userId, kind, { body, updated_at: at, snapshot_event_id: snapshot?.eventId ?? null, snapshot_edits: snapshot?.edits ?? 0, snapshot_edit_chars: snapshot?.editChars ?? 0 });
    },
    /**
     * The draft went out as message `messageId`: it is emptied, and remembers that message, so a save
     * of it naming an earlier one (or none) is of text already sent. Inside the send's transaction,
     * with the draft held (hold) from before the conversation's row.
     */
    async markSent(conversationId: number, userId: number | null, kind: DraftKind, messageId: number, at: number): Promise<void> {
      await upsert(conversationId, userId, kind, { body: '', updated_at: at, ...NO_SNAPSHOT, sent_message_id: messageId });
    },
    /** The person's reply and note drafts here, each or null. */
    async byKind(conversationId: number, userId: number | null): Promise<Record<DraftKind, Draft | null>> {
      return (await ofPerson(conversationId, userId)).drafts;
    },
    /** The person's drafts here, and the message each was last sent as (null: never; what their saves name, afterSent): one read. */
    ofPerson,
    /** What a save of this draft edits (one read by key): its last snapshot's text and chain of edits, and the message it was last sent as. */
    async edited(conversationId: number, userId: number | null, kind: DraftKind): Promise<DraftEdited> {
      const row = await ctx.db().selectFrom('drafts').select(['body', 'snapshot_event_id', 'snapshot_edits', 'snapshot_edit_chars', 'sent_message_id'])
        .where('conversation_id', '=', conversationId).where('user_id', '=', userId ?? 0).where('kind', '=', kind).executeTakeFirst();
      const sentAs = row?.sent_message_id === null || row?.sent_message_id === undefined ? null : Number(row.sent_message_id);
      if (!row || row.snapshot_event_id === null) return { snapshot: null, sentAs };
      return { snapshot: { eventId: row.snapshot_event_id, text: row.body, edits: row.snapshot_edits, editChars: row.snapshot_edit_chars }, sentAs };
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
