import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisEngineOptions } from '../../../../electron/services/analysis/analysisEngine';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { BUILT_WORKER } from '../../../helpers/analysisFixtures';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * The backlog is read from the store a page at a time as the worker drains it (never every unread
 * id at once), counted in slices with the event loop turning between them, and a process that
 * closes lets go of the messages it had claimed.
 */
const SILENT_WORKER = new URL('../../../helpers/silentWorker.mjs', import.meta.url);
const engines: AnalysisEngine[] = [];
const stores: Store[] = [];
afterEach(async () => {
  while (engines.length) await engines.pop()!.close();
  while (stores.length) await stores.pop()!.close().catch(() => undefined);
});

async function backlogOf(kind: StoreKind, size: number) {
  const { store } = await openTestStore(kind);
  const ingestion = createIngestionService(store, createEventBus());
  const results = await ingestion.ingestMany(Array.from({ length: size }, (_, i) => customerMessage(`Backlog ${i}: where is my parcel, I am upset`)), { notify: false });
  return { store, ids: results.map((result) => result.messageId) };
}

/** The calls an engine makes to the store that read the backlog or its messages, and how many ids each read brought. */
function watched(store: Store) {
  const calls: Record<string, number> = {};
  let mostIds = 0;
  let handed = 0;
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const analyses = store.analyses as Store['analyses'] & Record<string, unknown>;
  const spied: Store = {
    ...store,
    analyses: {
      ...store.analyses,
      // (the reads of unread ids, before and after paging: how many ids one read brings into memory)
      ...(typeof analyses.unreadMessageIds === 'function' ? {
        unreadMessageIds: async (...args: Parameters<Store['analyses']['unreadMessageIds']>) => {
          count('unreadMessageIds');
          const ids = await store.analyses.unreadMessageIds(...args);
          mostIds = Math.max(mostIds, ids.length);
          return ids;
        },
      } : {}),
      backlogPage: async (...args: Parameters<Store['analyses']['backlogPage']>) => {
        count('backlogPage');
        const page = await store.analyses.backlogPage(...args);
        mostIds = Math.max(mostIds, page.ids.length);
        return page;
      },
      findCached: (...args: Parameters<Store['analyses']['findCached']>) => (count('findCached'), store.analyses.findCached(...args)),
      findCachedMany: (...args: Parameters<Store['analyses']['findCachedMany']>) => (count('findCachedMany'), store.analyses.findCachedMany(...args)),
      insertMany: (analyses) => ((handed += analyses.length), store.analyses.insertMany(analyses)),
    },
    messages: {
      ...store.messages,
      getForReading: (...args: Parameters<Store['messages']['getForReading']>) => (count('getForReading'), store.messages.getForReading(...args)),
      getManyForReading: (...args: Parameters<Store['messages']['getManyForReading']>) => (count('getManyForReading'), store.messages.getManyForReading(...args)),
    },
  };
  return { store: spied, calls, mostIds: () => mostIds, handed: () => handed };
}

function engineOn(store: Store, options: Partial<AnalysisEngineOptions> = {}) {
  const engine = createAnalysisEngine({ store, bus: createEventBus(), locations: () => [], workerUrl: BUILT_WORKER, ...options });
  engines.push(engine);
  return engine;
}

/** Reads the whole backlog with an engine of its own, then closes it (a desk that read everything, then quit). */
async function readAll(store: Store): Promise<void> {
  const first = createAnalysisEngine({ store, bus: createEventBus(), locations: () => [], workerUrl: BUILT_WORKER });
  try {
    await first.start();
    await first.whenIdle();
  } finally {
    await first.close();
  }
}

const readingsPerMessage = async (store: Store, ids: number[]) => [...(await store.analyses.latestForMessages(ids)).keys()].length;

describe.each(STORE_KINDS)('the analysis backlog on %s, a page at a time', (kind) => {
  it('reads a backlog several pages long exactly once, never holding more than a page of it', async () => {
    const size = 50;
    const { store, ids } = await backlogOf(kind, size);
    const spy = watched(store);
    const engine = engineOn(spy.store, { backlogPageSize: 8, backlogCountSlice: 7, backlogBatchSize: 3 });
    await engine.start();
    // counted in full before any of it is read: the progress says how much there is from the start
    expect(engine.status().backlog).toEqual({ done: expect.any(Number), total: size });
    await engine.whenIdle();
    expect(await store.analyses.count()).toBe(size);
    expect(await readingsPerMessage(store, ids)).toBe(size);
    // each message went to the worker once: one reading handed to the store per message
    expect(spy.handed()).toBe(size);
    expect(engine.status().backlog).toEqual({ done: size, total: size });
    // never more than a page of ids read at once, nor waiting in memory
    expect(spy.mostIds()).toBeLessThanOrEqual(8);
    const paging = engine.backlogPaging();
    expect(paging.mostWaiting).toBeLessThanOrEqual(8);
    expect(paging.queued).toBe(size);
    expect(paging.pages).toBeGreaterThanOrEqual(Math.ceil(size / 8));
    expect(paging.countSlices).toBeGreaterThanOrEqual(Math.ceil(size / 7));
  });

  it('reads no page of a backlog read already: a start walks no table once there is nothing unread', async () => {
    const size = 30;
    const { store, ids } = await backlogOf(kind, size);
    await readAll(store);
    const spy = watched(store);
    const bus = createEventBus();
    const engine = engineOn(spy.store, { bus, backlogPageSize: 8, backlogCountSlice: 7 });
    await engine.start();
    expect(engine.status().backlog).toEqual({ done: 0, total: 0 });
    await engine.whenIdle();
    // counted (that is how it knows), but no page of ids is read
    expect(spy.calls.backlogPage ?? 0).toBe(0);
    expect(engine.backlogPaging().pages).toBe(0);
    // a message that arrives later is still read, as it arrives
    const liveRead = new Promise<number | null>((resolve) => bus.subscribe((event) => {
      if (event.name === 'analysis.result') resolve(event.payload.messageId);
    }));
    const later = await createIngestionService(spy.store, bus).ingest(customerMessage('Later: my parcel is still missing, I am upset'));
    expect(await liveRead).toBe(later.messageId);
    expect(await readingsPerMessage(store, [...ids, later.messageId])).toBe(size + 1);
    expect(spy.calls.backlogPage ?? 0).toBe(0);
  });

  it('stops paging below the oldest message the count found unread', async () => {
    const { store } = await backlogOf(kind, 40);
    await readAll(store);
    // three more arrive while no engine runs (an import): the newest, at the top of the table
    const ingestion = createIngestionService(store, createEventBus());
    const fresh = await ingestion.ingestMany([0, 1, 2].map((i) => customerMessage(`Fresh ${i}: my order never came, I am upset`)), { notify: false });
    const spy = watched(store);
    const engine = engineOn(spy.store, { backlogPageSize: 8, backlogCountSlice: 7 });
    await engine.start();
    expect(engine.status().backlog.total).toBe(3);
    await engine.whenIdle();
    expect(await readingsPerMessage(store, fresh.map((result) => result.messageId))).toBe(3);
    expect(engine.status().backlog).toEqual({ done: 3, total: 3 });
    // the first page held all three: the 43 messages below are not walked again (six pages of eight)
    expect(spy.calls.backlogPage).toBe(1);
  });

  it('loads a batch’s messages, and the readings of the same texts, in one query each', async () => {
    const { store } = await backlogOf(kind, 12);
    const spy = watched(store);
    const engine = engineOn(spy.store, { backlogBatchSize: 4 });
    await engine.start();
    await engine.whenIdle();
    expect(await store.analyses.count()).toBe(12);
    expect(spy.calls.getForReading ?? 0).toBe(0);
    expect(spy.calls.findCached ?? 0).toBe(0);
    // three batches of four: a query each for their messages and one for their cached readings
    expect(spy.calls.getManyForReading).toBe(3);
    expect(spy.calls.findCachedMany).toBe(3);
  });

  it('lets the event loop turn between the count’s slices and between pages: a call is answered while a backlog is queued', async () => {
    const { store } = await backlogOf(kind, 60);
    // a turn of the loop, counted: what a call arriving on a socket needs to be answered
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsAtRead: number[] = [];
    const reads: Store = {
      ...store,
      analyses: {
        ...store.analyses,
        countBacklog: (...args) => (turnsAtRead.push(turns), store.analyses.countBacklog(...args)),
        backlogPage: (...args) => (turnsAtRead.push(turns), store.analyses.backlogPage(...args)),
        // (before paging, every id was read at once)
        unreadMessageIds: (...args) => (turnsAtRead.push(turns), store.analyses.unreadMessageIds(...args)),
      },
    };
    const engine = engineOn(reads, { backlogPageSize: 10, backlogCountSlice: 10 });
    try {
      await engine.start();
      await engine.whenIdle();
    } finally {
      ticking = false;
    }
    expect(await store.analyses.count()).toBe(60);
    // seven slices of the count and at least six pages, the loop turning between each and the next
    expect(turnsAtRead.length).toBeGreaterThanOrEqual(13);
    for (let i = 1; i < turnsAtRead.length; i++) expect(turnsAtRead[i]).toBeGreaterThan(turnsAtRead[i - 1]!);
  });
});

describe.each(STORE_KINDS)('a restart on %s', (kind) => {
  it('reads the backlog at once: a process that closes lets go of its claims', async () => {
    const size = 24;
    const { store, ids } = await backlogOf(kind, size);
    // the process that restarts has a store of its own (PostgreSQL: as a new server process would)
    const next = kind === 'postgres' ? await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 }) : store;
    if (next !== store) stores.push(next);
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const claiming: Store = {
      ...store,
      analyses: {
        ...store.analyses,
        claim: async (...args) => {
          const got = await store.analyses.claim(...args);
          if (got.length) claimed();
          return got;
        },
      },
    };
    // (a worker that takes the batch and is still reading it when the desk closes)
    const first = engineOn(claiming, { backlogBatchSize: 6, workerUrl: SILENT_WORKER });
    await first.start();
    // it has claimed a batch and is reading it: the desk is closed now
    await hasClaimed;
    await first.close();
    expect(await store.analyses.count()).toBe(0);

    // the same desk again at once: its leases (two minutes) have not run out, and no timer ever fires here
    const scheduler = manualScheduler();
    const second = engineOn(next, { scheduler });
    await second.start();
    expect(second.status().backlog.total).toBe(size);
    await second.whenIdle();
    expect(await readingsPerMessage(store, ids)).toBe(size);
    expect(await store.analyses.count()).toBe(size);
  });
});
