import { AsyncLocalStorage } from 'node:async_hooks';
import { monitorEventLoopDelay, performance, PerformanceObserver, type EventLoopUtilization } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { createAnalysisEngine } from '../../../electron/services/analysis/analysisEngine';
import type { FromWorker, ToWorker, WorkerMemory } from '../../../electron/services/analysis/worker/protocol';
import { createEventBus, type EventBus } from '../../../electron/services/events/eventBus';
import type { Store } from '../../../electron/services/store/store';
import type { ModelInfo } from '../../../shared/contract/analysis';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { DemoUser } from '../../../electron/services/demo/generateDemoWorkspace';
import type { BenchStores } from './benchStores';
import { startCpuShare, type CpuShare } from './cpuShare';

/** The backlog stored once in the template every run copies. */
export async function prepareTemplate(stores: BenchStores, users: readonly DemoUser[], backlog: readonly IngestMessage[]): Promise<{ ms: number }> {
  const started = performance.now();
  const { store, ingestion } = await stores.openTemplate(createEventBus());
  const now = Date.now();
  await store.transaction(async () => {
    for (const user of users) await store.users.ensure(user, now);
  });
  const results = await ingestion.ingestMany(backlog, { notify: false, now: () => now, chunkSize: 1000 });
  const created = results.filter((result) => result.created).length;
  await store.close();
  if (created !== backlog.length) throw new Error(`bench: only ${created} of ${backlog.length} backlog messages were stored (duplicates?)`);
  return { ms: performance.now() - started };
}

export interface ScenarioOptions {
  label: string;
  stores: BenchStores;
  modelsDir: string;
  workerUrl: URL;
  liveBatchSize: number;
  backlogBatchSize: number;
  /** Messages ingested live, one every `liveIntervalMs`, starting `liveDelayMs` after ready. */
  live: readonly IngestMessage[];
  liveIntervalMs: number;
  liveDelayMs: number;
}

/** Time spent on the main thread in one kind of call. */
export interface Bucket {
  calls: number;
  ms: number;
  maxMs: number;
  /** Calls that took longer than 10 ms. */
  over10: number;
  /** From the call to its promise settling (the database's answers awaited: PostgreSQL's round trips). */
  wallMs: number;
  /** SQL statements sent to PostgreSQL by the call itself, not by calls timed inside it (BEGIN/COMMIT included). */
  statements: number;
}

const emptyBucket = (): Bucket => ({ calls: 0, ms: 0, maxMs: 0, over10: 0, wallMs: 0, statements: 0 });

/** The bucket of the timed call running now, to count PostgreSQL's statements by. */
const currentBucket = new AsyncLocalStorage<Bucket>();

let countingStatements = false;
/** Counts every statement pg sends into the bucket of the timed call that sent it (once per process). */
async function countPostgresStatements(): Promise<void> {
  if (countingStatements) return;
  countingStatements = true;
  const { default: pg } = await import('pg');
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const bucket = currentBucket.getStore();
    if (bucket) bucket.statements += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export interface BatchTrace {
  priority: 'live' | 'backlog';
  items: number;
  dispatchedAt: number;
  receivedAt: number | null;
  /** The worker's own time for the batch (prepare, models, lexicon fallback). */
  workMs: number | null;
  /** Main thread, from the reply's arrival to the end of its handling (store, events, next dispatch). */
  handleMs: number | null;
  /** The live texts in the batch, to follow each live message through it. */
  liveBodies: string[];
}

/** Where one live message's latency went. */
export interface LiveTrace {
  /** Enqueue → its batch posted to the worker (waiting for the batch in flight, and live ones before it). */
  waitMs: number;
  /** Posted → reply back on the main thread. */
  roundTripMs: number;
  /** Of which the worker's own work on the batch. */
  workMs: number;
  /** Reply back → its result stored and announced (the batch's transaction, the events). */
  storeMs: number;
  batchItems: number;
}

export interface ScenarioResult {
  label: string;
  liveBatchSize: number;
  backlogBatchSize: number;
  startToReadyMs: number;
  models: ModelInfo[];
  backlogTotal: number;
  /** From the ready signal (backlog queued) to the last backlog reading stored. */
  backlogMs: number;
  /** From engine.start() to the last backlog reading stored (load included). */
  backlogFromStartMs: number;
  liveSent: number;
  /** Live messages ingested before the backlog finished. */
  liveDuringBacklog: number;
  /** latencyMs from the analysis.result events: enqueue → stored result. */
  liveLatencyMs: number[];
  /** Same messages, from just before ingestion.ingest() to the analysis.result event. */
  liveEndToEndMs: number[];
  /** Main-thread time of each ingestion.ingest() call (its own SQLite transaction). */
  ingestMs: number[];
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  eventLoopUtilization: number;
  peakMemory: WorkerMemory;
  mainHeapUsed: number;
  buckets: Record<string, Bucket>;
  batches: BatchTrace[];
  liveTraces: LiveTrace[];
  /** CPU use while the backlog ran: this process, and everything else on the machine. */
  cpu: CpuShare;
}

/** Wraps a method so its main-thread time lands in a bucket (unless paused). */
function timeCalls<A extends unknown[], R>(buckets: Record<string, Bucket>, name: () => string, paused: () => boolean, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    if (paused()) return fn(...args);
    const bucket = (buckets[name()] ??= emptyBucket());
    const started = performance.now();
    let result: R | undefined;
    try {
      result = currentBucket.run(bucket, () => fn(...args));
      return result;
    } finally {
      const elapsed = performance.now() - started;
      bucket.calls += 1;
      bucket.ms += elapsed;
      bucket.maxMs = Math.max(bucket.maxMs, elapsed);
      if (elapsed > 10) bucket.over10 += 1;
      const settled = () => (bucket.wallMs += performance.now() - started);
      if (result instanceof Promise) void result.then(settled, settled);
      else settled();
    }
  };
}

export const TRANSACTION = 'store.transaction: the whole write';
export const INSIDE = ' (inside the write)';

/** Measures what the engine does on the main thread, by the store and bus calls it makes. */
function instrument(store: Store, bus: EventBus, buckets: Record<string, Bucket>, paused: () => boolean): void {
  // which calls run inside the engine's write: followed through its awaits (PostgreSQL's calls interleave with others')
  const insideWrite = new AsyncLocalStorage<true>();
  const where = (name: string) => () => (insideWrite.getStore() ? `${name}${INSIDE}` : name);
  const transaction = store.transaction.bind(store);
  store.transaction = timeCalls(buckets, () => TRANSACTION, paused, async <T>(work: () => Promise<T>): Promise<T> =>
    await transaction(() => insideWrite.run(true, work)),
  ) as Store['transaction'];
  const timeMethods = (repository: string, methods: Record<string, (...args: unknown[]) => unknown>, names: string[]) => {
    for (const name of names) methods[name] = timeCalls(buckets, where(`${repository}.${name}`), paused, methods[name]!.bind(methods));
  };
  timeMethods('analyses', store.analyses as never, ['insert', 'insertMany', 'claim', 'findCached', 'findCachedMany', 'backlogPage', 'countBacklog', 'claimedElsewhere']);
  timeMethods('conversations', store.conversations as never, ['recordReadings']);
  timeMethods('messages', store.messages as never, ['getForReading', 'getManyForReading']);
  const emit = bus.emit.bind(bus);
  const emitResult = timeCalls(buckets, () => 'bus.emit analysis.result (zod check + listeners)', paused, emit);
  const emitProgress = timeCalls(buckets, () => 'bus.emit progress', paused, emit);
  bus.emit = ((name, payload) => (name === 'analysis.result' ? emitResult : name === 'progress' ? emitProgress : emit)(name, payload as never)) as EventBus['emit'];
}

/** Follows every batch between the engine and its worker. */
function traceWorker(worker: Worker, liveBodies: ReadonlySet<string>, batches: Map<number, BatchTrace>): void {
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: ToWorker) => {
    if (message.type === 'read') {
      const live = message.items.filter((item) => liveBodies.has(item.body)).map((item) => item.body);
      batches.set(message.batchId, {
        priority: live.length ? 'live' : 'backlog',
        items: message.items.length,
        dispatchedAt: performance.now(),
        receivedAt: null,
        workMs: null,
        handleMs: null,
        liveBodies: live,
      });
    }
    post(message);
  };
  let current: BatchTrace | null = null;
  worker.prependListener('message', (message: FromWorker) => {
    if (message.type !== 'read') return;
    current = batches.get(message.batchId) ?? null;
    if (current) {
      current.receivedAt = performance.now();
      current.workMs = message.workMs;
    }
  });
  worker.on('message', (message: FromWorker) => {
    if (message.type !== 'read' || !current) return;
    current.handleMs = performance.now() - current.receivedAt!;
    current = null;
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const bus = createEventBus();
  const { store, ingestion, drop } = await options.stores.openRun(bus);
  if (options.stores.kind === 'postgres') await countPostgresStatements();
  const buckets: Record<string, Bucket> = {};
  let ingesting = false;
  instrument(store, bus, buckets, () => ingesting);

  const liveStarted = new Map<number, number>();
  const enqueuedAtByBody = new Map<string, number>();
  const resultAtByBody = new Map<string, number>();
  const bodyById = new Map<number, string>();
  let lastAddedAt = 0;
  const liveLatencyMs: number[] = [];
  const liveEndToEndMs: number[] = [];
  let backlogDone: () => void = () => undefined;
  const backlogFinished = new Promise<void>((resolve) => (backlogDone = resolve));
  let allLiveRead: () => void = () => undefined;
  const liveFinished = new Promise<void>((resolve) => (allLiveRead = resolve));
  if (!options.live.length) allLiveRead();
  let backlogDoneAt = 0;
  // Subscribed before the engine: the ingest's own transaction is over once message.added is out.
  bus.subscribe((event) => {
    if (event.name === 'message.added') {
      ingesting = false;
      lastAddedAt = performance.now();
    }
    if (event.name === 'analysis.result' && event.payload.messageId !== null) {
      const sentAt = liveStarted.get(event.payload.messageId);
      if (sentAt === undefined) return;
      liveLatencyMs.push(event.payload.latencyMs);
      liveEndToEndMs.push(performance.now() - sentAt);
      resultAtByBody.set(bodyById.get(event.payload.messageId)!, performance.now());
      if (liveLatencyMs.length === options.live.length) allLiveRead();
    }
    if (event.name === 'progress' && event.payload.task === 'analysis.backlog' && event.payload.total > 0 && event.payload.done === event.payload.total && !backlogDoneAt) {
      backlogDoneAt = performance.now();
      backlogDone();
    }
  });

  const engine = createAnalysisEngine({
    store,
    bus,
    locations: () => [{ dir: options.modelsDir, source: 'models folder' }],
    workerUrl: options.workerUrl,
    liveBatchSize: options.liveBatchSize,
    backlogBatchSize: options.backlogBatchSize,
  });
  const liveBodies = new Set(options.live.map((item) => item.message.body));
  const batches = new Map<number, BatchTrace>();
  const delay = monitorEventLoopDelay({ resolution: 2 });

  const startedAt = performance.now();
  // the engine looks for its models before it starts its worker (asynchronously): trace the worker once it is there
  const ready = engine.start();
  // a start that fails before any worker exists ends the wait too (and is reported by `await ready`)
  let settled = false;
  void ready.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!engine.worker && !settled) await new Promise((resolve) => setImmediate(resolve));
  if (engine.worker) traceWorker(engine.worker, liveBodies, batches);
  await ready;
  const readyAt = performance.now();
  delay.enable();
  const gc: Bucket = emptyBucket();
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.calls += 1;
      gc.ms += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      gc.wallMs += entry.duration;
      if (entry.duration > 10) gc.over10 += 1;
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const eluStart: EventLoopUtilization = performance.eventLoopUtilization();
  const cpuShare = startCpuShare();
  const status = engine.status();
  if (status.analyzer !== 'model') throw new Error(`bench: the engine fell back to the lexicon: ${status.fallbackReason ?? 'no reason given'}`);
  const backlogTotal = status.backlog.total;

  const ingestMs: number[] = [];
  let liveDuringBacklog = 0;
  const injector = (async () => {
    await sleep(options.liveDelayMs);
    const first = performance.now();
    for (let index = 0; index < options.live.length; index++) {
      await sleep(first + index * options.liveIntervalMs - performance.now());
      const sentAt = performance.now();
      ingesting = true;
      const result = await ingestion.ingest(options.live[index]!);
      ingesting = false;
      ingestMs.push(performance.now() - sentAt);
      liveStarted.set(result.messageId, sentAt);
      bodyById.set(result.messageId, options.live[index]!.message.body);
      enqueuedAtByBody.set(options.live[index]!.message.body, lastAddedAt);
      if (!backlogDoneAt) liveDuringBacklog += 1;
    }
  })();

  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    backlogDone();
    allLiveRead();
  }, 180_000);
  await backlogFinished;
  const cpu = cpuShare();
  delay.disable();
  gcObserver.disconnect();
  buckets['main-thread garbage collection (while the backlog ran)'] = gc;
  const eventLoopUtilization = performance.eventLoopUtilization(eluStart).utilization;
  await injector;
  await liveFinished;
  clearTimeout(limit);
  if (timedOut) throw new Error(`bench: ${options.label} did not finish within 3 minutes (backlog ${engine.status().backlog.done}/${backlogTotal}, live ${liveLatencyMs.length}/${options.live.length})`);

  const liveTraces: LiveTrace[] = [];
  for (const batch of batches.values()) {
    for (const body of batch.liveBodies) {
      const enqueuedAt = enqueuedAtByBody.get(body);
      const resultAt = resultAtByBody.get(body);
      if (enqueuedAt === undefined || resultAt === undefined || batch.receivedAt === null) continue;
      liveTraces.push({
        waitMs: batch.dispatchedAt - enqueuedAt,
        roundTripMs: batch.receivedAt - batch.dispatchedAt,
        workMs: batch.workMs ?? 0,
        storeMs: resultAt - batch.receivedAt,
        batchItems: batch.items,
      });
    }
  }

  const result: ScenarioResult = {
    label: options.label,
    liveBatchSize: options.liveBatchSize,
    backlogBatchSize: options.backlogBatchSize,
    startToReadyMs: readyAt - startedAt,
    models: status.models,
    backlogTotal,
    backlogMs: backlogDoneAt - readyAt,
    backlogFromStartMs: backlogDoneAt - startedAt,
    liveSent: options.live.length,
    liveDuringBacklog,
    liveLatencyMs,
    liveEndToEndMs,
    ingestMs,
    eventLoopDelayMs: {
      p50: delay.percentile(50) / 1e6,
      p99: delay.percentile(99) / 1e6,
      max: delay.max / 1e6,
      mean: delay.mean / 1e6,
    },
    eventLoopUtilization,
    peakMemory: engine.peakMemory(),
    mainHeapUsed: process.memoryUsage().heapUsed,
    buckets,
    batches: [...batches.values()],
    liveTraces,
    cpu,
  };
  await engine.close();
  await store.close();
  await drop();
  return result;
}
