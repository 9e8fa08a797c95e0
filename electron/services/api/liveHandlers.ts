import { ApiError } from '../../../shared/contract/errors';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { LiveCursor, ResumeOutcome } from '../../../shared/contract/live';
import type { LiveEventSource, LiveListener, LiveService } from '../live';
import { mayCall, mayReceive } from './authorize';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';

/** What a console is told as it (re)connects: where the stream is, what became of its cursor, and the events it missed that it may see. */
export interface Following {
  hello: { epoch: string; seq: number; resume: ResumeOutcome };
  missed: { event: KinshipEvent; seq: number }[];
  stop(): void;
}

/**
 * Follows the stream for one console from its cursor: the missed events it may see (the same
 * permission table as live ones: a replay is never a way round it), then the live ones it may see.
 */
export function followLive(
  events: LiveEventSource,
  cursor: LiveCursor | null,
  allowed: (event: KinshipEvent) => boolean,
  listener: LiveListener,
  /** The stream began again under the console (events may have been missed): told as a new hello, a gap. */
  restarted?: (hello: Following['hello']) => void,
): Following {
  const { opening, stop } = events.follow(
    cursor,
    (event, seq) => {
      if (allowed(event)) listener(event, seq);
    },
    restarted && ((again) => restarted({ epoch: again.epoch, seq: again.seq, resume: again.outcome.state === 'resumed' ? { state: 'resumed', replayed: 0 } : again.outcome })),
  );
  const missed = opening.missed.filter((item) => allowed(item.event));
  const resume: ResumeOutcome = opening.outcome.state === 'resumed' ? { state: 'resumed', replayed: missed.length } : opening.outcome;
  return { hello: { epoch: opening.epoch, seq: opening.seq, resume }, missed, stop };
}

/** The console this call came through: presence and activity are told per console. */
function consoleOf(caller: Caller): string | null {
  return caller.consoleId ?? null;
}

/**
 * Presence and "viewing" / "typing": what consoles say of their person, and what they are told of
 * others. `conversationExists` says whether there is such a conversation: a console is never said
 * to be in one that is not there.
 */
export function createLiveHandlers(live: LiveService, conversationExists: (id: number) => Promise<boolean>): Pick<Handlers, 'presence.list' | 'presence.report' | 'activity.report' | 'activity.list'> {
  return {
    'presence.list': () => live.presence(),
    'presence.report': ({ attention }, caller) => {
      const consoleId = consoleOf(caller);
      if (consoleId) live.reportAttention(consoleId, attention);
      return live.presenceOf(caller.person.id);
    },
    'activity.report': async ({ viewing, typing }, caller) => {
      // typing is writing: those who may not write there are not said to
      if (typing !== null && !mayCall(caller, 'drafts.save')) throw new ApiError('forbidden', `${caller.person.name} may not write replies or notes, so is never shown typing one.`);
      // (every role that may report reads every conversation: there is none it may not be seen in)
      if (viewing !== null && !(await conversationExists(viewing))) throw new ApiError('not-found', `There is no conversation ${viewing}.`);
      const consoleId = consoleOf(caller);
      if (consoleId) live.reportActivity(consoleId, { viewing, typing });
      return { reported: true };
    },
    // everyone else in a conversation now, as the caller may see it (the same rule as the events)
    'activity.list': (_params, caller) =>
      live.activity().filter((activity) => mayReceive(caller, { name: 'activity.changed', payload: activity })),
  };
}
