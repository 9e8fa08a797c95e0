import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { AnalysisStatus, MessageReading, ModelInfo, Reading } from '../../../shared/contract/analysis';
import type { Channel } from '../../../shared/contract/domain';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { realNow, realScheduler, type Scheduler } from '../common/time';
import type { BackgroundTurns } from '../common/backgroundSlices';
import { LatencyStats } from './latencyStats';
import { findModels, type FoundModels, type ModelLocation } from './models/findModels';
import { ReadingQueue, type Priority } from './readingQueue';
import { createSetAsideMessages, type SetAsideMessage } from './setAsideMessages';
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
  /** Wall-clock time of readings (tests control it); the system's by default. */
  now?: () => number;
  /** Latencies and how the engine waits before bringing a dead worker back (tests control it); real timers by default. */
  scheduler?: Scheduler;
  /** Extra facts for the status (models folder in use, hub permission). */
  describeSetup?: () => Pick<AnalysisStatus, 'modelsDir' | 'modelsDirSource' | 'hubAllowed'>;
  /**
   * Where storing a backlog batch's readings (and sending the next) takes its turn, after the api's
   * calls (the host's background slices); at once, as the worker answers, by default. Live work never waits.
   */
  background?: BackgroundTurns;
  /**
   * How long a backlog message claimed by this process is left to it (several server processes on
   * one database share the backlog): a process that dies holds its claims no longer than this.
   */
  claimLeaseMs?: number;
  /**
   * At most this many backlog messages wait in memory at once: the backlog is read from the store a
   * page at a time, newest stored first, as the worker drains it (a workspace of a million unread
   * messages holds a page of ids, not a million).
   */
  backlogPageSize?: number;
  /** How many messages one slice of the backlog's count looks at: the host's loop turns between slices, so a call never waits behind the count. */
  backlogCountSlice?: number;
}

/** How the backlog has been read from the store since the engine started (for tests and the benchmark). */
export interface BacklogPaging {
  /** Slices of the backlog's count, and pages of it read. */
  countSlices: number;
  pages: number;
  /** Backlog messages queued from those pages (a message queued again in a later round counts again). */
  queued: number;
  /** The most backlog messages that ever waited in memory at once. */
  mostWaiting: number;
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
  /** With the worker now, in a batch. */
  inFlight?: boolean;
  /** The backlog round it is counted in (a backlog job of an older round is not counted again). */
  round?: number;
  /** Was in the worker's hands when it died, with others: read alone next time, to find the culprit. */
  suspect?: boolean;
  waiters: { resolve: (reading: MessageReading) => void; reject: (error: Error) => void }[];
}

interface Batch {
  batchId: number;
  priority: Priority;
  jobs: Job[];
  /** The keys the worker said it was working on last. */
  working: number[] | null;
  /** The worker has answered it: its readings wait for their turn to be stored, and the worker no longer has it. */
  answered?: boolean;
}

/**
 * The backlog's next batch, made ready while the worker reads the one before: claimed in the
 * database, its messages loaded, the cache asked (for the model it was made for).
 */
interface Prefetch {
  jobs: Job[];
  modelId: string;
  modelVersion: string | null;
  /** Once ready: what is left to read (the rest was read already, elsewhere, or is gone). */
  toRead: Job[] | null;
  /** Not to be sent (a new round began, the model changed): its claims are let go, its jobs go back. */
  discarded: boolean;
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
  const now = options.now ?? realNow;
  const scheduler = options.scheduler ?? realScheduler;
  const setAside = createSetAsideMessages(store);
  const liveBatchSize = options.liveBatchSize ?? 8;
  const backlogBatchSize = options.backlogBatchSize ?? 4;
  const backlogPageSize = Math.max(1, options.backlogPageSize ?? 1000);
  const backlogCountSlice = Math.max(1, options.backlogCountSlice ?? 10_000);
  const workerUrl = options.workerUrl ?? new URL('./analysisWorker.js', import.meta.url);

  const queue = new ReadingQueue<Job>();
  const liveLatency = new LatencyStats();
  const queuedMessages = new Map<number, Job>();
  let worker: Worker | null = null;
  let ready: ReadyState | null = null;
  let state: AnalysisStatus['state'] = 'starting';
  const inFlight: Record<Priority, Batch | null> = { live: null, backlog: null };
  let nextBatchId = 1;
  let restarts = 0;
  let closing = false;
  /** done counts backlog jobs of this round that were settled (read, from the cache, gone or set aside): never more than total. */
  let backlog = { done: 0, total: 0 };
  let backlogRound = 0;
  /** The model the backlog was last queued for. */
  let backlogModel: string | null = null;
  let lastProgressAt = -Infinity;
  let peakMemory: WorkerMemory = { heapUsed: 0, rss: 0 };
  let readyWaiters: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];
  let cancelRespawn: (() => void) | null = null;
  /** A backlog batch read, waiting for its turn to be stored. */
  let cancelFinish: (() => void) | null = null;
  let spawnGeneration = 0;
  /** Store work under way (queueing the backlog, loading jobs, storing readings): the engine is not idle while any runs. */
  let storeWork = 0;
  let pumping = false;
  /** The backlog's next batch, made ready while the worker reads the one before (prefetchBacklog). */
  let prefetch: Prefetch | null = null;
  let pumpAgain = false;
  /** Who this engine is when it claims backlog messages in the database (one per process and start). */
  const claimant = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const claimLeaseMs = options.claimLeaseMs ?? 120_000;
  let cancelLookAgain: (() => void) | null = null;
  /**
   * Where reading the backlog's pages has got to in this round: below which message id the next page
   * starts (null: the newest), whether there is nothing more to page in (the oldest was reached, or
   * the lowest message the count found unread was passed), how many of the messages counted at the
   * round's start are not queued yet (what the progress total is made of until they are), and the
   * message id below which the count found nothing unread (null: it found some down to the oldest).
   */
  let paging: { round: number; below: number | null; exhausted: boolean; unpaged: number; floor: number | null } = { round: 0, below: null, exhausted: true, unpaged: 0, floor: null };
  let pageLoading = false;
  /** Each queueing of the backlog replaces the one before: a count still under way stops, and waits for the newest. */
  let queueing = 0;
  let latestQueueing: Promise<void> = Promise.resolve();
  const pagingStats: BacklogPaging = { countSlices: 0, pages: 0, queued: 0, mostWaiting: 0 };
  /** Store work under way, so that close() can wait for it (a message set aside is remembered before the workspace closes). */
  const storeTasks = new Set<Promise<void>>();

  /** Runs store work in the background, counted so that whenIdle waits for it; a failure is logged, never thrown. */
  function background(work: () => Promise<void>, what: string): void {
    storeWork += 1;
    const task = work()
      .catch((error: unknown) => console.error(`Kinship analysis: ${what} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        storeWork -= 1;
        storeTasks.delete(task);
        pump();
      });
    storeTasks.add(task);
  }

  /** Looks for models (never throws: what cannot be read is a problem), then starts a worker with them. */
  async function spawn(): Promise<void> {
    const generation = ++spawnGeneration;
    let found: FoundModels;
    try {
      await setAside.load();
      found = await findModels(options.locations());
    } catch (error) {
      found = { specs: [], problems: [`the models could not be looked for (${error instanceof Error ? error.message : String(error)})`] };
    }
    // closed, or restarted again while the folders were being read
    if (closing || generation !== spawnGeneration) return;
    const { specs, problems } = found;
    if (worker) {
      // two starts crossed (a respawn after a crash and a restart): only the newest worker stays
      const stale = worker;
      detachWorker();
      void stale.terminate();
    }
    let spawned: Worker;
    try {
      spawned = new Worker(workerUrl);
    } catch (error) {
      onWorkerLost(`the analysis worker could not be started: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
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

  /** Forgets the worker; what it was reading goes back to the front of its lane. */
  function detachWorker(): void {
    worker = null;
    ready = null;
    state = 'restarting';
    for (const lane of ['live', 'backlog'] as const) {
      const batch = inFlight[lane];
      inFlight[lane] = null;
      if (!batch) continue;
      if (batch.answered) {
        // its readings go with the worker that made them (a restart may bring another model): the batch
        // goes back to be read again, untouched (blameLostBatches never blames it)
        cancelFinish?.();
        cancelFinish = null;
      }
      for (const job of batch.jobs) job.inFlight = false;
      // a job promoted to live while the worker had it goes back to the live lane
      for (const priority of ['live', 'backlog'] as const) {
        const back = batch.jobs.filter((job) => !job.settled && job.priority === priority);
        if (back.length) queue.returnToFront(priority, back);
      }
    }
  }

  /**
   * The worker died with work in its hands. The one item it was working on is set aside for good
   * (after this one failure); when it was working on several, each is read alone next time, so a
   * second death names the culprit. The rest of the batch is read as usual. A batch the worker had
   * already answered (its readings waiting for their turn to be stored) was not in its hands: never blamed.
   */
  function blameLostBatches(reason: string): void {
    for (const lane of ['live', 'backlog'] as const) {
      const batch = inFlight[lane];
      if (!batch || batch.answered) continue;
      const open = batch.jobs.filter((job) => !job.settled);
      const suspects = batch.working ? batch.working.map((key) => batch.jobs[key]).filter((job): job is Job => !!job && !job.settled) : open;
      if (suspects.length === 1) setJobAside(suspects[0]!, `the analysis worker stopped while reading it (${reason})`);
      else for (const job of suspects) job.suspect = true;
    }
  }

  function onWorkerLost(reason: string): void {
    console.error(`Kinship analysis: ${reason}; restarting it.`);
    blameLostBatches(reason);
    detachWorker();
    const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)]!;
    restarts += 1;
    bus.emit('analysis.status', { state, analyzer: 'lexicon' });
    cancelRespawn?.();
    cancelRespawn = scheduler.after(delay, () => {
      cancelRespawn = null;
      if (!closing) void spawn();
    });
  }

  function onMessage(message: FromWorker): void {
    if (message.type === 'working') {
      const batch = inFlight.live?.batchId === message.batchId ? inFlight.live : inFlight.backlog?.batchId === message.batchId ? inFlight.backlog : null;
      if (batch) batch.working = message.keys;
    } else if (message.type === 'ready') {
      // the same model back after a restart keeps its backlog round; a new one reads everything again
      const modelKey = `${message.modelId}\u0000${message.modelVersion ?? ''}`;
      const changedModel = backlogModel !== modelKey;
      backlogModel = modelKey;
      ready = { analyzer: message.analyzer, models: message.models, modelId: message.modelId, modelVersion: message.modelVersion, problems: message.problems };
      state = 'ready';
      if (message.problems.length) console.warn(`Kinship analysis: ${message.problems.join('; ')}`);
      bus.emit('analysis.status', { state, analyzer: message.analyzer });
      // started once the backlog this model leaves unread is counted (the status tells it from the start)
      const started = readyWaiters;
      readyWaiters = [];
      const tellStarted = () => {
        for (const resolve of started) resolve();
      };
      if (changedModel) background(() => queueBacklog().finally(tellStarted), 'queueing the backlog');
      else tellStarted();
      pump();
    } else if (options.background && inFlight.backlog?.batchId === message.batchId) {
      // the backlog's readings are stored when the api is quiet: a call never waits behind them
      inFlight.backlog.answered = true;
      cancelFinish?.();
      cancelFinish = options.background.schedule(() => {
        cancelFinish = null;
        finishBatch(message);
      });
    } else {
      finishBatch(message);
    }
  }

  function reportBacklog(force = false): void {
    const at = scheduler.monotonic();
    if (!force && at - lastProgressAt < 250) return;
    lastProgressAt = at;
    bus.emit('progress', { task: 'analysis.backlog', label: 'Reading the backlog', done: backlog.done, total: backlog.total });
  }

  /**
   * Every customer and agent message this model has not read yet goes to the backlog lane, in a
   * new round: the total is what is still to do now — the backlog jobs already waiting or with the
   * worker, and the unread messages not queued yet — and only jobs of this round count as done.
   * They are counted here, in slices (the loop turns between them); their ids are read a page at a
   * time as the worker drains the lane (fillBacklog), newest stored first.
   */
  function queueBacklog(): Promise<void> {
    latestQueueing = countAndQueue(++queueing);
    return latestQueueing;
  }

  async function countAndQueue(generation: number): Promise<void> {
    if (!ready) return;
    const model = { modelId: ready.modelId, modelVersion: ready.modelVersion };
    // (what another process has claimed and is reading now is its own backlog, not this one's)
    const at = now();
    let unread = 0;
    let below: number | null = null;
    // below the last slice that held unread messages the count found none: paging stops there
    let floor: number | null = null;
    do {
      const slice = await store.analyses.countBacklog(model, below, backlogCountSlice, { by: claimant, at });
      pagingStats.countSlices += 1;
      unread += slice.unread;
      if (slice.unread > 0) floor = slice.next;
      below = slice.next;
      if (below !== null) await nextTurn();
      // queued again meanwhile (more arrived, another model): the newest count stands
      if (generation !== queueing) return latestQueueing;
      if (closing) return;
    } while (below !== null);
    // what others are reading is looked at again when their leases run out (a process that died leaves it unread)
    if (await store.analyses.claimedElsewhere(claimant, at) > 0) lookAgainLater();
    if (generation !== queueing) return latestQueueing;
    if (closing) return;
    backlogRound += 1;
    backlog = { done: 0, total: 0 };
    const join = (job: Job) => {
      job.round = backlogRound;
      backlog.total += 1;
    };
    const waiting = queue.clear('backlog').filter((job) => !job.settled && job.priority === 'backlog');
    for (const job of waiting) join(job);
    queue.returnToFront('backlog', waiting);
    for (const job of inFlight.backlog?.jobs ?? []) if (!job.settled && job.priority === 'backlog') join(job);
    // a batch made ready for the round before is not sent: its jobs go back to the lane (in this round), its claims go
    if (prefetch) {
      for (const job of prefetch.jobs) if (isOpenBacklog(job)) join(job);
      discard(prefetch);
    }
    // those waiting or with the worker are unread, so counted among the unread: the rest are still to be paged in
    const unpaged = Math.max(0, unread - backlog.total);
    // nothing unread: no page is read (a start with the backlog read walks no table); messages that
    // arrive later are read as they arrive (the live lane), and a recount (more arrived in bulk,
    // another process's claims ran out) begins a new round
    paging = { round: backlogRound, below: null, exhausted: unread === 0, unpaged, floor };
    backlog.total += unpaged;
    if (backlog.total) reportBacklog(true);
    fillBacklog();
  }

  /** Reads the backlog's next pages when fewer than half a page wait, one reader at a time. */
  function fillBacklog(): void {
    if (pageLoading || closing || paging.exhausted || !ready || queue.size('backlog') * 2 >= backlogPageSize) return;
    pageLoading = true;
    background(async () => {
      try {
        await loadPages();
      } finally {
        pageLoading = false;
      }
    }, 'reading the backlog');
  }

  /**
   * Pages in the backlog until half a page or more waits (never more than a page: a page looks at no
   * more messages than there is room for), the loop turning between pages. A page that comes back
   * after a new round began is dropped: the new round reads from the newest again.
   */
  async function loadPages(): Promise<void> {
    for (;;) {
      // the loop turns before each page: a call that came meanwhile is answered first
      await nextTurn();
      if (!ready || closing || paging.exhausted || queue.size('backlog') * 2 >= backlogPageSize) return;
      const round = paging.round;
      const { modelId, modelVersion } = ready;
      const room = backlogPageSize - queue.size('backlog');
      const page = await store.analyses.backlogPage({ modelId, modelVersion }, paging.below, room, { by: claimant, at: now() });
      pagingStats.pages += 1;
      if (closing || paging.round !== round || ready?.modelId !== modelId || ready.modelVersion !== modelVersion) return;
      let added = 0;
      for (const messageId of page.ids) {
        if (queuedMessages.has(messageId) || setAside.has(messageId)) continue;
        const job: Job = { priority: 'backlog', messageId, draftId: null, conversationId: null, body: null, channel: 'chat', enqueuedAt: scheduler.monotonic(), waiters: [], round };
        queuedMessages.set(messageId, job);
        queue.push('backlog', job);
        added += 1;
      }
      pagingStats.queued += added;
      pagingStats.mostWaiting = Math.max(pagingStats.mostWaiting, queue.size('backlog'));
      // found beyond what was counted (a claim ran out meanwhile) adds to the total; the count is used up first
      const counted = Math.min(added, paging.unpaged);
      paging.unpaged -= counted;
      backlog.total += added - counted;
      paging.below = page.next;
      // the oldest reached, or every message left below is one the count found read already
      if (page.next === null || (paging.floor !== null && page.next <= paging.floor)) {
        // what was counted but never found (read live meanwhile, set aside) is not to do
        paging.exhausted = true;
        const unfound = paging.unpaged;
        paging.unpaged = 0;
        backlog.total -= unfound;
        if (unfound) reportBacklog(backlog.done === backlog.total);
        return;
      }
      pump();
    }
  }

  function isIdle(): boolean {
    return state === 'ready' && !inFlight.live && !inFlight.backlog && !prefetch && queue.size() === 0 && storeWork === 0 && !pumping && paging.exhausted;
  }

  /** Sends the worker what it can take now; one pass at a time (a pass reads the store), another follows if asked for meanwhile. */
  function pump(): void {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    const pass = (async () => {
      do {
        pumpAgain = false;
        try {
          await pumpBatches();
        } catch (error) {
          console.error(`Kinship analysis: the queue could not be served: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (pumpAgain);
      pumping = false;
      prefetchBacklog();
      fillBacklog();
      if (idleWaiters.length && isIdle()) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    })();
    // it reads the store too: close() waits for it
    storeTasks.add(pass);
    void pass.finally(() => storeTasks.delete(pass));
  }

  /** Loads what the jobs need, in one query: the jobs ready to read (a message that no longer exists is settled as gone). */
  async function materialise(jobs: Job[]): Promise<Job[]> {
    const unloaded = jobs.filter((job) => job.body === null).map((job) => job.messageId!);
    const messages = await store.messages.getManyForReading(unloaded);
    return jobs.filter((job) => {
      if (job.body !== null) return true;
      const message = messages.get(job.messageId!);
      if (!message) {
        settle(job, null, 'the message no longer exists');
        return false;
      }
      job.body = message.body;
      job.channel = message.channel;
      job.conversationId = message.conversationId;
      return true;
    });
  }

  /** Still to be read in this lane: not read, not with the worker, not promoted to the other lane. */
  const isOpenIn = (priority: Priority) => (job: Job) => !job.settled && !job.inFlight && job.priority === priority;
  const isOpenBacklog = isOpenIn('backlog');

  async function pumpBatches(): Promise<void> {
    while (ready && worker) {
      // live work goes to the worker at once, even while a backlog batch is there (the worker serves it first);
      // it is loaded here, never behind the backlog's next batch (made beside it, by prefetchBacklog)
      if (!inFlight.live && queue.size('live') > 0) {
        const { toRead } = await loadAndLookUp(queue.take('live', liveBatchSize), isOpenIn('live'), ready);
        send('live', toRead);
        continue;
      }
      const made = prefetch;
      if (!inFlight.backlog && queue.size('live') === 0 && made?.toRead && !made.discarded) {
        // made for another model (the worker came back with a different one): made again for this one
        if (made.modelId !== ready.modelId || made.modelVersion !== ready.modelVersion) {
          discard(made);
          return;
        }
        prefetch = null;
        const toRead = made.toRead.filter(isOpenBacklog);
        // a backlog reading's latency is its own processing time, not the time it waited its turn
        const sentAt = scheduler.monotonic();
        for (const job of toRead) job.enqueuedAt = sentAt;
        send('backlog', toRead);
        prefetchBacklog();
        continue;
      }
      return;
    }
  }

  /**
   * What the jobs' messages say, and the readings of the same texts by this model, in a query each:
   * those with a reading in the cache are stored with it (and settled); the rest are to be read.
   */
  async function loadAndLookUp(jobs: Job[], isOpen: (job: Job) => boolean, model: { modelId: string; modelVersion: string | null }): Promise<{ toRead: Job[] }> {
    const loaded = await materialise(jobs.filter(isOpen));
    const hashes = new Map(loaded.filter(isOpen).map((job) => [job, textHash(job.channel, job.body!)]));
    const cachedReadings = hashes.size ? await store.analyses.findCachedMany([...hashes.values()], model.modelId, model.modelVersion) : new Map<string, Reading>();
    const toRead: Job[] = [];
    const fromCache: { job: Job; reading: Reading; hash: string }[] = [];
    for (const [job, hash] of hashes) {
      if (!isOpen(job)) continue;
      const cached = cachedReadings.get(hash);
      if (cached) fromCache.push({ job, reading: cached, hash });
      else toRead.push(job);
    }
    if (fromCache.length) background(() => record(fromCache), 'storing cached readings');
    return { toRead };
  }

  /** Hands the worker a batch of one lane (a suspect alone); back to the front of its lane if the worker went away meanwhile. */
  function send(priority: Priority, toRead: Job[]): void {
    if (!ready || !worker) {
      queue.returnToFront(priority, toRead);
      return;
    }
    // a suspect from a batch that killed the worker is read alone
    const suspect = toRead.findIndex((job) => job.suspect);
    if (suspect >= 0) {
      const cut = suspect === 0 ? 1 : suspect;
      queue.returnToFront(priority, toRead.splice(cut));
    }
    if (!toRead.length) return;
    const sent: Batch = { batchId: nextBatchId++, priority, jobs: toRead, working: null };
    inFlight[priority] = sent;
    for (const job of toRead) job.inFlight = true;
    const items = toRead.map((job, key) => ({ key, body: job.body!, channel: job.channel }));
    worker.postMessage({ type: 'read', batchId: sent.batchId, priority, items } satisfies ToWorker);
  }

  /**
   * Makes the backlog's next batch ready (claimed, loaded, looked up in the cache) while the worker
   * reads the one before, so that the worker does not wait through those round trips between
   * batches (on PostgreSQL they are several milliseconds a batch). One at a time, and only while no
   * live work waits: live work is loaded and sent by the pump, never behind it.
   */
  function prefetchBacklog(): void {
    if (prefetch || closing || !ready || !worker || queue.size('live') > 0 || queue.size('backlog') === 0) return;
    const made: Prefetch = { jobs: queue.take('backlog', backlogBatchSize), modelId: ready.modelId, modelVersion: ready.modelVersion, toRead: null, discarded: false };
    prefetch = made;
    background(async () => {
      try {
        if ((await claimBacklog(made.jobs, made)) && !made.discarded) {
          const { toRead } = await loadAndLookUp(made.jobs, isOpenBacklog, made);
          if (!made.discarded) {
            made.toRead = toRead;
            return;
          }
        }
        // closing, or discarded while it was made: its claims go, its jobs back to the lane
        await letGo(made);
      } catch (error) {
        // the store refused (closing, a lost connection): not read in this round, and said so (a new round reads them);
        // what was claimed is let go at once where the store still answers, so that another process need not wait out the lease
        await releaseQuietly(made.jobs.filter(isOpenBacklog));
        if (prefetch === made) prefetch = null;
        for (const job of made.jobs) if (isOpenBacklog(job)) settle(job, null, `the backlog could not be read (${error instanceof Error ? error.message : String(error)})`);
        throw error;
      }
    }, 'making the next backlog batch ready');
  }

  /**
   * A batch made ready but not sent is not sent (a new round began, the model changed): its jobs go
   * back to the front of the backlog lane, and its claims are let go. One still being made is let go
   * by itself when it is done.
   */
  function discard(made: Prefetch): void {
    if (made.discarded) return;
    made.discarded = true;
    if (made.toRead !== null) background(() => letGo(made), 'letting a backlog batch go');
  }

  /** Lets a batch's claims go, then puts its open jobs back (a batch made next waits until the claims are gone, so none of its claims is let go). */
  async function letGo(made: Prefetch): Promise<void> {
    const open = made.jobs.filter(isOpenBacklog);
    try {
      if (open.length) await store.analyses.releaseClaims(open.map((job) => job.messageId!), claimant);
    } finally {
      queue.returnToFront('backlog', open.filter(isOpenBacklog));
      if (prefetch === made) prefetch = null;
    }
  }

  /** Lets the jobs' claims go, if the store still answers: else they run out with their lease (said, not thrown, so that the first error is the one told). */
  async function releaseQuietly(jobs: Job[]): Promise<void> {
    const ids = jobs.flatMap((job) => (job.messageId === null ? [] : [job.messageId]));
    if (!ids.length) return;
    try {
      await store.analyses.releaseClaims(ids, claimant);
    } catch (error) {
      console.error(`Kinship analysis: a backlog batch's claims could not be let go (they run out by themselves): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Claims a backlog batch's messages in the database before they are read, so that of several
   * server processes on one database each message is read by one: those another process is
   * reading now (or has read) are done here, and looked at again when that process's lease runs
   * out — if it died, they are still unread then, and read here. False when the engine is closing.
   */
  async function claimBacklog(jobs: Job[], model: { modelId: string; modelVersion: string | null }): Promise<boolean> {
    const open = jobs.filter((job) => isOpenBacklog(job) && job.messageId !== null);
    if (open.length === 0) return true;
    const at = now();
    const claimed = new Set(await store.analyses.claim(open.map((job) => job.messageId!), { modelId: model.modelId, modelVersion: model.modelVersion }, claimant, at, at + claimLeaseMs));
    if (closing) return false;
    const elsewhere = open.filter((job) => !claimed.has(job.messageId!));
    for (const job of elsewhere) settle(job, null, 'another server process is reading it');
    if (elsewhere.length) lookAgainLater();
    return true;
  }

  /** Once the leases of messages other processes claimed have run out, the backlog is counted again (what they left unread is read here). */
  function lookAgainLater(): void {
    if (cancelLookAgain || closing) return;
    cancelLookAgain = scheduler.after(claimLeaseMs, () => {
      cancelLookAgain = null;
      if (!closing) background(queueBacklog, 'queueing the backlog');
    });
  }

  function finishBatch(message: Extract<FromWorker, { type: 'read' }>): void {
    const lane = (['live', 'backlog'] as const).find((name) => inFlight[name]?.batchId === message.batchId);
    if (!lane) return;
    const { jobs } = inFlight[lane]!;
    inFlight[lane] = null;
    for (const job of jobs) job.inFlight = false;
    peakMemory = { heapUsed: Math.max(peakMemory.heapUsed, message.memory.heapUsed), rss: Math.max(peakMemory.rss, message.memory.rss) };
    const results = message.readings.filter(({ key }) => jobs[key]).map(({ key, reading }) => ({ job: jobs[key]!, reading, hash: textHash(jobs[key]!.channel, jobs[key]!.body!) }));
    for (const { key, reason } of message.failures ?? []) {
      const job = jobs[key];
      if (job && !job.settled) setJobAside(job, reason);
    }
    const read = new Set(results.map(({ job }) => job));
    background(async () => {
      try {
        await record(results);
      } catch (error) {
        // the store refused (closing, full disk): the jobs are not read, and say so
        for (const { job } of results) if (!job.settled) settle(job, null, `the reading could not be stored (${error instanceof Error ? error.message : String(error)})`);
      }
    }, 'storing readings');
    // anything the worker neither read nor reported goes back to be read again
    const missed = jobs.filter((job) => !job.settled && !read.has(job));
    for (const priority of ['live', 'backlog'] as const) {
      const back = missed.filter((job) => job.priority === priority);
      if (back.length) queue.returnToFront(priority, back);
    }
    pump();
  }

  /** Stores readings in one transaction, then tells whoever waits for them. */
  async function record(results: { job: Job; reading: Reading; hash: string }[]): Promise<void> {
    results = results.filter(({ job }) => !job.settled);
    if (!results.length) return;
    const finishedAt = scheduler.monotonic();
    const at = now();
    const analyses = results.map(({ job, reading, hash }) => ({
      messageId: job.messageId, draftId: job.draftId, textHash: hash, reading, createdAt: at,
      latencyMs: Math.round((finishedAt - job.enqueuedAt) * 100) / 100,
    }));
    // the whole batch in one transaction of a few statements (not a round trip per reading); a message
    // read already (by another server process) keeps that reading, and is not announced again
    const stored = await store.transaction(async () => {
      const answers = await store.analyses.insertMany(analyses);
      const models = new Map<string, { modelId: string; modelVersion: string | null; messageIds: number[] }>();
      analyses.forEach((analysis, index) => {
        if (analysis.messageId === null || answers[index]!.kind !== 'stored') return;
        const key = `${analysis.reading.modelId}\u0000${analysis.reading.modelVersion ?? ''}`;
        const model = models.get(key) ?? { modelId: analysis.reading.modelId, modelVersion: analysis.reading.modelVersion, messageIds: [] };
        model.messageIds.push(analysis.messageId);
        models.set(key, model);
      });
      for (const model of models.values()) await store.conversations.recordReadings(model.messageIds, model);
      return answers;
    });
    results.forEach(({ job }, index) => {
      const answer = stored[index]!;
      if (answer.kind === 'gone') {
        settle(job, null, 'the message no longer exists');
        return;
      }
      if (answer.kind === 'read-already') {
        const { labels: _labels, ...standing } = answer.reading;
        settle(job, standing);
        return;
      }
      const { reading: read, latencyMs } = analyses[index]!;
      const reading: MessageReading = { ...read, latencyMs, analysedAt: at };
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
      }
      settle(job, reading);
    });
  }

  /** Never read again: remembered with the workspace, with its reason. */
  function setJobAside(job: Job, reason: string): void {
    if (job.messageId !== null) {
      console.error(`Kinship analysis: message ${job.messageId} is set aside and will not be read again: ${reason}`);
      const messageId = job.messageId;
      // store work like any other: the engine is not idle, nor closed, until it is remembered
      background(() => setAside.add({ messageId, reason, at: now() }), `remembering that message ${messageId} is set aside`);
    } else {
      console.error(`Kinship analysis: a draft could not be read: ${reason}`);
    }
    settle(job, null, `it could not be read: ${reason}`);
  }

  /** A job is finished, read or not; a backlog job of this round counts as done either way. */
  function settle(job: Job, reading: MessageReading | null, failure?: string): void {
    if (job.settled) return;
    job.settled = true;
    if (job.priority === 'backlog' && job.round === backlogRound && backlog.total > 0) {
      backlog.done += 1;
      reportBacklog(backlog.done === backlog.total);
    }
    if (job.messageId !== null && queuedMessages.get(job.messageId) === job) queuedMessages.delete(job.messageId);
    for (const waiter of job.waiters) {
      if (reading) waiter.resolve(reading);
      else waiter.reject(new Error(failure ?? 'not read'));
    }
  }

  function waitFor(job: Job): Promise<MessageReading> {
    return new Promise((resolve, reject) => job.waiters.push({ resolve, reject }));
  }

  // Live traffic: every customer or agent message stored by this process is read at once (one stored
  // by another server process is read there). A workspace changed in bulk — here, or by another
  // server process on the same database (the demo loaded, the workspace emptied) — is counted again.
  const unsubscribe = bus.subscribe(
    (event, from) => {
      if (event.name === 'message.added' && from === null && (event.payload.author === 'customer' || event.payload.author === 'agent')) {
        void engine.readMessage(event.payload.messageId, 'live').catch(() => undefined);
      } else if (event.name === 'workspace.changed') {
        background(queueBacklog, 'queueing the backlog');
      }
    },
    { team: true },
  );

  /** Messages set aside, in one line for Settings: how many, and the newest one's reason. */
  function setAsideProblem(): string[] {
    const entries = setAside.list();
    const newest = entries.at(-1);
    if (!newest) return [];
    const count = entries.length === 1 ? '1 message was' : `${entries.length.toLocaleString('en')} messages were`;
    return [`${count} set aside unread (the newest, message ${newest.messageId}: ${newest.reason})`];
  }

  const engine = {
    /** Starts the worker and resolves when models (or the lexicon) are ready and the backlog they leave unread is counted. */
    start(): Promise<void> {
      const started = new Promise<void>((resolve) => readyWaiters.push(resolve));
      void spawn();
      return started;
    },
    /** Reads a stored message; a live request overtakes the same message waiting in the backlog. */
    readMessage(messageId: number, priority: Priority = 'live'): Promise<MessageReading> {
      const asideEntry = setAside.get(messageId);
      if (asideEntry) return Promise.reject(new Error(`message ${messageId} is set aside: ${asideEntry.reason}`));
      const queued = queuedMessages.get(messageId);
      if (queued) {
        if (priority === 'live' && queued.priority === 'backlog') {
          queued.priority = 'live';
          queued.enqueuedAt = scheduler.monotonic();
          // one the worker has already is announced as live when it comes back
          if (!queued.inFlight) queue.push('live', queued);
          if (queued.round === backlogRound && backlog.total > 0) backlog.total -= 1;
          queued.round = undefined;
        }
        const result = waitFor(queued);
        pump();
        return result;
      }
      const job: Job = { priority, messageId, draftId: null, conversationId: null, body: null, channel: 'chat', enqueuedAt: scheduler.monotonic(), waiters: [] };
      queuedMessages.set(messageId, job);
      queue.push(priority, job);
      const result = waitFor(job);
      pump();
      return result;
    },
    /** Reads an agent's draft (live priority); stored with its draft id for replays. */
    readDraft(draft: { draftId: string; conversationId: number; channel: Channel; text: string }): Promise<MessageReading> {
      const job: Job = { priority: 'live', messageId: null, draftId: draft.draftId, conversationId: draft.conversationId, body: draft.text, channel: draft.channel, enqueuedAt: scheduler.monotonic(), waiters: [] };
      queue.push('live', job);
      const result = waitFor(job);
      pump();
      return result;
    },
    status(): Omit<AnalysisStatus, 'downloads'> {
      const setup = options.describeSetup?.() ?? { modelsDir: null, modelsDirSource: null, hubAllowed: false };
      return {
        state,
        analyzer: ready?.analyzer ?? 'lexicon',
        models: ready?.models ?? [],
        fallbackReason: ready?.analyzer === 'lexicon' ? (ready.problems[0] ?? 'no model is available') : null,
        problems: [...(ready?.problems ?? []), ...setAsideProblem()],
        ...setup,
        latency: liveLatency.count ? { count: liveLatency.count, p50: liveLatency.percentile(50), p95: liveLatency.percentile(95) } : null,
        backlog: { ...backlog },
        workerRestarts: restarts,
      };
    },
    /** True when the engine is ready with nothing queued and nothing with the worker: the backlog has settled. */
    isIdle,
    /** Resolves when the engine is next idle (at once if it is now, or when it closes). */
    whenIdle(): Promise<void> {
      if (closing || isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    /** Messages that will not be read again, and why (newest last). */
    setAside: (): SetAsideMessage[] => setAside.list(),
    /** How the backlog has been read from the store so far: slices counted, pages read, the most that waited in memory. */
    backlogPaging: (): BacklogPaging => ({ ...pagingStats }),
    /** The worker's peak memory so far (for the benchmark). */
    peakMemory: (): WorkerMemory => ({ ...peakMemory }),
    /** Reloads the models (after the models folder changed, or a download). Waiting work is kept. */
    async restart(): Promise<void> {
      cancelRespawn?.();
      cancelRespawn = null;
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
      cancelRespawn?.();
      cancelFinish?.();
      cancelFinish = null;
      cancelLookAgain?.();
      cancelLookAgain = null;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
      await worker?.terminate();
      worker = null;
      // what is being stored (readings, a message set aside) lands before the workspace is closed
      while (storeTasks.size) await Promise.allSettled([...storeTasks]);
      // and what this process claimed but did not read is let go: whoever starts next reads it at once, not when the leases run out
      try {
        await store.analyses.releaseAllClaims(claimant);
      } catch (error) {
        console.error(`Kinship analysis: the backlog's claims could not be let go (they run out by themselves): ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
  return engine;
}

export type AnalysisEngine = ReturnType<typeof createAnalysisEngine>;
