import type { ConnectionIndex } from '../../../shared/contract/connection';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { firstNameOf } from '../coach/coachContextFromStore';
import type { ConnectionHistory } from './connectionHistory';
import { computeConnection } from './connectionFormula';

interface ConnectionServiceOptions {
  store: Store;
  bus: EventBus;
  now: () => number;
  timeZone?: string;
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
/** An explanation shown in a panel is reused for this long when nothing changed for the customer. */
const FRESH_MS = 60_000;
/** How many customers' explanations are kept (those most recently looked at). */
const EXPLAINED_KEPT = 200;

/**
 * Keeps every customer's emotional-connection index current: recomputed when they write, when we
 * answer, when a reading or a follow-up changes; customers never computed (or not for a day: time
 * alone moves the index) are computed in the background, a few at a time.
 */
export function createConnectionService({ store, bus, now, timeZone }: ConnectionServiceOptions) {
  const dirty = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let timerDue = 0;
  let closed = false;
  let backlogRunning = false;
  const changed = new Set<number>();
  const explained = new Map<number, ConnectionIndex>();
  let lastTold = 0;

  function historyOf(customerId: number): ConnectionHistory | null {
    const customer = store.customers.getById(customerId);
    if (!customer) return null;
    return {
      customer: { id: customer.id, displayName: customer.displayName, firstName: firstNameOf(customer.displayName), createdAt: customer.createdAt },
      conversations: store.customerHistory.conversationsOf(customerId),
      followUps: store.followUps.listForCustomer(customerId),
    };
  }

  /** Computes a customer's index now, keeps it, and returns it with its explanation. */
  function compute(customerId: number): ConnectionIndex | null {
    const history = historyOf(customerId);
    if (!history) return null;
    const index = computeConnection(history, now(), timeZone ? { timeZone } : {});
    const contacts = history.conversations.length;
    const lastContactAt = history.conversations.reduce<number | null>((latest, conversation) => {
      const last = conversation.messages.at(-1)?.sentAt ?? conversation.createdAt;
      return latest === null || last > latest ? last : latest;
    }, null);
    store.connection.save({ customerId, score: index.score, stage: index.stage, movement30d: index.movement30d, risks: index.risks, lastContactAt, contacts, computedAt: index.computedAt });
    // the full explanation of customers someone is looking at is kept, so the panel's next read is free
    if (explained.has(customerId)) explained.set(customerId, index);
    return index;
  }

  /** A customer's index with its explanation: as last computed if nothing has changed for them since (and it is fresh), else now. */
  function current(customerId: number): ConnectionIndex | null {
    const kept = explained.get(customerId);
    if (kept && !dirty.has(customerId) && now() - kept.computedAt < FRESH_MS) return kept;
    const index = compute(customerId);
    if (index) {
      explained.delete(customerId);
      explained.set(customerId, index);
      if (explained.size > EXPLAINED_KEPT) explained.delete(explained.keys().next().value!);
    }
    return index;
  }

  function work(): void {
    timer = null;
    if (closed) return;
    try {
      workOnce();
    } catch (error) {
      // the workspace was closed under us (a host shutting down): stop quietly; anything else is a bug to see
      if (error instanceof TypeError && /not open/.test(error.message)) closed = true;
      else console.error('Kinship: the connection index could not be computed:', error);
    }
  }

  function workOnce(): void {
    const started = performance.now();
    let batch = [...dirty];
    dirty.clear();
    if (batch.length === 0) batch = store.connection.notComputed(BATCH);
    if (batch.length === 0) batch = store.connection.computedBefore(now() - DAY, BATCH);
    if (batch.length === 0) return tell();
    let index = 0;
    for (; index < batch.length && performance.now() - started < SLICE_MS; index++) {
      if (compute(batch[index]!)) changed.add(batch[index]!);
    }
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
    const due = performance.now() + delay;
    if (timer && due >= timerDue) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(work, delay);
    timer.unref?.();
  }

  function touch(customerId: number): void {
    dirty.add(customerId);
    schedule(SETTLE_MS);
  }

  const unsubscribe = bus.subscribe((event) => {
    switch (event.name) {
      case 'message.added':
        touch(event.payload.customerId);
        break;
      case 'analysis.result': {
        // a message's reading counts; a draft's (the agent typing) does not
        if (event.payload.messageId === null || event.payload.conversationId === null) break;
        const customerId = store.conversations.customerIdOf(event.payload.conversationId);
        if (customerId !== null) touch(customerId);
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
        if (backlogRunning && !running) {
          store.connection.markAllStale();
          schedule(SETTLE_MS);
        }
        backlogRunning = running;
        break;
      }
      default:
        break;
    }
  });

  return {
    /** Begins the background work (customers never computed). */
    start(): void {
      schedule(SWEEP_AFTER_MS);
    },
    compute,
    current,
    close(): void {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
