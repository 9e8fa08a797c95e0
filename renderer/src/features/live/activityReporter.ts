/** While typing goes on, the console says so again at most this often (the host forgets it after 6 s unheard). */
export const TYPING_REPEAT_MS = 2_500;
/** No key for this long: the person has stopped typing. */
export const TYPING_PAUSE_MS = 4_000;

export type ActivityReport = { viewing: number | null; typing: 'reply' | 'note' | null };

export interface ReporterClock {
  now(): number;
  after(ms: number, run: () => void): () => void;
}

const realClock: ReporterClock = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * What this console tells the host of its person: the conversation it shows and whether they type
 * a reply or a note there. A hint, not every keystroke: a change is said at once, typing that goes
 * on is said again at most every TYPING_REPEAT_MS, and typing ends by itself after TYPING_PAUSE_MS
 * without a key. `resend` says it all again (a new connection is a new console to the host).
 */
export function createActivityReporter(send: (report: ActivityReport) => void, clock: ReporterClock = realClock) {
  let viewing: number | null = null;
  let typing: ActivityReport['typing'] = null;
  let said: ActivityReport | null = null;
  let saidAt = -Infinity;
  let cancelPause: (() => void) | null = null;

  function say(again = false) {
    const report = { viewing, typing };
    if (!again && said && said.viewing === viewing && said.typing === typing) return;
    said = report;
    saidAt = clock.now();
    send(report);
  }

  function endTyping() {
    cancelPause?.();
    cancelPause = null;
    typing = null;
  }

  return {
    /** The console shows this conversation. */
    view(conversationId: number): void {
      if (viewing !== conversationId) endTyping();
      viewing = conversationId;
      say();
    },
    /** The conversation is no longer shown (if it was the one). */
    leave(conversationId: number): void {
      if (viewing !== conversationId) return;
      endTyping();
      viewing = null;
      say();
    },
    /** A key in the composer of this conversation. */
    typed(conversationId: number, kind: 'reply' | 'note'): void {
      if (viewing !== conversationId) return;
      const goingOn = typing === kind;
      typing = kind;
      cancelPause?.();
      cancelPause = clock.after(TYPING_PAUSE_MS, () => {
        cancelPause = null;
        typing = null;
        say();
      });
      if (!goingOn) say();
      else if (clock.now() - saidAt >= TYPING_REPEAT_MS) say(true);
    },
    /** Sent, emptied or left: no longer typing. */
    stopTyping(conversationId: number): void {
      if (viewing !== conversationId || typing === null) return;
      endTyping();
      say();
    },
    resend(): void {
      if (viewing !== null) say(true);
    },
    dispose(): void {
      endTyping();
    },
  };
}

export type ActivityReporter = ReturnType<typeof createActivityReporter>;
