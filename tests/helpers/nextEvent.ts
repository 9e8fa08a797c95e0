import type { KinshipEvent } from '../../shared/contract/events';

/** The first event that passes `test`, as soon as it has come (the test's own timeout is the only limit). */
export function nextEvent(events: KinshipEvent[], test: (event: KinshipEvent) => boolean): Promise<KinshipEvent> {
  return new Promise((resolve) => {
    const poll = () => {
      const found = events.find(test);
      if (found) resolve(found);
      else setTimeout(poll, 10);
    };
    poll();
  });
}
