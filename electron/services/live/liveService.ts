import type { ConsoleAttention } from '../../../shared/contract/live';
import { realScheduler, type Scheduler } from '../common/time';
import type { EventBus } from '../events/eventBus';
import { createActivity } from './activity';
import { createInProcessEvents, type LiveEventSource } from './liveEvents';
import { createPresence } from './presence';

/** A dropped connection counts as gone (offline, no longer viewing) only after this long: a flaky network must not flap. */
export const PRESENCE_GRACE_MS = 20_000;
/** "Typing" said once lasts this long; a console says it again every few seconds while its person types. */
export const TYPING_TTL_MS = 6_000;

export interface LiveOptions {
  bus: EventBus;
  scheduler?: Scheduler;
  now?: () => number;
  graceMs?: number;
  typingTtlMs?: number;
  /** Where consoles follow the screen's events from (in this process, from the bus, by default). */
  events?: LiveEventSource;
}

/**
 * The live queue: the stream of events consoles follow (and resume after a reconnect), who is
 * online, and who is viewing or typing where. Presence and activity are told as events and never
 * stored.
 */
export function createLiveService(options: LiveOptions) {
  const scheduler = options.scheduler ?? realScheduler;
  const now = options.now ?? Date.now;
  const graceMs = options.graceMs ?? PRESENCE_GRACE_MS;
  const events = options.events ?? createInProcessEvents(options.bus);
  const presence = createPresence({ scheduler, now, graceMs, changed: (changed) => options.bus.emit('presence.changed', changed) });
  const activity = createActivity({
    scheduler,
    graceMs,
    typingTtlMs: options.typingTtlMs ?? TYPING_TTL_MS,
    changed: (changed) => options.bus.emit('activity.changed', changed),
  });
  return {
    events,
    /** A console (one connection) of this person's opened. */
    openConsole(consoleId: string, person: { id: number; name: string }): void {
      presence.open(consoleId, person.id);
      activity.open(consoleId, person);
    },
    /** The console went away: its person stays as they were for the grace period unless another console of theirs is there. */
    closeConsole(consoleId: string): void {
      activity.close(consoleId);
      presence.close(consoleId);
    },
    reportAttention(consoleId: string, attention: ConsoleAttention): void {
      presence.report(consoleId, attention);
    },
    reportActivity(consoleId: string, report: { viewing: number | null; typing: 'reply' | 'note' | null }): void {
      activity.report(consoleId, report);
    },
    presenceOf: (userId: number) => presence.of(userId),
    presence: () => presence.list(),
    activity: () => activity.list(),
    close(): void {
      presence.closeAll();
      activity.closeAll();
      events.close();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;

