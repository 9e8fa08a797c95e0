import { Worker } from 'node:worker_threads';
import type { AnalysisStatus, MessageReading, ModelInfo, Reading } from '../../../shared/contract/analysis';
import type { Channel } from '../../../shared/contract/domain';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { LatencyStats } from './latencyStats';
import { findModels, type ModelLocation } from './models/findModels';
import { ReadingQueue, type Priority } from './readingQueue';
import { textHash } from './textHash';
import type { FromWorker, ToWorker, WorkerMemory } from './worker/protocol';

export interface AnalysisEngineOptions {
  store: Store;
  bus: EventBus;
  /** Where to look for models, in order; asked again at every (re)start. */
  locations: () => ModelLocation[];
  /** The built worker (out/main/analysisWorker.js); by default the one beside this bundle. */
  workerUrl?: URL;
  /** Items per worker batch: live work goes in small batches so it never waits long. */
  liveBatchSize?: number;
  backlogBatchSize?: number;
  now?: () => number;
  /** Extra facts for the status (models folder in use, hub permission). */
  describeSetup?: () => Pick<AnalysisStatus, 'modelsDir' | 'modelsDirSource' | 'hubAllowed'>;
}

interface Job {
  priority: Priority;
  messageId: number | null;
  draftId: string | null;
  conversationId: number | null;
  /** Loaded when the job is dispatched, so a long backlog holds only ids. */
  body: string | null;
  channel: Channel;
  enqueuedAt: number;
  settled?: boolean;
  waiters: { resolve: (reading: MessageReading) => void; reject: (error: Error) => void }[];
}

interface ReadyState {
  analyzer: Reading['analyzer'];
  models: ModelInfo[];
  modelId: string;
  modelVersion: string | null;
  problems: string[];
}

const RESTART_DELAYS_MS = [50, 250, 1000, 5000];

/**
 * Reads every message and draft on this machine, off the main thread: a worker owns the models;
 * this engine keeps the queue (live before backlog), the cache (same text, same model → same
 * reading), the store and the events, and brings the worker back if it dies.
 */
export function createAnalysisEngine(options: AnalysisEngineOptions) {
  const { store, bus } = options;
  const now = options.now ?? Date.now;
  const liveBatchSize = options.liveBatchSize ?? 8;
  const backlogBatchSize = options.backlogBatchSize ?? 4;
  const workerUrl = options.workerUrl ?? new URL('./analysisWorker.js', import.meta.url);

  const queue = new ReadingQueue<Job>();
  const liveLatency = new LatencyStats();
  const queuedMessages = new Map<number, Job>();
  let worker: Worker | null = null;
  let ready: ReadyState | null = null;
  let state: AnalysisStatus['state'] = 'starting';
  const inFlight: Record<Priority, { batchId: number; priority: Priority; jobs: Job[] } | null> = { live: null, backlog: null };
  let nextBatchId = 1;
  let restarts = 0;
  let closing = false;
  let backlog = { done: 0, total: 0 };
  let lastProgressAt = 0;
  let peakMemory: WorkerMemory = { heapUsed: 0, rss: 0 };
  let readyWaiters: (() => void)[] = [];

  function spawn(): void {
    const { specs, problems } = findModels(options.locations());
    const spawned = new Worker(workerUrl);
    worker = spawned;
    spawned.on('message', (message: FromWorker) => {
      if (worker === spawned) onMessage(message);
    });
    spawned.on('error', (error) => {
      if (worker === spawned) onWorkerLost(`the analysis worker failed: ${error.message}`);
    });
    spawned.on('exit', (code) => {
      if (worker === spawned && !closing) onWorkerLost(`the analysis worker stopped (exit code ${code})`);
    });
    spawned.postMessage({ type: 'init', specs, problems } satisfies ToWorker);
  }

  /** Forgets the worker; what it was reading goes back to the front of the queue. */
  function detachWorker(): void {
    worker = null;
    ready = null;
    state = 'restarting';
    for (const lane of ['live', 'backlog'] as const) {
      const batch = inFlight[lane];
      if (batch) queue.returnToFront(batch.priority, batch.jobs);
      inFlight[lane] = null;
    }
  }

  function onWorkerLost(reason: string): void {
    console.error(`Kinship analysis: ${reason}; restarting it.`);
    detachWorker();
    const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)]!;
    restarts += 1;
    bus.emit('analysis.status', { state, analyzer: 'lexicon' });
    setTimeout(() => {
      if (!closing) spawn();
    }, delay).unref();
  }

  function onMessage(message: FromWorker): void {
    if (message.type === 'ready') {
      const changedModel = ready?.modelId !== message.modelId || ready?.modelVersion !== message.modelVersion;
      ready = { analyzer: message.analyzer, models: message.models, modelId: message.modelId, modelVersion: message.modelVersion, problems: message.problems };
      state = 'ready';
      if (message.problems.length) console.warn(`Kinship analysis: ${message.problems.join('; ')}`);
      bus.emit('analysis.status', { state, analyzer: message.analyzer });
      for (const resolve of readyWaiters) resolve();
      readyWaiters = [];
      if (changedModel) queueBacklog();
      pump();
    } else {
      finishBatch(message);
    }
  }

  function reportBacklog(force = false): void {
    const at = performance.now();
    if (!force && at - lastProgressAt < 250) return;
    lastProgressAt = at;
    bus.emit('progress', { task: 'analysis.backlog', label: 'Reading the backlog', done: backlog.done, total: backlog.total });
  }

  /** Every customer and agent message this model has not read yet goes to the backlog lane. */
  function queueBacklog(): void {
    if (!ready) return;
    const ids = store.analyses.unreadMessageIds(ready.modelId, ready.modelVersion);
    for (const job of queue.clear('backlog')) {
      if (job.messageId !== null) queuedMessages.delete(job.messageId);
    }
    backlog = { done: 0, total: 0 };
    for (const messageId of ids) {
      if (queuedMessages.has(messageId)) continue;
      const job: Job = { priority: 'backlog', messageId, draftId: null, conversationId: null, body: null, channel: 'chat', enqueuedAt: performance.now(), waiters: [] };
      queuedMessages.set(messageId, job);
      queue.push('backlog', job);
      backlog.total += 1;
    }
    if (backlog.total) reportBacklog(true);
  }

  /** Loads what a job needs; false when the message no longer exists. */
  function materialise(job: Job): boolean {
    if (job.body !== null) return true;
    const message = store.messages.getForReading(job.messageId!);
    if (!message) return false;
    job.body = message.body;
    job.channel = message.channel;
    job.conversationId = message.conversationId;
    return true;
  }

  function pump(): void {
    while (ready && worker) {
      // live work goes to the worker at once, even while a backlog batch is there (the worker serves it first)
      const lane: Priority | null =
        !inFlight.live && queue.size('live') > 0 ? 'live' : !inFlight.backlog && queue.size('live') === 0 && queue.size('backlog') > 0 ? 'backlog' : null;
      if (!lane) return;
      const batch = queue.takeBatch(liveBatchSize, backlogBatchSize);
      if (!batch) return;
      const toRead: Job[] = [];
      const fromCache: { job: Job; reading: Reading; hash: string }[] = [];
      for (const job of batch.items) {
        // a backlog job promoted to the live lane is read there, once
        if (job.settled || job.priority !== batch.priority) continue;
        if (!materialise(job)) {
          settle(job, null, 'the message no longer exists');
          continue;
        }
        // a backlog reading's latency is its own processing time, not the time it waited its turn
        if (batch.priority === 'backlog') job.enqueuedAt = performance.now();
        const hash = textHash(job.channel, job.body!);
        const cached = store.analyses.findCached(hash, ready.modelId, ready.modelVersion);
        if (cached) fromCache.push({ job, reading: cached, hash });
        else toRead.push(job);
      }
      if (fromCache.length) record(fromCache);
      if (toRead.length) {
        const sent = { batchId: nextBatchId++, priority: batch.priority, jobs: toRead };
        inFlight[batch.priority] = sent;
        const items = toRead.map((job, key) => ({ key, body: job.body!, channel: job.channel }));
        worker.postMessage({ type: 'read', batchId: sent.batchId, priority: sent.priority, items } satisfies ToWorker);
      }
    }
  }

  function finishBatch(message: Extract<FromWorker, { type: 'read' }>): void {
    const lane = (['live', 'backlog'] as const).find((name) => inFlight[name]?.batchId === message.batchId);
    if (!lane) return;
    const { jobs } = inFlight[lane]!;
    inFlight[lane] = null;
    peakMemory = { heapUsed: Math.max(peakMemory.heapUsed, message.memory.heapUsed), rss: Math.max(peakMemory.rss, message.memory.rss) };
    record(message.readings.map(({ key, reading }) => ({ job: jobs[key]!, reading, hash: textHash(jobs[key]!.channel, jobs[key]!.body!) })));
    pump();
  }

  /** Stores readings in one transaction, then tells whoever waits for them. */
  function record(results: { job: Job; reading: Reading; hash: string }[]): void {
    const finishedAt = performance.now();
    const at = now();
    const stored = store.transaction(() =>
      results.map(({ job, reading, hash }) => {
        const latencyMs = Math.round((finishedAt - job.enqueuedAt) * 100) / 100;
        if (job.messageId !== null && !store.messages.exists(job.messageId)) return null;
        store.analyses.insert({ messageId: job.messageId, draftId: job.draftId, textHash: hash, reading, latencyMs, createdAt: at });
        if (job.messageId !== null) store.conversations.recordReading(job.messageId, reading);
        return { ...reading, latencyMs, analysedAt: at } satisfies MessageReading;
      }),
    );
    results.forEach(({ job }, index) => {
      const reading = stored[index];
      if (!reading) {
        settle(job, null, 'the message no longer exists');
        return;
      }
      if (job.priority === 'live') {
        liveLatency.add(reading.latencyMs);
        bus.emit('analysis.result', {
          messageId: job.messageId,
          conversationId: job.conversationId,
          draftId: job.draftId,
          analyzer: reading.analyzer,
          modelId: reading.modelId,
          sentiment: reading.sentiment,
          sentimentClass: reading.sentimentClass,
          emotions: reading.emotions,
          dominant: reading.dominant,
          latencyMs: reading.latencyMs,
        });
      } else {
        backlog.done += 1;
      }
      settle(job, reading);
    });
    if (backlog.total) reportBacklog(backlog.done === backlog.total);
  }

  function settle(job: Job, reading: MessageReading | null, failure?: string): void {
    job.settled = true;
    if (job.messageId !== null) queuedMessages.delete(job.messageId);
    for (const waiter of job.waiters) {
      if (reading) waiter.resolve(reading);
      else waiter.reject(new Error(failure ?? 'not read'));
    }
  }

  function waitFor(job: Job): Promise<MessageReading> {
    return new Promise((resolve, reject) => job.waiters.push({ resolve, reject }));
  }

  // Live traffic: every customer or agent message that arrives is read at once.
  const unsubscribe = bus.subscribe((event) => {
    if (event.name === 'message.added' && (event.payload.author === 'customer' || event.payload.author === 'agent')) {
      void engine.readMessage(event.payload.messageId, 'live').catch(() => undefined);
    } else if (event.name === 'workspace.changed') {
      queueBacklog();
      pump();
    }
  });

  const engine = {
    /** Starts the worker and resolves when models (or the lexicon) are ready. */
    start(): Promise<void> {
      const started = new Promise<void>((resolve) => readyWaiters.push(resolve));
      spawn();
      return started;
    },
    /** Reads a stored message; a live request overtakes the same message waiting in the backlog. */
    readMessage(messageId: number, priority: Priority = 'live'): Promise<MessageReading> {
      const queued = queuedMessages.get(messageId);
      if (queued) {
        if (priority === 'live' && queued.priority === 'backlog') {
          queued.priority = 'live';
          queued.enqueuedAt = performance.now();
          queue.push('live', queued);
          backlog.total = Math.max(0, backlog.total - 1);
        }
        return waitFor(queued);
      }
      const job: Job = { priority, messageId, draftId: null, conversationId: null, body: null, channel: 'chat', enqueuedAt: performance.now(), waiters: [] };
      queuedMessages.set(messageId, job);
      queue.push(priority, job);
      const result = waitFor(job);
      pump();
      return result;
    },
    /** Reads an agent's draft (live priority); stored with its draft id for replays. */
    readDraft(draft: { draftId: string; conversationId: number; channel: Channel; text: string }): Promise<MessageReading> {
      const job: Job = { priority: 'live', messageId: null, draftId: draft.draftId, conversationId: draft.conversationId, body: draft.text, channel: draft.channel, enqueuedAt: performance.now(), waiters: [] };
      queue.push('live', job);
      const result = waitFor(job);
      pump();
      return result;
    },
    status(): AnalysisStatus {
      const setup = options.describeSetup?.() ?? { modelsDir: null, modelsDirSource: null, hubAllowed: false };
      return {
        state,
        analyzer: ready?.analyzer ?? 'lexicon',
        models: ready?.models ?? [],
        fallbackReason: ready?.analyzer === 'lexicon' ? (ready.problems[0] ?? 'no model is available') : null,
        problems: ready?.problems ?? [],
        ...setup,
        latency: liveLatency.count ? { count: liveLatency.count, p50: liveLatency.percentile(50), p95: liveLatency.percentile(95) } : null,
        backlog: { ...backlog },
        workerRestarts: restarts,
      };
    },
    /** The worker's peak memory so far (for the benchmark). */
    peakMemory: (): WorkerMemory => ({ ...peakMemory }),
    /** Reloads the models (after the models folder changed, or a download). Waiting work is kept. */
    async restart(): Promise<void> {
      const old = worker;
      detachWorker();
      await old?.terminate();
      await engine.start();
    },
    /** The worker thread, for tests that must see the engine survive its loss. */
    get worker(): Worker | null {
      return worker;
    },
    async close(): Promise<void> {
      closing = true;
      unsubscribe();
      await worker?.terminate();
      worker = null;
    },
  };
  return engine;
}

export type AnalysisEngine = ReturnType<typeof createAnalysisEngine>;
