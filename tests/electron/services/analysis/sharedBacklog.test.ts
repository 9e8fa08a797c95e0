import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisEngine, type AnalysisEngine } from '../../../../electron/services/analysis/analysisEngine';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { joinTeamEvents } from '../../../../electron/services/events/teamEvents';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { BUILT_WORKER } from '../../../helpers/analysisFixtures';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { nextEvent } from '../../../helpers/nextEvent';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * The backlog shared by several server processes on one database: each message is read by one of
 * them (claimed in the database before it is read), a dead process's claims run out and are taken
 * over, and a reading stored twice is stored once.
 */
const engines: AnalysisEngine[] = [];
const stores: Store[] = [];
afterEach(async () => {
  while (engines.length) await engines.pop()!.close();
  while (stores.length) await stores.pop()!.close().catch(() => undefined);
});

const MESSAGES = 24;

async function backlogOf(kind: StoreKind) {
  const { store, exec } = await openTestStore(kind);
  const ingestion = createIngestionService(store, createEventBus());
  const results = await ingestion.ingestMany(Array.from({ length: MESSAGES }, (_, i) => customerMessage(`Message ${i}: where is my parcel, I am upset`)), { notify: false });
  // a second server process has a store of its own on the same database (SQLite: one process, one store)
  const other = kind === 'postgres' ? await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 }) : store;
  if (other !== store) stores.push(other);
  return { store, other, exec, ids: results.map((result) => result.messageId) };
}

/** An engine on `store` (lexicon: no models), counting the readings it hands the store. */
function engineOn(store: Store, scheduler?: ReturnType<typeof manualScheduler>) {
  let handed = 0;
  const counted: Store = { ...store, analyses: { ...store.analyses, insertMany: (analyses) => ((handed += analyses.length), store.analyses.insertMany(analyses)) } };
  const engine = createAnalysisEngine({ store: counted, bus: createEventBus(), locations: () => [], workerUrl: BUILT_WORKER, backlogBatchSize: 3, scheduler });
  engines.push(engine);
  return { engine, handed: () => handed };
}

const readingsPerMessage = async (store: Store, ids: number[]) => Promise.all(ids.map(async (id) => (await store.analyses.latestForMessages([id])).size));
const readingCount = (store: Store) => store.analyses.count();

describe.each(STORE_KINDS)('the backlog shared by two server processes on %s', (kind) => {
  it('reads each message once, between them', async () => {
    const { store, other, ids } = await backlogOf(kind);
    const [one, two] = [engineOn(store), engineOn(other)];
    await Promise.all([one.engine.start(), two.engine.start()]);
    await Promise.all([one.engine.whenIdle(), two.engine.whenIdle()]);
    expect(await readingCount(store)).toBe(MESSAGES);
    expect(await readingsPerMessage(store, ids)).toEqual(ids.map(() => 1));
    // no message went to both readers: the readings handed to the store are one per message
    expect(one.handed() + two.handed()).toBe(MESSAGES);
    for (const { engine } of [one, two]) {
      const { backlog } = engine.status();
      expect(backlog.done).toBeLessThanOrEqual(backlog.total);
    }
  });

  it('takes over what a dead process had claimed once its lease runs out', async () => {
    const { store, other, exec, ids } = await backlogOf(kind);
    const [held, expired] = [ids.slice(0, 6), ids.slice(6, 9)];
    // a process that died mid-backlog: some claims still in their lease, some run out
    for (const id of held) await exec('INSERT INTO analysis_claims (message_id, claimed_by, claimed_until) VALUES (?, ?, ?)', id, 'dead:1', Date.now() + 3_600_000);
    for (const id of expired) await exec('INSERT INTO analysis_claims (message_id, claimed_by, claimed_until) VALUES (?, ?, ?)', id, 'dead:1', 1);
    const scheduler = manualScheduler();
    const survivor = engineOn(other, scheduler);
    await survivor.engine.start();
    await survivor.engine.whenIdle();
    expect((await readingsPerMessage(store, ids)).filter((n) => n === 1)).toHaveLength(MESSAGES - held.length);
    expect(await readingsPerMessage(store, held)).toEqual(held.map(() => 0));
    const { backlog } = survivor.engine.status();
    expect(backlog).toEqual({ done: MESSAGES - held.length, total: MESSAGES - held.length });

    // the dead process's lease runs out: the survivor looks again and reads what it left
    await exec('UPDATE analysis_claims SET claimed_until = 1');
    expect(scheduler.pending()).toBeGreaterThan(0);
    scheduler.runUntilIdle();
    await survivor.engine.whenIdle();
    expect(await readingsPerMessage(store, ids)).toEqual(ids.map(() => 1));
    expect(await readingCount(store)).toBe(MESSAGES);
    expect(survivor.handed()).toBe(MESSAGES);
  });
});

describe.each(STORE_KINDS)('claims on %s', (kind) => {
  it('give each message to one claimant at a time, take over run-out leases, and skip what is read', async () => {
    const { store, other, ids } = await backlogOf(kind);
    const model = { modelId: 'ekman', modelVersion: null };
    const [a, b] = await Promise.all([store.analyses.claim(ids, model, 'a', 1000, 2000), other.analyses.claim(ids, model, 'b', 1000, 2000)]);
    // at the same moment, on separate connections: every message to exactly one of them
    expect([...a, ...b].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    const first = a.length ? 'a' : 'b';
    // renewed by its holder; not taken by the other while the lease runs; taken once it has run out
    expect(await store.analyses.claim(ids.slice(0, 2), model, first, 1500, 2500)).toEqual(ids.slice(0, 2));
    expect(await other.analyses.claim(ids.slice(0, 2), model, 'c', 2400, 3000)).toEqual([]);
    expect((await other.analyses.claim(ids.slice(0, 2), model, 'c', 2500, 3000)).sort()).toEqual(ids.slice(0, 2).sort());
    // a message read by the model is not claimed again, and storing its reading lets the claim go
    const reading = { analyzer: 'model' as const, modelId: 'ekman', modelVersion: null, sentiment: -0.5, sentimentClass: 'negative' as const, emotions: { anger: 0.6 }, dominant: { emotion: 'anger' as const, score: 0.6 }, labels: {}, words: 4, windows: 1, truncated: false };
    const stored = await store.analyses.insertMany([ids[0]!, ids[0]!, ids[1]!].map((messageId) => ({ messageId, draftId: null, textHash: 'h', reading, latencyMs: 1, createdAt: 5 })));
    expect(stored.map((answer) => answer.kind)).toEqual(['stored', 'read-already', 'stored']);
    expect(await store.analyses.insertMany([{ messageId: ids[0]!, draftId: null, textHash: 'h', reading: { ...reading, sentiment: 0.9 }, latencyMs: 1, createdAt: 6 }]))
      .toEqual([{ kind: 'read-already', reading: expect.objectContaining({ sentiment: -0.5 }) }]);
    expect(await store.analyses.claim(ids.slice(0, 2), model, 'd', 9000, 9999)).toEqual([]);
    expect(await readingCount(store)).toBe(2);
  });
});

describe('a workspace changed at another server process on the same PostgreSQL', () => {
  it('has this process count its backlog again, as a change here does; a single message stored there is left to that process', async () => {
    const { store: there } = await openTestStore('postgres');
    const here = await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 });
    stores.push(here);
    const [thereBus, hereBus] = [createEventBus(), createEventBus()];
    const teams = [await joinTeamEvents(thereBus, there.teamChannel!), await joinTeamEvents(hereBus, here.teamChannel!)];
    try {
      const engine = createAnalysisEngine({ store: here, bus: hereBus, locations: () => [], workerUrl: BUILT_WORKER, backlogBatchSize: 3 });
      engines.push(engine);
      await engine.start();
      await engine.whenIdle();
      expect(engine.status().backlog.total).toBe(0);
      const heard: KinshipEvent[] = [];
      hereBus.subscribe((event) => void heard.push(event), { team: true });

      // the other process loads a workspace in bulk, as the demo does: no event a message, then one workspace.changed
      const ingestion = createIngestionService(there, thereBus);
      const loaded = await ingestion.ingestMany(Array.from({ length: MESSAGES }, (_, i) => customerMessage(`Message ${i}: my order never came, I am upset`)), { notify: false });
      thereBus.emit('workspace.changed', { reason: 'demo-loaded' });
      await nextEvent(heard, (event) => event.name === 'workspace.changed');
      await engine.whenIdle();
      const ids = loaded.map((result) => result.messageId);
      expect(await readingsPerMessage(here, ids)).toEqual(ids.map(() => 1));
      expect(engine.status().backlog).toEqual({ done: MESSAGES, total: MESSAGES });

      // a message arriving there is read there, not here too
      const arrived = await ingestion.ingest(customerMessage('And nobody answers my emails.'));
      await nextEvent(heard, (event) => event.name === 'message.added' && event.payload.messageId === arrived.messageId);
      await engine.whenIdle();
      expect(await readingsPerMessage(here, [arrived.messageId])).toEqual([0]);
    } finally {
      for (const team of teams) await team.close();
    }
  });
});
