import type { ConnectionIndex } from '../../../shared/contract/connection';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { firstNameOf } from '../common/personName';
import type { ConnectionHistory } from './connectionHistory';
import { lastContactAt as lastContactOf } from './lastContact';
import { computeConnection } from './connectionFormula';
import { realScheduler, type Scheduler } from '../common/time';
import type { BackgroundTurns } from '../common/backgroundSlices';

interface ConnectionServiceOptions {
  store: Store;
  bus: EventBus;
  /** Wall-clock time (what the index is computed as of). */
  now: () => number;
  /** Timers and the monotonic clock of the background sweep; the event loop's by default. */
  scheduler?: Scheduler;
  timeZone?: string;
  /** Where each slice of the sweep takes its turn, after the api's calls; at once when its timer fires by default. */
  background?: BackgroundTurns;
}

/** Where the background sweep stands, for the host's "has background work settled?". */
export interface ConnectionSweepState {
  /** Customers waiting to be (re)computed (counted up to a cap; 0 once settled). */
  pending: number;
  /** Customers whose index could not be computed (their data is recorded as at fault; everyone else goes on). */
  failed: number;
  /** Nothing is scheduled: every customer that could be computed has been. */
  settled: boolean;
}

/** Customers looked up at a time for the background sweep. */
const BATCH = 40;
/** The sweep works at most this long in one turn of the event loop, then rests as long: the api always comes first. */
const SLICE_MS = 8;
/** The background sweep begins this long after the host starts, when the console has had its first answers. */
const SWEEP_AFTER_MS = 3_000;
/** A short wait after a change, so a burst of messages from one customer is one recomputation. */
const SETTLE_MS = 250;
const DAY = 86_400_000;
const TELL_EVERY_MS = 1_000;
/** How far `pending` counts (the figure is for a progress line, not an audit). */
const PENDING_COUNTED = 10_000;
/** An explanation shown in a panel is reused for this long when nothing changed for the customer. */
const FRESH_MS = 60_000;
/** How many customers' explanations are kept (those most recently looked at). */
const EXPLAINED_KEPT = 200;

/**
 * Keeps every customer's emotional-connection index current: recomputed when they write, when we
 * answer, when a reading or a follow-up changes; customers never computed (or not for a day: time
 * alone moves the index) are computed in the background, a few at a time.
 */
export function createConnectionService({ store, bus, now, timeZone, scheduler = realScheduler, background }: ConnectionServiceOptions) {
  const dirty = new Set<number>();
  let timer: (() => void) | null = null;
  let timerDue = 0;
  let started = false;
  let closed = false;
  /** Customers whose index failed, with why: skipped by the sweep until something of theirs changes. */
  const failed = new Map<number, string>();
  const sweepListeners = new Set<() => void>();
  let lastSettled: boolean | null = null;
  let backlogRunning = false;
  const changed = new Set<number>();
  const explained = new Map<number, ConnectionIndex>();
  let lastTold = 0;
  /** A slice of the sweep, or an event's reaction, reading the store now: the sweep is not settled meanwhile. */
  let working = 0;
  /** How many customers the sweep found due when it last looked (what is pending besides those changed by events). */
  let lastDue = 0;
  /** The customers due in the sweep, as last counted: a query over every customer, so counted at most once a second. */
  let pendingCount: { at: number; due: number } | null = null;
  let counting: Promise<void> | null = null;

  async function historyOf(customerId: number): Promise<ConnectionHistory | null> {
    const customer = await store.customers.getById(customerId);
    if (!customer) return null;
    return {
      customer: { id: customer.id, displayName: customer.displayName, firstName: firstNameOf(customer.displayName), createdAt: customer.createdAt },
      conversations: await store.customerHistory.conversationsOf(customerId),
      followUps: await store.followUps.listForCustomer(customerId),
    };
  }

  /** Computes a customer's index now, keeps it, and returns it with its explanation. */
  async function compute(customerId: number): Promise<ConnectionIndex | null> {
    const history = await historyOf(customerId);
    if (!history) return null;
    const index = computeConnection(history, now(), timeZone ? { timeZone } : {});
    const contacts = history.conversations.length;
    const lastContactAt = lastContactOf(history);
    await store.connection.save({ customerId, score: index.score, stage: index.stage, movement30d: index.movement30d, risks: index.risks, lastContactAt, contacts, computedAt: index.computedAt });
    // the full explanation of customers someone is looking at is kept, so the panel's next read is free
    if (explained.has(customerId)) explained.set(customerId, index);
    return index;
  }

  /** A customer's index with its explanation: as last computed if nothing has changed for them since (and it is fresh), else now. */
  async function current(customerId: number): Promise<ConnectionIndex | null> {
    const kept = explained.get(customerId);
    if (kept && !dirty.has(customerId) && now() - kept.computedAt < FRESH_MS) return kept;
    const index = await compute(customerId);
    if (index) {
      explained.delete(customerId);
      explained.set(customerId, index);
      if (explained.size > EXPLAINED_KEPT) explained.delete(explained.keys().next().value!);
    }
    return index;
  }

  const storeClosed = (error: unknown) =>
    (error instanceof TypeError && /not open/.test(error.message)) || (error instanceof Error && /pool after calling end|driver has already been destroyed/i.test(error.message));

  async function work(): Promise<void> {
    timer = null;
    if (closed) return;
    working += 1;
    try {
      await workOnce();
    } catch (error) {
      // the workspace was closed under us (a host shutting down): stop quietly; anything else is a bug to see
      if (storeClosed(error)) closed = true;
      else console.error('Kinship: the connection index could not be computed:', error);
    } finally {
      working -= 1;
    }
    noticeSweep();
  }

  /** Customers the sweep should compute next (never computed, then computed more than a day ago), leaving out those that failed. */
  async function due(limit: number): Promise<number[]> {
    const skip = (ids: number[]) => ids.filter((customerId) => !failed.has(customerId)).slice(0, limit);
    const fresh = skip(await store.connection.notComputed(limit + failed.size));
    if (fresh.length > 0) return fresh;
    return skip(await store.connection.computedBefore(now() - DAY, limit + failed.size));
  }

  /** One customer's index in the sweep: a failure is theirs alone, recorded, and the sweep goes on. */
  async function computeIsolated(customerId: number): Promise<void> {
    try {
      if (await compute(customerId)) changed.add(customerId);
      failed.delete(customerId);
    } catch (error) {
      if (storeClosed(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (failed.get(customerId) !== reason) console.error(`Kinship: the connection index of customer ${customerId} could not be computed (the others go on):`, error);
      failed.set(customerId, reason);
    }
  }

  async function workOnce(): Promise<void> {
    const sliceStarted = scheduler.monotonic();
    let batch = [...dirty];
    dirty.clear();
    if (batch.length === 0) {
      batch = await due(BATCH);
      lastDue = batch.length;
    }
    if (batch.length === 0) return tell();
    let index = 0;
    for (; index < batch.length && scheduler.monotonic() - sliceStarted < SLICE_MS; index++) await computeIsolated(batch[index]!);
    // customers changed by events and not reached in this slice wait for the next one
    for (const customerId of batch.slice(index)) dirty.add(customerId);
    // the console hears of it at most once a second while a long sweep runs, and at its end
    if (now() - lastTold >= TELL_EVERY_MS) tell();
    schedule(SLICE_MS);
  }

  function tell(): void {
    lastTold = now();
    if (changed.size === 0) return;
    bus.emit('connection.changed', { customerIds: [...changed] });
    changed.clear();
  }

  function schedule(delay: number): void {
    if (closed) return;
    const dueAt = scheduler.monotonic() + delay;
    if (timer && dueAt >= timerDue) return;
    timer?.();
    timerDue = dueAt;
    // (once due, a slice waits its turn behind the calls: still scheduled, so the sweep is not settled meanwhile)
    timer = scheduler.after(delay, background ? () => (timer = background.schedule(() => void work())) : () => void work());
    noticeSweep();
  }

  function touch(customerId: number): void {
    // something of theirs changed: a customer whose index failed is tried again
    failed.delete(customerId);
    dirty.add(customerId);
    schedule(SETTLE_MS);
  }

  const isSettled = () => started && !closed && timer === null && working === 0 && dirty.size === 0;

  /** Tells listeners when the sweep starts or settles. */
  function noticeSweep(): void {
    const settled = isSettled();
    if (settled === lastSettled) return;
    lastSettled = settled;
    for (const listener of sweepListeners) {
      try {
        listener();
      } catch (error) {
        console.error('Kinship: a listener to the connection sweep failed:', error);
      }
    }
  }

  // an event that needs the store to say whose it is holds the sweep unsettled until it has been followed
  const following = async (reaction: () => Promise<void>) => {
    working += 1;
    try {
      await reaction();
    } finally {
      working -= 1;
      noticeSweep();
    }
  };
  /**
   * What another server process on the same database says: it follows its own changes (computes and
   * stores the index, and tells the consoles), so here only the explanations kept are let go, so that
   * a console told an index changed is not shown the one kept here before.
   */
  function heardFromTeam(event: KinshipEvent): void {
    if (event.name === 'connection.changed') {
      for (const customerId of event.payload.customerIds) explained.delete(customerId);
    } else if (event.name === 'workspace.changed') {
      forgetAll();
    }
  }
  /** Lets go of every explanation kept (and tries every failed customer again): anything may have changed meanwhile. */
  function forgetAll(): void {
    explained.clear();
    failed.clear();
  }
  // the team's events may have been missed (the link to the other processes dropped): a
  // connection.changed or workspace.changed never heard here leaves nothing kept worth trusting
  const stopForgettingOnMissed = bus.onMissed(forgetAll);

  const unsubscribe = bus.subscribe(async (event, from) => {
    if (from !== null) return heardFromTeam(event);
    switch (event.name) {
      case 'message.added':
        touch(event.payload.customerId);
        break;
      case 'analysis.result': {
        // a message's reading counts; a draft's (the agent typing) does not
        if (event.payload.messageId === null || event.payload.conversationId === null) break;
        const conversationId = event.payload.conversationId;
        await following(async () => {
          const customerId = await store.conversations.customerIdOf(conversationId);
          if (customerId !== null) touch(customerId);
        });
        break;
      }
      case 'followUps.changed':
        touch(event.payload.customerId);
        break;
      case 'workspace.changed':
        schedule(SETTLE_MS);
        break;
      case 'progress': {
        if (event.payload.task !== 'analysis.backlog') break;
        // the backlog has just finished reading (not: is reported finished again after live work):
        // every index may have new feeling to count
        const running = event.payload.done < event.payload.total;
        const finished = backlogRunning && !running;
        backlogRunning = running;
        if (finished) {
          await following(async () => {
            await store.connection.markAllStale();
            failed.clear();
            schedule(SETTLE_MS);
          });
        }
        break;
      }
      default:
        break;
    }
  }, { team: true });

  function countDue(): Promise<void> {
    counting ??= (async () => {
      try {
        const at = scheduler.monotonic();
        pendingCount = { at, due: (await due(PENDING_COUNTED)).length };
      } catch (error) {
        if (!storeClosed(error)) console.error('Kinship: the connection sweep could not count what is due:', error);
      } finally {
        counting = null;
      }
    })();
    return counting;
  }

  return {
    /** Begins the background work (customers never computed); resolves once what is due is counted. */
    start(): Promise<void> {
      started = true;
      schedule(SWEEP_AFTER_MS);
      return countDue();
    },
    compute,
    current,
    /** Where the background sweep stands. */
    sweepState(): ConnectionSweepState {
      const settled = isSettled();
      if (settled) return { pending: 0, failed: failed.size, settled };
      if (!pendingCount || scheduler.monotonic() - pendingCount.at >= TELL_EVERY_MS) void countDue();
      return { pending: Math.min(PENDING_COUNTED, dirty.size + Math.max(lastDue, pendingCount?.due ?? 0)), failed: failed.size, settled };
    },
    /** Calls `listener` whenever the sweep starts or settles; returns how to stop. */
    onSweepChange(listener: () => void): () => void {
      sweepListeners.add(listener);
      return () => void sweepListeners.delete(listener);
    },
    close(): void {
      closed = true;
      unsubscribe();
      stopForgettingOnMissed();
      timer?.();
      timer = null;
      sweepListeners.clear();
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
