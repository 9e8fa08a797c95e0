import type { ActivityKind, ConversationActivity, Presence, PresenceState } from '../../../shared/contract/live';

/** This process's own consoles, among the origins a person's presence is heard from. */
export const HERE = '';

const PRESENCE_RANK: Record<PresenceState, number> = { offline: 0, away: 1, online: 2 };
const ACTIVITY_RANK: Record<ActivityKind, number> = { viewing: 1, 'typing-note': 2, 'typing-reply': 3 };

const activityKey = (activity: { conversationId: number; userId: number }) => `${activity.conversationId}:${activity.userId}`;

/**
 * Presence and activity across server processes: each process tracks its own consoles and tells
 * the others what changed; here what every process (origin) said is kept apart and a person is
 * shown as the strongest of them — online on any process is online, typing on any is typing — so
 * one process's "offline" never hides a person at a console of another's. Told (`changed…`) only
 * when what is shown changes. With one process (SQLite, or no one else heard) it shows exactly what
 * that process says.
 */
export function createTeamPresence(options: { now: () => number; presenceChanged(presence: Presence): void; activityChanged(activity: ConversationActivity): void }) {
  const presence = new Map<string, Map<number, Presence>>();
  const shownPresence = new Map<number, Presence>();
  const activity = new Map<string, Map<string, ConversationActivity>>();
  const shownActivity = new Map<string, ConversationActivity>();

  function settlePresence(userId: number) {
    let best: Presence | null = null;
    for (const said of presence.values()) {
      const one = said.get(userId);
      // the stronger state; of equal ones, the latest (offline everywhere: since the last process said so)
      if (one && (best === null || PRESENCE_RANK[one.state] > PRESENCE_RANK[best.state] || (one.state === best.state && one.since > best.since))) best = one;
    }
    const shown = shownPresence.get(userId);
    if (best === null) {
      // nobody says anything of them any more (their process went): offline, if they were shown otherwise
      if (shown && shown.state !== 'offline') {
        const gone = { userId, state: 'offline' as const, since: options.now() };
        shownPresence.set(userId, gone);
        options.presenceChanged(gone);
      }
      return;
    }
    if (shown?.state === best.state) return;
    shownPresence.set(userId, best);
    options.presenceChanged(best);
  }

  function settleActivity(key: string, template: ConversationActivity) {
    let best: ConversationActivity | null = null;
    for (const said of activity.values()) {
      const one = said.get(key);
      if (one?.doing && (best === null || ACTIVITY_RANK[one.doing] > ACTIVITY_RANK[best.doing!])) best = one;
    }
    const shown = shownActivity.get(key);
    if ((shown?.doing ?? null) === (best?.doing ?? null)) return;
    if (best) shownActivity.set(key, best);
    else shownActivity.delete(key);
    options.activityChanged(best ?? { ...template, doing: null });
  }

  return {
    /** A process (HERE for this one) says a person's presence changed. */
    presence(origin: string, said: Presence): void {
      let mine = presence.get(origin);
      if (!mine) presence.set(origin, (mine = new Map()));
      mine.set(said.userId, said);
      settlePresence(said.userId);
    },
    /** A process says what a person does in a conversation now (doing null: no longer there). */
    activity(origin: string, said: ConversationActivity): void {
      let mine = activity.get(origin);
      if (!mine) activity.set(origin, (mine = new Map()));
      const key = activityKey(said);
      if (said.doing === null) mine.delete(key);
      else mine.set(key, said);
      settleActivity(key, said);
    },
    /** Everything a process said is void (it went away): what it alone showed ends. */
    forget(origin: string): void {
      const saidPresence = presence.get(origin);
      const saidActivity = activity.get(origin);
      presence.delete(origin);
      activity.delete(origin);
      for (const userId of saidPresence?.keys() ?? []) settlePresence(userId);
      for (const [key, one] of saidActivity ?? []) settleActivity(key, one);
    },
    /** Everyone's presence as shown. */
    presenceList: (): Presence[] => [...shownPresence.values()],
    presenceOf: (userId: number): Presence | null => shownPresence.get(userId) ?? null,
    /** Everyone in a conversation now, as shown. */
    activityList: (): ConversationActivity[] => [...shownActivity.values()],
  };
}

export type TeamPresence = ReturnType<typeof createTeamPresence>;
