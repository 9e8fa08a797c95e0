import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../../shared/contract/analysis';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/** The store's side of paging the analysis backlog and of reading a batch in one query: the same answers on both stores. */
const model = { modelId: 'ekman', modelVersion: 'v1' };
const reading = (sentiment: number): Reading => ({
  analyzer: 'model', ...model, sentiment, sentimentClass: sentiment < 0 ? 'negative' : 'positive',
  emotions: { anger: 0.5 }, dominant: { emotion: 'anger', score: 0.5 }, labels: {}, words: 2, windows: 1, truncated: false,
});

describe.each(STORE_KINDS)('backlog pages and batch reads on %s', (kind) => {
  it('pages the unread customer and agent messages newest stored first, and counts the same slices', async () => {
    const { store, exec } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) ids.push((await ingestion.ingest(customerMessage(`Message ${i}`, i === 4 ? { author: 'note', authorName: 'Priya' } : {}), { notify: false })).messageId);
    const note = ids[4]!;
    // read already: 7; claimed by another process now: 2 (and a claim of this one's own, and one run out)
    await store.analyses.insert({ messageId: ids[7]!, draftId: null, textHash: 'h7', reading: reading(-0.5), latencyMs: 1, createdAt: 1 });
    await exec('INSERT INTO analysis_claims (message_id, claimed_by, claimed_until) VALUES (?, ?, ?)', ids[2]!, 'other', 5000);
    await exec('INSERT INTO analysis_claims (message_id, claimed_by, claimed_until) VALUES (?, ?, ?)', ids[3]!, 'me', 5000);
    await exec('INSERT INTO analysis_claims (message_id, claimed_by, claimed_until) VALUES (?, ?, ?)', ids[5]!, 'other', 500);
    const claims = { by: 'me', at: 1000 };
    const unread = [8, 6, 5, 3, 1, 0].map((i) => ids[i]!);

    const pages: number[][] = [];
    let below: number | null = null;
    do {
      const page = await store.analyses.backlogPage(model, below, 3, claims);
      pages.push(page.ids);
      below = page.next;
    } while (below !== null);
    // three messages looked at a page (the note is not one of them): 8 7 6 | 5 3 2 | 1 0
    expect(pages).toEqual([[ids[8], ids[6]], [ids[5], ids[3]], [ids[1], ids[0]]]);
    expect(pages.flat()).toEqual(unread);
    expect(pages.flat()).not.toContain(note);

    let counted = 0;
    let slices = 0;
    below = null;
    do {
      const slice = await store.analyses.countBacklog(model, below, 3, claims);
      counted += slice.unread;
      slices += 1;
      below = slice.next;
    } while (below !== null);
    expect({ counted, slices }).toEqual({ counted: unread.length, slices: 3 });
    // without claims, what others claimed is unread too; another model has read nothing
    expect((await store.analyses.backlogPage(model, null, 100)).ids).toEqual([8, 6, 5, 3, 2, 1, 0].map((i) => ids[i]));
    expect(await store.analyses.backlogPage({ modelId: 'ekman', modelVersion: null }, null, 100)).toEqual({ ids: [...ids].reverse().filter((id) => id !== note), next: null });
    expect(await store.analyses.countBacklog(model, ids[0]!, 5)).toEqual({ unread: 0, next: null });

    // a process lets go of all of its claims, and only of its own: the other sees the one it held as unread now
    const seenByOther = { by: 'other', at: 1000 };
    expect((await store.analyses.backlogPage(model, null, 100, seenByOther)).ids).toEqual([8, 6, 5, 2, 1, 0].map((i) => ids[i]));
    await store.analyses.releaseAllClaims('me');
    expect((await store.analyses.backlogPage(model, null, 100, seenByOther)).ids).toEqual([8, 6, 5, 3, 2, 1, 0].map((i) => ids[i]));
    expect((await store.analyses.backlogPage(model, null, 100, claims)).ids).toEqual(unread);
  });

  it('reads several messages, their last contacts and the cached readings of several texts in one query each', async () => {
    const { store } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const first = await ingestion.ingest(customerMessage('Hello there'), { notify: false });
    const second = await ingestion.ingest(customerMessage('Where is it?', {}, 'email'), { notify: false });
    const many = await store.messages.getManyForReading([first.messageId, second.messageId, 999_999]);
    expect([...many.keys()].sort()).toEqual([first.messageId, second.messageId].sort());
    expect(many.get(second.messageId)).toEqual(await store.messages.getForReading(second.messageId));
    expect(many.get(second.messageId)).toMatchObject({ channel: 'email', body: 'Where is it?', conversationId: second.conversationId });

    const contacts = await store.messages.lastContactAt([first.conversationId, second.conversationId, 999_999]);
    const sentAt = async (conversationId: number) => (await store.messages.pageOfConversation(conversationId, 1, null)).messages[0]!.sentAt;
    expect(contacts).toEqual(new Map([[first.conversationId, await sentAt(first.conversationId)], [second.conversationId, await sentAt(second.conversationId)]]));
    expect(await store.messages.lastContactAt([])).toEqual(new Map());

    // the newest reading of each text by this model and version; other versions and texts never read are absent
    await store.analyses.insert({ messageId: first.messageId, draftId: null, textHash: 'same', reading: reading(-0.2), latencyMs: 1, createdAt: 1 });
    await store.analyses.insert({ messageId: null, draftId: 'd', textHash: 'same', reading: reading(0.4), latencyMs: 1, createdAt: 2 });
    await store.analyses.insert({ messageId: second.messageId, draftId: null, textHash: 'other', reading: { ...reading(0.9), modelVersion: 'v2' }, latencyMs: 1, createdAt: 3 });
    const cached = await store.analyses.findCachedMany(['same', 'other', 'never', 'same'], model.modelId, model.modelVersion);
    expect([...cached.keys()]).toEqual(['same']);
    expect(cached.get('same')).toMatchObject({ sentiment: 0.4 });
    expect(await store.analyses.findCached('same', model.modelId, model.modelVersion)).toEqual(cached.get('same'));
    expect(await store.analyses.findCachedMany([], model.modelId, model.modelVersion)).toEqual(new Map());
  });
});
