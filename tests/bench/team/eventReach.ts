/**
 * How events reached the consoles: for every message stored during the measured phase (a customer's
 * arrival or an agent's reply), when its `message.added` reached each console, measured from the
 * moment it was handed over (to the ingestion service, or as the reply's send call); which consoles
 * never got it within the bounded wait; and where it started and where it went, server by server.
 */
import type { ConsoleClient } from './consoleClient';

export interface Origin {
  at: number;
  server: number;
  kind: 'arrival' | 'reply';
}

export interface EventReach {
  /** Every console's delay for every message it heard (ms). */
  perConsole: Record<Origin['kind'], number[]>;
  /** Per message heard by every console: the time until the last one had it (ms). */
  untilLast: Record<Origin['kind'], number[]>;
  messages: Record<Origin['kind'], number>;
  /** Messages some console never heard. */
  notEverywhere: Record<Origin['kind'], number>;
  /** Per console: how many of the messages it never heard. */
  missedPerConsole: { name: string; server: number; missed: number; of: number }[];
  /** [from server][to server]: deliveries made and expected. */
  route: { heard: number; expected: number }[][];
}

/** Whether every console has heard every message. */
export function allHeard(origins: Map<number, Origin>, consoles: ConsoleClient[]): boolean {
  for (const id of origins.keys()) for (const client of consoles) if (!client.heard.has(id)) return false;
  return true;
}

export function eventReach(origins: Map<number, Origin>, consoles: ConsoleClient[], servers: number): EventReach {
  const reach: EventReach = {
    perConsole: { arrival: [], reply: [] },
    untilLast: { arrival: [], reply: [] },
    messages: { arrival: 0, reply: 0 },
    notEverywhere: { arrival: 0, reply: 0 },
    missedPerConsole: consoles.map((client) => ({ name: client.name, server: client.server, missed: 0, of: origins.size })),
    route: Array.from({ length: servers }, () => Array.from({ length: servers }, () => ({ heard: 0, expected: 0 }))),
  };
  for (const [id, origin] of origins) {
    reach.messages[origin.kind] += 1;
    let last = 0;
    let everywhere = true;
    consoles.forEach((client, index) => {
      const route = reach.route[origin.server]![client.server]!;
      route.expected += 1;
      const heardAt = client.heard.get(id);
      if (heardAt === undefined) {
        everywhere = false;
        reach.missedPerConsole[index]!.missed += 1;
        return;
      }
      route.heard += 1;
      const delay = heardAt - origin.at;
      reach.perConsole[origin.kind].push(delay);
      last = Math.max(last, delay);
    });
    if (everywhere) reach.untilLast[origin.kind].push(last);
    else reach.notEverywhere[origin.kind] += 1;
  }
  return reach;
}
