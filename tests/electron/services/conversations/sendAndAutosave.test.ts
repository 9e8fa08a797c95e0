import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { sendAnyway, ok } from '../../../helpers/callApi';

/**
 * An autosave and the send of the same draft, the autosave still on its way when Send is pressed
 * (from another window, through another server process): the sent text never comes back as the
 * draft when the save reaches the host after the send — it names the message the draft was last
 * sent as, and finds it sent since. (The two running into each other on PostgreSQL, from two
 * server processes: checkThenWrite.test.ts.)
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);

describe.each(STORE_KINDS)('an autosave that reaches %s after the send', (kind) => {
  it('is not kept: the sent text does not come back as the draft, and what is typed after is saved', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const ingestion = createIngestionService(store, bus);
    const { conversationId } = await ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Ines Duarte', identities: [{ kind: 'chat', value: 'ines-duarte' }] },
      conversation: { externalRef: 'chat-ines' },
      message: { author: 'customer', body: 'Hello, where is my parcel?', sentAt: T0, externalId: 'ines-1' },
    });
    let clock = T0;
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => (clock += 1_000) });
    const marks: boolean[] = [];
    bus.subscribe((event) => {
      if (event.name === 'draft.changed') marks.push(event.payload.hasDraft);
    });
    const opened = await ok(api, 'conversations.get', { id: conversationId });
    expect(opened.draftsSentAs).toEqual({ reply: null, note: null });

    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Hi Ines, your parcel', afterSent: opened.draftsSentAs.reply });
    const sent = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hi Ines, your parcel is on its way.' });
    // the autosave sent before Send was pressed, arriving now: told the draft was sent, nothing saved
    const late = await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Hi Ines, your parcel is on', afterSent: opened.draftsSentAs.reply });
    expect(late).toEqual({ savedAt: null, sentAs: sent.id });
    const after = await ok(api, 'conversations.get', { id: conversationId });
    expect(after.drafts).toEqual({ reply: null, note: null });
    expect(after.conversation.hasDraft).toBe(false);
    expect(after.draftsSentAs).toEqual({ reply: sent.id, note: null });
    // (the queue's "draft" mark was announced by the first save only: the late one announced nothing)
    expect(marks).toEqual([true]);

    // the next reply, written after the send, names it and is saved
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Anything else?', afterSent: after.draftsSentAs.reply });
    expect((await ok(api, 'conversations.get', { id: conversationId })).drafts.reply).toMatchObject({ body: 'Anything else?' });
    // the note draft was never sent: any save of it is kept
    await ok(api, 'drafts.save', { conversationId, kind: 'note', body: 'Courier called', afterSent: null });
    expect((await ok(api, 'conversations.get', { id: conversationId })).drafts.note).toMatchObject({ body: 'Courier called' });
  });
});
