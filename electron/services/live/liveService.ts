import type { ConsoleAttention } from '../../../shared/contract/live';
import { realScheduler, type Scheduler } from '../common/time';
import type { EventBus } from '../events/eventBus';
import { createActivity } from './activity';
import { createInProcessEvents, type LiveEventSource } from './liveEvents';
import { createPresence } from './presence';
import { createTeamPresence, HERE } from './teamPresence';

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
  // what this process's consoles say goes to the team as it is; consoles are shown the team's, merged
  const team = createTeamPresence({
    now,
    presenceChanged: (shown) => options.bus.emit('presence.changed', shown, 'here'),
    activityChanged: (shown) => options.bus.emit('activity.changed', shown, 'here'),
  });
  const presence = createPresence({
    scheduler,
    now,
    graceMs,
    changed: (changed) => {
      options.bus.emit('presence.changed', changed, 'team');
      team.presence(HERE, changed);
    },
  });
  const activity = createActivity({
    scheduler,
    graceMs,
    typingTtlMs: options.typingTtlMs ?? TYPING_TTL_MS,
    changed: (changed) => {
      options.bus.emit('activity.changed', changed, 'team');
      team.activity(HERE, changed);
    },
  });
  // the team's other server processes' consoles (PostgreSQL): merged with ours
  const stopHearing = options.bus.subscribe(
    (event, from) => {
      if (from === null) return;
      if (event.name === 'presence.changed') team.presence(from, event.payload);
      else if (event.name === 'activity.changed') team.activity(from, event.payload);
    },
    { team: true },
  );
  const stopForgetting = options.bus.onProcessGone((processId) => team.forget(processId));
  // a process that has just joined (or may have missed changes) hears who is at this process's consoles
  const stopAnswering = options.bus.onAsked(() => {
    for (const one of presence.list()) options.bus.emit('presence.changed', one, 'team');
    for (const one of activity.list()) options.bus.emit('activity.changed', one, 'team');
  });
  // and this one, now that it hears them, asks who is at the others' consoles already
  options.bus.askTeam();
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
    presenceOf: (userId: number) => team.presenceOf(userId) ?? presence.of(userId),
    presence: () => team.presenceList(),
    activity: () => team.activityList(),
    close(): void {
      stopHearing();
      stopForgetting();
      stopAnswering();
      presence.closeAll();
      activity.closeAll();
      events.close();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;

