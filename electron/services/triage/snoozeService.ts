import type { ConversationSummary, User } from '../../../shared/contract/domain';
import { Refusal } from '../common/refusal';
import { realScheduler, type Now, type Scheduler } from '../common/time';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { logConversation } from './conversationLog';

/** A snooze is at most a year. */
const LONGEST_SNOOZE_MS = 366 * 24 * 3_600_000;
/** The timer is set at most this far ahead and the next time looked up again then (timers cannot wait for weeks). */
const LONGEST_TIMER_MS = 60 * 60_000;
/** Conversations woken in one turn of the event loop; more wait for the next turn, so nothing else is held up. */
const WAKE_BATCH = 200;

export interface SnoozeServiceOptions {
  store: Store;
  bus: EventBus;
  now: Now;
  /** Timers (the event loop's by default; tests move time themselves). */
  scheduler?: Scheduler;
}

/**
 * Snoozing a conversation until a time: it leaves open work and comes back — open, unread, with a
 * "snooze ended" entry in the session log and an event for the screens — when the time comes or the
 * customer writes, whichever is first. One timer stands for the earliest snooze; a workspace opened
 * after its snoozes fell due wakes them at once.
 */
export function createSnoozeService({ store, bus, now, scheduler = realScheduler }: SnoozeServiceOptions) {
  let cancelTimer: (() => void) | null = null;
  let timerDue: number | null = null;
  let closed = false;
  let unsubscribe: (() => void) | null = null;

  async function wake(conversationId: number, reason: 'time' | 'customer', until: number | null): Promise<boolean> {
    const at = now();
    const woke = await store.transaction(async () => {
      if (!await store.snoozes.wake(conversationId, at)) return false;
      await logConversation(store, { at, kind: 'snooze.ended', conversationId, user: null, payload: { reason, until } });
      await logConversation(store, { at, kind: 'status.changed', conversationId, user: null, payload: { from: 'snoozed', to: 'open', reason: 'snooze-ended' } });
      return true;
    });
    if (woke) bus.emit('conversation.changed', { conversationId, reason: 'snooze-ended' });
    return woke;
  }

  /** Wakes every snooze whose time has come (a batch per turn); returns how many woke now. */
  async function wakeDue(): Promise<number> {
    if (closed) return 0;
    const due = await store.snoozes.due(now(), WAKE_BATCH);
    let woke = 0;
    for (const { conversationId, until } of due) if (await wake(conversationId, 'time', until)) woke++;
    // a full batch: there may be more; give the event loop back before the next
    if (due.length === WAKE_BATCH) arm(0);
    else await reschedule();
    return woke;
  }

  function arm(delay: number): void {
    cancelTimer?.();
    timerDue = now() + delay;
    cancelTimer = scheduler.after(delay, () => {
      cancelTimer = null;
      timerDue = null;
      wakeDue().catch((error: unknown) => console.error('Kinship: snoozed conversations could not be woken:', error));
    });
  }

  /** Sets the one timer for the earliest snooze (or none). */
  async function reschedule(): Promise<void> {
    if (closed) return;
    const next = await store.snoozes.nextDue();
    if (next === null) {
      cancelTimer?.();
      cancelTimer = null;
      timerDue = null;
      return;
    }
    const delay = Math.min(Math.max(0, next - now()), LONGEST_TIMER_MS);
    if (cancelTimer && timerDue !== null && timerDue <= now() + delay) return;
    arm(delay);
  }

  return {
    async snooze(input: { conversationId: number; until: number; user: User | null }): Promise<ConversationSummary> {
      const before = await store.conversations.getSummary(input.conversationId);
      if (!before) throw new Refusal('not-found', `There is no conversation ${input.conversationId}.`);
      const at = now();
      if (input.until <= at) throw new Refusal('invalid-input', 'That time has passed: snooze until a time still to come.');
      if (input.until - at > LONGEST_SNOOZE_MS) throw new Refusal('invalid-input', 'A conversation is snoozed for a year at most.');
      await store.transaction(async () => {
        // the customer's latest message as read now: a message stored after it (which wakes the
        // conversation as it is stored) refuses this snooze instead of being covered by it
        const seen = (await store.snoozes.state(input.conversationId))?.lastCustomerMessageId ?? null;
        if (!await store.snoozes.snooze(input.conversationId, input.until, at, seen)) {
          throw new Refusal('conflict', 'The customer has just written again: read their message before snoozing.');
        }
        await logConversation(store, { at, kind: 'snooze.set', conversationId: input.conversationId, user: input.user, payload: { until: input.until, from: before.status } });
        if (before.status !== 'snoozed') {
          await logConversation(store, { at, kind: 'status.changed', conversationId: input.conversationId, user: input.user, payload: { from: before.status, to: 'snoozed', until: input.until } });
        }
      });
      // an earlier snooze than the timer's moves it; a later one is left to it
      await reschedule();
      bus.emit('conversation.changed', { conversationId: input.conversationId, reason: 'snoozed' });
      return (await store.conversations.getSummary(input.conversationId, input.user?.id ?? null))!;
    },

    /** Wakes what fell due while the workspace was closed, sets the timer, and follows customers' messages. */
    async start(): Promise<void> {
      unsubscribe = bus.subscribe(async (event) => {
        if (event.name !== 'message.added' || event.payload.author !== 'customer') return;
        const state = await store.snoozes.state(event.payload.conversationId);
        if (state?.snoozed) await wake(event.payload.conversationId, 'customer', state.until);
      });
      await wakeDue();
    },

    /** Wakes what has fallen due now (for hosts and tests; the timer does this by itself). */
    wakeDue,

    close(): void {
      closed = true;
      cancelTimer?.();
      cancelTimer = null;
      unsubscribe?.();
    },
  };
}

export type SnoozeService = ReturnType<typeof createSnoozeService>;
