import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { TeamChannel, TeamListening } from '../store/postgres/teamChannel';
import { repeatEvery } from '../common/repeatEvery';
import type { EventBus } from './eventBus';

/** How a process's listening connection is named (application_name): this and its process id. */
const LISTEN_NAME = 'kinship-listen ';
/** How often a process looks which of the others are still there (their listening connections). */
export const LOOK_FOR_GONE_MS = 10_000;
/** How long closing waits for what this process is still sending to the others (events raised just before it stops). */
export const CLOSE_WAIT_MS = 5_000;

/**
 * What travels on the team's channel: one committed event and the process that raised it, or a
 * process asking the others what is so now (who is at their consoles), as it joins or after a loss.
 */
const sender = { from: z.string().min(1).max(100), n: z.number().int().positive() };
const teamMessage = z.union([
  z.object({ ...sender, event: z.object({ name: z.string(), payload: z.unknown() }) }),
  z.object({ ...sender, ask: z.literal(true) }),
]);

export interface TeamEvents {
  /** This process, as the others know it. */
  readonly processId: string;
  readonly listening: TeamListening;
  /**
   * Looks which of the processes heard from are gone (their listening connection is no longer on
   * the database: ended, or killed) and tells the bus (bus.processGone), and, since one killed may
   * have committed a write it never told of, that events may have been missed (bus.missed). Done
   * every LOOK_FOR_GONE_MS.
   */
  lookForGone(): Promise<void>;
  /**
   * Stops telling and hearing the others: what was already being sent goes out first (waited for
   * up to `closeWaitMs`, CLOSE_WAIT_MS by default), then the listening connection is closed.
   */
  close(): Promise<void>;
}

/**
 * Joins this process's bus to the other server processes on the same PostgreSQL database: every
 * event raised here, once committed, is sent on the team's channel as {from, event} (but events
 * about this process alone: PROCESS_EVENTS); every event another process sent is delivered here to
 * the listeners that follow the team, exactly as ours are, and never sent on again. When listening
 * dropped (or a large event could not be read) events may have been missed: once it holds again,
 * the bus says so (bus.missed) and every console reads everything again.
 */
export async function joinTeamEvents(bus: EventBus, channel: TeamChannel, options: { processId?: string; closeWaitMs?: number } = {}): Promise<TeamEvents> {
  const processId = options.processId ?? randomUUID();
  /**
   * The other processes heard from (not yet found gone), and the number of the last message heard
   * from each: every process numbers what it sends 1, 2, 3…, so a message that never came (its
   * notification failed, or was never read) shows as a gap, and the consoles read everything again.
   * After listening was lost the numbers are not followed until each process is heard again (null),
   * but the processes stay known: one that went during the loss is still found gone.
   */
  const heard = new Map<string, number | null>();
  let sent = 0;
  // the last message handed to the channel (it sends one after another): settled, everything sent before it has gone too
  let sending: Promise<unknown> = Promise.resolve();
  const send = (message: { event: KinshipEvent } | { ask: true }) => {
    const one = channel.publish(JSON.stringify({ from: processId, n: ++sent, ...message }));
    sending = one.catch(() => undefined);
    return one;
  };
  const stopTelling = bus.tellTeam((event: KinshipEvent) => {
    send({ event }).catch((error: unknown) =>
      console.error(`Kinship: the other server processes could not be told of ${event.name}:`, error),
    );
  });
  const listening = await channel.listen(`${LISTEN_NAME}${processId}`, {
    message(text) {
      let message: z.infer<typeof teamMessage>;
      try {
        message = teamMessage.parse(JSON.parse(text));
      } catch (error) {
        console.error('Kinship: a message on the team’s channel was not one of ours:', error);
        return;
      }
      // ours came back to us: its listeners heard it as it was raised
      if (message.from === processId) return;
      const last = heard.get(message.from);
      heard.set(message.from, message.n);
      if (last !== undefined && last !== null && message.n !== last + 1) {
        console.warn(`Kinship: messages ${last + 1}–${message.n - 1} of server process ${message.from} never came; the consoles read everything again.`);
        bus.missed();
      }
      if ('ask' in message) return bus.asked();
      try {
        bus.receive(message.from, message.event as KinshipEvent);
      } catch (error) {
        console.error(`Kinship: an event from another server process (${message.event.name}) was refused:`, error);
      }
    },
    lost(reason) {
      console.warn(`Kinship: events of the other server processes may have been missed (${reason}); the consoles read everything again once they are heard again.`);
    },
    restored() {
      // what was missed is read again in full: numbering is followed afresh from here, but the
      // processes known stay known (one that went meanwhile is still found gone by lookForGone)
      for (const other of heard.keys()) heard.set(other, null);
      bus.missed();
      // the others may have lost ours too: this process says again who is at its consoles, as when asked
      bus.asked();
      ask();
    },
  });
  function ask(): void {
    send({ ask: true }).catch((error: unknown) => console.error('Kinship: asking the other server processes who is there failed:', error));
  }
  // asked for by the live queue once it can hear the answers (bus.askTeam)
  const stopAsking = bus.onAskTeam(ask);
  async function lookForGone(): Promise<void> {
    if (heard.size === 0) return;
    const alive = new Set((await channel.listening(LISTEN_NAME)).map((name) => name.slice(LISTEN_NAME.length)));
    let gone = false;
    for (const other of [...heard.keys()]) {
      if (alive.has(other)) continue;
      heard.delete(other);
      bus.processGone(other);
      gone = true;
    }
    // a process killed between a commit and its notification took that event with it: nothing later
    // shows the gap in its numbers, so its going is the sign, and the consoles read everything again
    if (gone) bus.missed();
  }
  const stopLooking = repeatEvery(LOOK_FOR_GONE_MS, 'looking for server processes that are gone', lookForGone);
  return {
    processId,
    listening,
    lookForGone,
    async close() {
      stopLooking();
      stopAsking();
      stopTelling();
      // events raised just before closing are still on their way: the others must hear them
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), options.closeWaitMs ?? CLOSE_WAIT_MS);
      });
      const drained = await Promise.race([sending.then(() => true), waited]);
      clearTimeout(timer);
      if (!drained) console.warn('Kinship: events still being sent to the other server processes when this one stopped were given up.');
      await listening.close();
    },
  };
}
