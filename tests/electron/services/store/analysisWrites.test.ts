import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { NewAnalysis } from '../../../../electron/services/store/kysely/analyses';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * How the analysis engine's batch of readings is written: every reading stored, the batch's
 * claims let go, a message gone skipped — and on PostgreSQL in as few round trips as the answers
 * need (the backlog's throughput is paid in them).
 */
afterEach(() => {
  vi.restoreAllMocks();
});

const model = { modelId: 'ekman', modelVersion: null };
const reading = { analyzer: 'model' as const, ...model, sentiment: -0.5, sentimentClass: 'negative' as const, emotions: { anger: 0.6 }, dominant: { emotion: 'anger' as const, score: 0.6 }, labels: {}, words: 4, windows: 1, truncated: false };
const analysisOf = (messageId: number): NewAnalysis => ({ messageId, draftId: null, textHash: `h${messageId}`, reading, latencyMs: 1, createdAt: 5 });

async function claimedBacklog(kind: (typeof STORE_KINDS)[number], size: number) {
  const opened = await openTestStore(kind);
  const results = await createIngestionService(opened.store, createEventBus()).ingestMany(
    Array.from({ length: size }, (_, i) => customerMessage(`Message ${i}: my parcel is late`)),
    { notify: false },
  );
  const ids = results.map((result) => result.messageId);
  expect(await opened.store.analyses.claim(ids, model, 'me', 1000, 2000)).toEqual(ids);
  return { ...opened, ids };
}

describe.each(STORE_KINDS)('a batch of readings stored on %s', (kind) => {
  it('stores each reading, lets the batch’s claims go and skips a message that is gone', async () => {
    const { store, ids } = await claimedBacklog(kind, 4);
    // (a message no longer there: an id the workspace never gave)
    const answers = await store.analyses.insertMany([...ids, Math.max(...ids) + 1000].map(analysisOf));
    expect(answers.map((answer) => answer.kind)).toEqual(['stored', 'stored', 'stored', 'stored', 'gone']);
    // no claim left: another process claims none of them (all read), and nothing is claimed elsewhere
    expect(await store.analyses.claimedElsewhere('someone else', 1500)).toBe(0);
    expect(await store.analyses.claim(ids, model, 'someone else', 1500, 2500)).toEqual([]);
    expect(await store.analyses.count()).toBe(4);
  });
});

describe('a batch of readings stored on postgres', () => {
  it('takes four statements: BEGIN, which messages are there, the insert letting the claims go, COMMIT', async () => {
    const { store, ids } = await claimedBacklog('postgres', 4);
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const answers = await store.analyses.insertMany(ids.map(analysisOf));
    const sent = query.mock.calls.length;
    query.mockRestore();
    expect(answers.every((answer) => answer.kind === 'stored')).toBe(true);
    expect(await store.analyses.claimedElsewhere('someone else', 1500)).toBe(0);
    // before: a DELETE of the claims of its own after the insert (five round trips for every batch)
    expect(sent).toBe(4);
  });
});
