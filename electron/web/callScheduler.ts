/** A connection's side of the scheduler: whether it has a call it may start now, and starting it. */
export interface CallSource {
  ready(): boolean;
  startNext(): void;
}

/** How the scheduler yields to the event loop between two calls (setImmediate in the host). */
export type Defer = (run: () => void) => void;

/**
 * Fair turns for every connection's calls: one call at a time, round-robin over the connections
 * that have one ready, and back to the event loop between two calls, so that another console's
 * frame is read and gets its turn after at most one call from each other connection — however
 * many calls a flooding connection has sent.
 */
export function createCallScheduler(defer: Defer = (run) => setImmediate(run)) {
  const sources: CallSource[] = [];
  let cursor = 0;
  let scheduled = false;

  function turn() {
    scheduled = false;
    for (let step = 0; step < sources.length; step++) {
      const index = (cursor + step) % sources.length;
      const source = sources[index]!;
      if (source.ready()) {
        // the next turn starts after it (a connection added meanwhile, at the end, comes first)
        cursor = index + 1;
        source.startNext();
        break;
      }
    }
    if (sources.some((source) => source.ready())) wake();
  }

  /** Asks for a turn soon (a call was queued, finished, or a connection may start again). */
  function wake() {
    if (scheduled) return;
    scheduled = true;
    defer(turn);
  }

  return {
    add(source: CallSource) {
      sources.push(source);
    },
    remove(source: CallSource) {
      const index = sources.indexOf(source);
      if (index < 0) return;
      sources.splice(index, 1);
      if (index < cursor) cursor--;
    },
    wake,
  };
}

export type CallScheduler = ReturnType<typeof createCallScheduler>;
