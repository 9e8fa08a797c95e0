import type { ActivityKind, ConversationActivity } from '../../../shared/contract/live';
import type { Scheduler } from '../common/time';

export interface ActivityOptions {
  scheduler: Scheduler;
  /** How long "typing" lasts without being said again (the console repeats it every few seconds while keys are pressed). */
  typingTtlMs: number;
  /** How long a console that went away is still counted as viewing (it may be back at once, on a new connection). */
  graceMs: number;
  changed(activity: ConversationActivity): void;
}

type Typing = 'reply' | 'note';
interface ConsoleActivity {
  userId: number;
  name: string;
  viewing: number | null;
  typing: Typing | null;
  typingEnds: (() => void) | null;
  gone: (() => void) | null;
}

/** The stronger of what a person does in a conversation across their consoles. */
const RANK: Record<ActivityKind, number> = { viewing: 1, 'typing-note': 2, 'typing-reply': 3 };

/**
 * Who is viewing which conversation and typing in it, per console, told per person: a person
 * viewing in two tabs is one viewer, and typing in either is typing. Each console holds at most
 * one conversation and one typing, so what a connection can make the host keep is bounded.
 * Typing ends on its own unless said again; a console that goes away stops typing at once and
 * stops viewing after the grace period. Nothing here is stored.
 */
export function createActivity(options: ActivityOptions) {
  const consoles = new Map<string, ConsoleActivity>();
  const byPerson = new Map<number, Set<string>>();

  /** What the person does in each conversation they are in, across their consoles (the strongest per conversation). */
  function personView(userId: number): Map<number, ActivityKind> {
    const view = new Map<number, ActivityKind>();
    for (const id of byPerson.get(userId) ?? []) {
      const one = consoles.get(id)!;
      if (one.viewing === null) continue;
      const kind: ActivityKind = one.typing === 'reply' ? 'typing-reply' : one.typing === 'note' ? 'typing-note' : 'viewing';
      const was = view.get(one.viewing);
      if (was === undefined || RANK[kind] > RANK[was]) view.set(one.viewing, kind);
    }
    return view;
  }

  /** Runs a change to one console and tells what it changed for its person, conversation by conversation. */
  function change(consoleId: string, apply: (one: ConsoleActivity) => void) {
    const one = consoles.get(consoleId);
    if (!one) return;
    const before = personView(one.userId);
    apply(one);
    const after = personView(one.userId);
    for (const conversationId of new Set([...before.keys(), ...after.keys()])) {
      const now = after.get(conversationId) ?? null;
      if (now !== (before.get(conversationId) ?? null)) options.changed({ conversationId, userId: one.userId, name: one.name, doing: now });
    }
  }

  function stopTyping(one: ConsoleActivity) {
    one.typingEnds?.();
    one.typingEnds = null;
    one.typing = null;
  }

  function forget(consoleId: string) {
    const one = consoles.get(consoleId);
    if (!one) return;
    change(consoleId, (it) => {
      stopTyping(it);
      it.viewing = null;
    });
    consoles.delete(consoleId);
    byPerson.get(one.userId)?.delete(consoleId);
  }

  return {
    /** A console of this person's connected. */
    open(consoleId: string, person: { id: number; name: string }): void {
      if (consoles.has(consoleId)) return;
      consoles.set(consoleId, { userId: person.id, name: person.name, viewing: null, typing: null, typingEnds: null, gone: null });
      let mine = byPerson.get(person.id);
      if (!mine) byPerson.set(person.id, (mine = new Set()));
      mine.add(consoleId);
    },
    /** What the console shows now, and whether its person types there; typing said again keeps it for another while. */
    report(consoleId: string, report: { viewing: number | null; typing: Typing | null }): void {
      const one = consoles.get(consoleId);
      if (!one || one.gone) return;
      change(consoleId, (it) => {
        if (it.viewing !== report.viewing || report.typing === null) stopTyping(it);
        it.viewing = report.viewing;
        if (report.typing !== null) {
          it.typing = report.typing;
          it.typingEnds?.();
          it.typingEnds = options.scheduler.after(options.typingTtlMs, () => {
            it.typingEnds = null;
            change(consoleId, (again) => (again.typing = null));
          });
        }
      });
    },
    /** The console went away: its typing ends now, its viewing after the grace period. */
    close(consoleId: string): void {
      const one = consoles.get(consoleId);
      if (!one || one.gone) return;
      change(consoleId, stopTyping);
      one.gone = options.scheduler.after(options.graceMs, () => forget(consoleId));
    },
    /** Everyone in a conversation now, per person and conversation. */
    list(): ConversationActivity[] {
      const seen = new Map<string, ConversationActivity>();
      for (const one of consoles.values()) {
        if (one.viewing === null) continue;
        const key = `${one.viewing}:${one.userId}`;
        if (!seen.has(key)) seen.set(key, { conversationId: one.viewing, userId: one.userId, name: one.name, doing: personView(one.userId).get(one.viewing) ?? 'viewing' });
      }
      return [...seen.values()];
    },
    closeAll(): void {
      for (const one of consoles.values()) {
        one.typingEnds?.();
        one.gone?.();
      }
      consoles.clear();
      byPerson.clear();
    },
  };
}

export type ActivityTracker = ReturnType<typeof createActivity>;
