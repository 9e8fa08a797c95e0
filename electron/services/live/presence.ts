import type { ConsoleAttention, Presence, PresenceState } from '../../../shared/contract/live';
import type { Scheduler } from '../common/time';

export interface PresenceOptions {
  scheduler: Scheduler;
  now: () => number;
  /** How long a person whose last console went away stays as they were before counting as offline (a flaky network must not flap). */
  graceMs: number;
  /** A person's presence changed. */
  changed(presence: Presence): void;
}

/**
 * Presence per person across their consoles: online while any console of theirs is in use, away
 * while they have consoles but none is (no input for a while, or hidden), offline once the last
 * one has been gone for the grace period. A console that comes back within it changes nothing.
 */
export function createPresence(options: PresenceOptions) {
  const consoles = new Map<string, { userId: number; attention: ConsoleAttention }>();
  const byPerson = new Map<number, Set<string>>();
  const shown = new Map<number, Presence>();
  const leaving = new Map<number, () => void>();

  function settle(userId: number, state: PresenceState) {
    const was = shown.get(userId);
    if (was?.state === state) return;
    const presence = { userId, state, since: options.now() };
    shown.set(userId, presence);
    options.changed(presence);
  }

  function recompute(userId: number) {
    const mine = byPerson.get(userId);
    if (mine && mine.size > 0) {
      leaving.get(userId)?.();
      leaving.delete(userId);
      settle(userId, [...mine].some((id) => consoles.get(id)?.attention === 'active') ? 'online' : 'away');
      return;
    }
    if (leaving.has(userId) || shown.get(userId)?.state === 'offline') return;
    leaving.set(
      userId,
      options.scheduler.after(options.graceMs, () => {
        leaving.delete(userId);
        if ((byPerson.get(userId)?.size ?? 0) === 0) settle(userId, 'offline');
      }),
    );
  }

  return {
    /** A console of this person's connected (in use until it says otherwise). */
    open(consoleId: string, userId: number): void {
      if (consoles.has(consoleId)) return;
      consoles.set(consoleId, { userId, attention: 'active' });
      let mine = byPerson.get(userId);
      if (!mine) byPerson.set(userId, (mine = new Set()));
      mine.add(consoleId);
      recompute(userId);
    },
    /** The console says whether its person is at it; unknown consoles are ignored. */
    report(consoleId: string, attention: ConsoleAttention): void {
      const known = consoles.get(consoleId);
      if (!known || known.attention === attention) return;
      known.attention = attention;
      recompute(known.userId);
    },
    /** The console went away (closed, or its connection dropped). */
    close(consoleId: string): void {
      const known = consoles.get(consoleId);
      if (!known) return;
      consoles.delete(consoleId);
      byPerson.get(known.userId)?.delete(consoleId);
      recompute(known.userId);
    },
    of(userId: number): Presence {
      return shown.get(userId) ?? { userId, state: 'offline', since: 0 };
    },
    /** Everyone seen since the host started, as they are now. */
    list(): Presence[] {
      return [...shown.values()];
    },
    closeAll(): void {
      for (const cancel of leaving.values()) cancel();
      leaving.clear();
    },
  };
}

export type PresenceTracker = ReturnType<typeof createPresence>;
