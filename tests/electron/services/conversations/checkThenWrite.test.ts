import { describe, expect, it, onTestFinished } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createCallActions } from '../../../../electron/services/conversations/callActions';
import { createConversationActions } from '../../../../electron/services/conversations/conversationActions';
import { createSendWorkflow } from '../../../../electron/services/conversations/sendWorkflow';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore } from '../../../helpers/bothStores';
import { blockedOrDone, type LockWait } from '../../../helpers/lockWaits';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Writes that read the conversation's state and then write on what they read — an assignment
 * logging whom it took the conversation from, a draft's snapshot edited from the one before, a call
 * started only when none is in progress — at the same moment from two server processes on
 * PostgreSQL. Each holds the conversation's row from its read to its commit: the second waits and
 * reads what the first wrote. (Each test holds the first write open until the second is stuck
 * behind it, or has gone past: that is what a missing lock looks like.)
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const noCoach = { checkDraft: async () => [], settle: async () => [] };
const hello: IngestMessage = {
  channel: 'voice',
  customer: { displayName: 'Ines Duarte', identities: [{ kind: 'phone', value: '+351 912 345 678' }] },
  conversation: { externalRef: 'call-ines' },
  message: { author: 'customer', body: 'Hello?', sentAt: T0, externalId: 'm1' },
};

async function twoProcesses() {
  const { store } = await openTestStore('postgres');
  const url = await testPostgresDatabase();
  const other = await openPostgresStore(url, { poolSize: 4 });
  onTestFinished(() => other.close());
  const { conversationId } = await createIngestionService(store, createEventBus()).ingest(hello);
  return { store, other, url, conversationId };
}

/**
 * The store, with `other` started while a draft save on it is between reading its last snapshot and
 * writing the next, held there until `other` is stuck on a lock or done: what it waited for (null: nothing).
 */
function meetingADraftSave(store: Store, url: string, other: () => Promise<unknown>) {
  const met: { racing: Promise<unknown> | null; waits: LockWait[] | null } = { racing: null, waits: [] };
  const first: Store = {
    ...store,
    drafts: {
      ...store.drafts,
      edited: async (...args: Parameters<Store['drafts']['edited']>) => {
        const last = await store.drafts.edited(...args);
        met.racing ??= other();
        met.waits = await blockedOrDone(url, met.racing);
        return last;
      },
    },
  };
  return { first, met };
}

describe('check, then write, at once from two server processes on PostgreSQL', () => {
  it('assignments: the second logs the first’s assignee as the one it took the conversation from', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const hannah = await store.users.create({ name: 'Hannah Berg', email: 'hannah@kinship.example', role: 'agent' }, T0);
    const omar = await store.users.create({ name: 'Omar Haddad', email: 'omar@kinship.example', role: 'agent' }, T0);
    const second = createConversationActions(other, createIngestionService(other, createEventBus()), () => T0 + 2);
    let racing: Promise<unknown> | null = null;
    const first: Store = {
      ...store,
      conversations: {
        ...store.conversations,
        // between reading whom it has and writing the new assignee, the other assignment comes in
        setAssignee: async (...args: Parameters<Store['conversations']['setAssignee']>) => {
          racing ??= second.assign({ conversationId, assigneeId: omar.id, user: null });
          await blockedOrDone(url, racing);
          return store.conversations.setAssignee(...args);
        },
      },
    };
    await createConversationActions(first, createIngestionService(first, createEventBus()), () => T0 + 1).assign({ conversationId, assigneeId: hannah.id, user: null });
    await racing;
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed').map((event) => event.payload);
    expect(log).toEqual([{ from: null, to: hannah.id }, { from: hannah.id, to: omar.id }]);
    expect((await store.conversations.getSummary(conversationId))?.assignee?.id).toBe(omar.id);
  });

  it('draft saves: each snapshot edits the one logged before it', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const second = createConversationActions(other, createIngestionService(other, createEventBus()), () => T0 + 2);
    await second.saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines', user: null });
    // the last snapshot is read; the other save comes in before this one logs its edit of it
    const { first, met } = meetingADraftSave(store, url, () => second.saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel is on its way.', user: null }));
    await createConversationActions(first, createIngestionService(first, createEventBus()), () => T0 + 1).saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel', user: null });
    await met.racing;
    const snapshots = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'draft.snapshot').sort((a, b) => a.id - b.id);
    expect(snapshots).toHaveLength(3);
    // a chain a replay can follow: every edit is of the snapshot just before it
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i]!.payload).toMatchObject({ of: snapshots[i - 1]!.id });
  });

  it('draft saves hold their own draft, not the conversation: a message arriving meanwhile is not held up by an autosave', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const arriving = createIngestionService(other, createEventBus());
    // the autosave is in the middle of its write when the customer's next message comes in
    const { first, met } = meetingADraftSave(store, url, () => arriving.ingest({ ...hello, message: { ...hello.message, body: 'Are you still there?', sentAt: T0 + 5, externalId: 'm2' } }));
    await createConversationActions(first, createIngestionService(first, createEventBus()), () => T0 + 1).saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines', user: null });
    await met.racing;
    // it was stored while the autosave was still open (before: it waited for the autosave's commit)
    expect(met.waits).toBeNull();
    expect((await store.messages.listForConversation(conversationId)).map((message) => message.body)).toEqual(['Hello?', 'Are you still there?']);
    expect(await store.drafts.byKind(conversationId, null)).toMatchObject({ reply: { body: 'Hi Ines' } });
  });

  it('calls: of two starts at once one is refused, and one call is started', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const second = createCallActions(other, createIngestionService(other, createEventBus()), () => T0 + 2);
    let racing: Promise<unknown> | null = null;
    const first: Store = {
      ...store,
      messages: {
        ...store.messages,
        // no call in progress, it reads; the other start comes in before this one writes
        listForConversation: async (id: number) => {
          const messages = await store.messages.listForConversation(id);
          racing ??= second.start(conversationId, null);
          await blockedOrDone(url, racing);
          return messages;
        },
      },
    };
    const outcomes = await Promise.allSettled([createCallActions(first, createIngestionService(first, createEventBus()), () => T0 + 1).start(conversationId, null), (async () => {
      while (!racing) await new Promise((resolve) => setImmediate(resolve));
      return racing;
    })()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { kind: 'conflict' } });
    expect((await store.messages.listForConversation(conversationId)).filter((message) => message.body === 'Call started')).toHaveLength(1);
  });

  it('a draft’s send and its autosave: the send waits for the autosave under way, then empties the draft', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const sender = createSendWorkflow({ store: other, ingestion: createIngestionService(other, createEventBus()), coach: noCoach, findPromises: () => [], now: () => T0 + 2 });
    await createConversationActions(store, createIngestionService(store, createEventBus()), () => T0).saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines', user: null });
    // the autosave holds its draft; the send comes in before it has written
    const met: { sending: Promise<unknown> | null; waits: LockWait[] | null } = { sending: null, waits: null };
    const saving: Store = {
      ...store,
      drafts: {
        ...store.drafts,
        hold: async (...args: Parameters<Store['drafts']['hold']>) => {
          await store.drafts.hold(...args);
          met.sending ??= sender.send({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel is on its way.', user: null });
          met.waits = await blockedOrDone(url, met.sending);
        },
      },
    };
    await createConversationActions(saving, createIngestionService(saving, createEventBus()), () => T0 + 1).saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel', user: null });
    await expect(met.sending).resolves.toMatchObject({ outcome: 'sent' });
    // the send waited for the autosave's draft (before: it went past, and the autosave wrote its text back after it)
    expect(met.waits).toEqual([expect.objectContaining({ locktype: 'advisory' })]);
    expect(await store.drafts.byKind(conversationId, null)).toEqual({ reply: null, note: null });
  });

  it('a draft’s send and its autosave: an autosave coming in while the send is under way waits for it, then finds the draft sent', async () => {
    const { store, other, url, conversationId } = await twoProcesses();
    const autosave = createConversationActions(store, createIngestionService(store, createEventBus()), () => T0 + 1);
    const met: { saving: Promise<{ savedAt: number | null }> | null; waits: LockWait[] | null } = { saving: null, waits: null };
    const sending: Store = {
      ...other,
      conversations: {
        ...other.conversations,
        // the send holds the draft and is about to hold the conversation's row
        holdForWrite: async (...args: Parameters<Store['conversations']['holdForWrite']>) => {
          met.saving ??= autosave.saveDraft({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel', afterSent: null, user: null });
          met.waits = await blockedOrDone(url, met.saving);
          return other.conversations.holdForWrite(...args);
        },
      },
    };
    const sender = createSendWorkflow({ store: sending, ingestion: createIngestionService(sending, createEventBus()), coach: noCoach, findPromises: () => [], now: () => T0 + 2 });
    await expect(sender.send({ conversationId, kind: 'reply', body: 'Hi Ines, your parcel is on its way.', user: null })).resolves.toMatchObject({ outcome: 'sent' });
    expect(met.waits).toEqual([expect.objectContaining({ locktype: 'advisory' })]);
    await expect(met.saving).resolves.toEqual({ savedAt: null, sentAs: expect.any(Number) });
    expect(await store.drafts.byKind(conversationId, null)).toEqual({ reply: null, note: null });
  });
});
