import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisEngine, type AnalysisEngine } from '../../../../electron/services/analysis/analysisEngine';
import type { FromWorker } from '../../../../electron/services/analysis/worker/protocol';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import type { Store } from '../../../../electron/services/store/store';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * The backlog's next batch is made ready (claimed, loaded, looked up in the cache) while the worker
 * reads the one before: on PostgreSQL those round trips would otherwise leave the worker idle
 * between batches. A batch made ready but not sent lets its claims go (on close, on a new round).
 */
const SILENT_WORKER = new URL('../../../helpers/silentWorker.mjs', import.meta.url);
const VADER = { modelId: 'vader', modelVersion: null };
const engines: AnalysisEngine[] = [];
afterEach(async () => {
  while (engines.length) await engines.pop()!.close();
});

/** Things that happen, in order; a test waits for the nth one (its own timeout the only limit). */
function happenings<T>() {
  const items: T[] = [];
  let waiting: (() => void)[] = [];
  return {
    items,
    add(item: T): void {
      items.push(item);
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    },
    async nth(n: number): Promise<T> {
      while (items.length < n) await new Promise<void>((resolve) => waiting.push(resolve));
      return items[n - 1]!;
    },
  };
}

/** A claim the engine asked for, held until the test lets it through to the database. */
interface HeldClaim {
  ids: number[];
  letThrough: () => void;
}

/** The store with every backlog claim held until the test lets it through, and the claims the engine let go. */
function gated(store: Store) {
  const claims = happenings<HeldClaim>();
  const released = happenings<number[]>();
  const wrapped: Store = {
    ...store,
    analyses: {
      ...store.analyses,
      claim: async (...args) => {
        let letThrough!: () => void;
        const through = new Promise<void>((resolve) => (letThrough = resolve));
        claims.add({ ids: [...args[0]], letThrough });
        await through;
        return store.analyses.claim(...args);
      },
      releaseClaims: async (...args) => {
        await store.analyses.releaseClaims(...args);
        released.add([...args[0]]);
      },
    },
  };
  return { store: wrapped, claims, released };
}

async function backlogOf(kind: StoreKind, size: number) {
  const { store } = await openTestStore(kind);
  const ingestion = createIngestionService(store, createEventBus());
  const results = await ingestion.ingestMany(Array.from({ length: size }, (_, i) => customerMessage(`Backlog ${i}: where is my parcel, I am upset`)), { notify: false });
  return { store, ids: results.map((result) => result.messageId) };
}

/** An engine with a worker that takes every batch and answers none (busy with the first for good). */
async function busyEngine(store: Store) {
  const bus = createEventBus();
  const engine = createAnalysisEngine({ store, bus, locations: () => [], workerUrl: SILENT_WORKER, backlogBatchSize: 4 });
  engines.push(engine);
  await engine.start();
  const working = happenings<number>();
  engine.worker!.on('message', (message: FromWorker) => {
    if (message.type === 'working') working.add(message.batchId);
  });
  return { engine, bus, working };
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe.each(STORE_KINDS)('the backlog on %s', (kind) => {
  it('makes its next batch ready while the worker reads one, and lets that batch’s claims go on close', async () => {
    const { store, ids } = await backlogOf(kind, 12);
    const { store: slow, claims } = gated(store);
    const { engine, working } = await busyEngine(slow);

    const first = await claims.nth(1);
    first.letThrough();
    // the worker has the first batch (and never answers it)
    await working.nth(1);
    // while it reads, the next batch is claimed: not after the worker answers
    const second = await claims.nth(2);
    expect(second.ids).toHaveLength(4);
    expect(second.ids.filter((id) => first.ids.includes(id))).toEqual([]);

    // a live message does not wait for that batch (its claim is still held): it goes to the worker at once
    const live = ids.find((id) => !first.ids.includes(id) && !second.ids.includes(id))!;
    void engine.readMessage(live, 'live').catch(() => undefined);
    await working.nth(2);

    // closed while that claim is on its way to the database: it lands, and is let go with the rest
    const closed = engine.close();
    second.letThrough();
    await closed;
    const both = sorted([...first.ids, ...second.ids]);
    expect(sorted(await store.analyses.claim(both, VADER, 'the next process', Date.now(), Date.now() + 60_000))).toEqual(both);
    // nothing was read (the worker never answered), and only the first backlog batch and the live one went to it
    expect(await store.analyses.count()).toBe(0);
    expect(working.items).toHaveLength(2);
  });

  it('lets a batch made ready go when the workspace changes, and makes it again for the new round', async () => {
    const { store } = await backlogOf(kind, 12);
    const { store: slow, claims, released } = gated(store);
    const { engine, bus, working } = await busyEngine(slow);

    (await claims.nth(1)).letThrough();
    await working.nth(1);
    const second = await claims.nth(2);
    second.letThrough();

    // the workspace changes (a bulk load): the batch made for the round before is not sent, and its claims go
    bus.emit('workspace.changed', { reason: 'demo-loaded' });
    expect(sorted(await released.nth(1))).toEqual(sorted(second.ids));
    // another process may take them meanwhile: they are its now
    expect(sorted(await store.analyses.claim(second.ids, VADER, 'another process', Date.now(), Date.now() + 60_000))).toEqual(sorted(second.ids));
    // the new round makes the same batch again (the worker still has the first)
    const again = await claims.nth(3);
    expect(sorted(again.ids)).toEqual(sorted(second.ids));
    again.letThrough();
    expect(working.items).toHaveLength(1);
    // the other process has them: they are done here, in the new round
    await engine.close();
    expect(await store.analyses.count()).toBe(0);
  });

  it('lets the claims of a batch it could not make ready go at once: another process need not wait out the lease', async () => {
    const { store } = await backlogOf(kind, 12);
    const { store: slow, claims } = gated(store);
    // the store refuses the next batch's messages once (a lost connection), after the batch was claimed
    let refuseNext = false;
    const refusing: Store = {
      ...slow,
      messages: {
        ...slow.messages,
        getManyForReading: async (...args) => {
          if (refuseNext) {
            refuseNext = false;
            throw new Error('the connection was lost');
          }
          return slow.messages.getManyForReading(...args);
        },
      },
    };
    const { engine, working } = await busyEngine(refusing);

    (await claims.nth(1)).letThrough();
    await working.nth(1);
    const second = await claims.nth(2);
    refuseNext = true;
    const refused = expect(engine.readMessage(second.ids[0]!, 'backlog')).rejects.toThrow('the backlog could not be read (the connection was lost)');
    second.letThrough();
    await refused;
    // its claims are gone: another process takes them now, not when the lease runs out
    expect(sorted(await store.analyses.claim(second.ids, VADER, 'another process', Date.now(), Date.now() + 60_000))).toEqual(sorted(second.ids));
    // and the engine goes on making the batch after it ready
    const third = await claims.nth(3);
    expect(third.ids.filter((id) => second.ids.includes(id))).toEqual([]);
    third.letThrough();
  });
});
