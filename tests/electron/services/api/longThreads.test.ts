import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace, type ReadyWorkspace } from '../../../../electron/services/api/workspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { THREAD_PAGE, TRACK_MAX_POINTS } from '../../../../shared/contract/domain';
import { tempDir } from '../../../helpers/tempDir';
import { ok } from '../../../helpers/callApi';

const T0 = Date.UTC(2026, 2, 3, 9, 0);

/** A chat of `count` messages (customer and agent taking turns), every customer message read. */
async function longChat(count: number) {
  const bus = createEventBus();
  const workspace = (await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus)) as ReadyWorkspace;
  const api = await createApi({ host: 'web', bus, workspace, now: () => T0 + count * 60_000 });
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const author = index % 2 === 0 ? 'customer' : 'agent';
    const result = await workspace.ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Rosa Lind', identities: [{ kind: 'chat', value: 'rosa' }] },
      conversation: { externalRef: 'long-chat' },
      message: { author, body: `message ${index + 1}`, sentAt: T0 + index * 60_000, externalId: `m${index}`, ...(author === 'agent' ? { authorName: 'Priya' } : {}) },
    });
    ids.push(result.messageId);
    if (author === 'customer') {
      await workspace.store.analyses.insert({
        messageId: result.messageId,
        draftId: null,
        textHash: `h${index}`,
        reading: { analyzer: 'lexicon', modelId: 'vader', modelVersion: null, sentiment: index / count - 0.5, sentimentClass: 'neutral', emotions: {}, dominant: null, labels: {}, words: 2, windows: 1, truncated: false },
        latencyMs: 1,
        createdAt: T0,
      });
    }
  }
  const conversationId = (await workspace.store.messages.getById(ids[0]!))!.conversationId;
  return { api, ids, conversationId, close: () => workspace.store.close() };
}

describe('a long thread read a page at a time', () => {
  it('opens at the newest page, says how many are further back, and reads them page by page in order', async () => {
    const { api, ids, conversationId, close } = await longChat(350);
    const detail = await ok(api, 'conversations.get', { id: conversationId });
    expect(detail.messages.map((m) => m.id)).toEqual(ids.slice(-THREAD_PAGE));
    expect(detail.olderCount).toBe(350 - THREAD_PAGE);
    expect(detail.messages.filter((m) => m.author === 'customer').every((m) => m.reading?.analyzer === 'lexicon')).toBe(true);

    const older = await ok(api, 'conversations.olderMessages', { id: conversationId, beforeMessageId: detail.messages[0]!.id, limit: 200 });
    expect(older.messages.map((m) => m.id)).toEqual(ids.slice(50, 250));
    expect(older.olderCount).toBe(50);
    const oldest = await ok(api, 'conversations.olderMessages', { id: conversationId, beforeMessageId: older.messages[0]!.id });
    expect(oldest.messages.map((m) => m.id)).toEqual(ids.slice(0, 50));
    expect(oldest.olderCount).toBe(0);
    await close();
  });

  it('opens around a message far back (a search hit) and refuses one from another conversation', async () => {
    const { api, ids, conversationId, close } = await longChat(300);
    const hit = ids[30]!;
    const detail = await ok(api, 'conversations.get', { id: conversationId, aroundMessageId: hit });
    expect(detail.messages.map((m) => m.id)).toEqual(ids.slice(10));
    expect(detail.olderCount).toBe(10);
    expect(detail.newerCount).toBe(0);
    expect(await api.call('conversations.get', { id: conversationId + 1, aroundMessageId: hit }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.call('conversations.olderMessages', { id: conversationId, beforeMessageId: 999_999 }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await close();
  });

  it('draws the emotion track of thousands from at most TRACK_MAX_POINTS points, keeping the first and the last', async () => {
    const { api, ids, conversationId, close } = await longChat(1_000);
    const track = await ok(api, 'conversations.track', { id: conversationId });
    expect(track.total).toBe(500);
    expect(track.points.length).toBeLessThanOrEqual(TRACK_MAX_POINTS);
    expect(track.points.length).toBeGreaterThan(TRACK_MAX_POINTS / 2);
    expect(track.points[0]).toMatchObject({ messageId: ids[0], index: 1, sentiment: -0.5 });
    expect(track.points.at(-1)).toMatchObject({ messageId: ids[998], index: 500 });
    expect(track.lexicon).toBe(true);
    await close();
  });
});
