import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { KinshipDatabase } from '../schema';
import { reconnectDelay } from '../../../../shared/reconnectBackoff';

/** The one channel every server process on the database notifies and listens on. */
export const TEAM_CHANNEL = 'kinship_events';
/** PostgreSQL refuses a notification payload of 8,000 bytes or more: anything larger goes through team_events. */
export const NOTIFY_LIMIT_BYTES = 7_999;
/** A large event's row is kept this long for the others to read (then swept; a process that had not read it by then resyncs its consoles). */
export const KEEP_LARGE_MS = 5 * 60_000;
/** What a notification that stands for a stored (large) event says: this prefix and the row's id. */
const STORED = 'stored:';

/** What a process listening on the team's channel is told. */
export interface TeamChannelHandlers {
  /** One message another process (or this one) sent, in the order they were sent. */
  message(text: string): void;
  /**
   * Messages may have been missed: the listening connection dropped (it is being made again), or a
   * stored message was swept before it could be read. Said once per loss.
   */
  lost(reason: string): void;
  /** Listening again after a loss: everything sent from now on is heard. */
  restored(): void;
}

export interface TeamListening {
  /** The listening connection's server process id (null while it is being made again): tests end it to prove a reconnect. */
  backendPid(): number | null;
  close(): Promise<void>;
}

export interface TeamChannel {
  /** Sends `text` to every process listening (this one too), after anything sent before it. */
  publish(text: string): Promise<void>;
  /**
   * Listens on a connection of its own (a pooled one could be handed to a query mid-listen): made
   * again with a growing wait (jittered) whenever it drops. Resolves once the first LISTEN holds,
   * or after the first attempt failed (it keeps trying; `lost` was said).
   */
  listen(name: string, handlers: TeamChannelHandlers): Promise<TeamListening>;
  /** The names (application_name) of the connections listening on this database now, those starting with `prefix`: the processes alive. */
  listening(prefix: string): Promise<string[]>;
}

/** The waits before each try to listen again: from 100 ms (the first, 50–100 ms), doubling, to at most 10 s (5–10 s). */
const RELISTEN_BACKOFF = { baseMs: 100, maxMs: 10_000 } as const;

/**
 * Notifications between the server processes that share one PostgreSQL database (LISTEN/NOTIFY):
 * small messages travel in the notification itself, large ones are stored in team_events and their
 * id is notified; rows older than KEEP_LARGE_MS are swept as new ones come.
 */
export function createTeamChannel(url: string, db: Kysely<KinshipDatabase>, options: { now?: () => number; notifier?: Kysely<KinshipDatabase> } = {}): TeamChannel {
  const now = options.now ?? Date.now;
  // what is sent goes on a connection of its own when there is one (openPostgres's notifier): an
  // event is not held back behind the pool's queries (every connection busy, others waiting)
  const out = options.notifier ?? db;
  // one after another: notifications from one process arrive in the order it sent them
  let sending: Promise<void> = Promise.resolve();
  let lastSweep = 0;

  async function send(text: string): Promise<void> {
    if (Buffer.byteLength(text) <= NOTIFY_LIMIT_BYTES) {
      await sql`SELECT pg_notify(${TEAM_CHANNEL}, ${text})`.execute(out);
      return;
    }
    const at = now();
    const row = await out.insertInto('team_events').values({ body: text, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await sql`SELECT pg_notify(${TEAM_CHANNEL}, ${`${STORED}${row.id}`})`.execute(out);
    if (at - lastSweep >= KEEP_LARGE_MS / 5) {
      lastSweep = at;
      await out.deleteFrom('team_events').where('created_at', '<', at - KEEP_LARGE_MS).execute();
    }
  }

  return {
    async listening(prefix) {
      const rows = await db.selectFrom(sql<{ application_name: string; datname: string }>`pg_stat_activity`.as('a'))
        .select('a.application_name')
        .where(sql<boolean>`a.datname = current_database()`)
        .where('a.application_name', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
        .execute();
      return rows.map((row) => row.application_name);
    },

    publish(text) {
      const sent = sending.then(() => send(text));
      sending = sent.catch(() => undefined);
      return sent;
    },

    async listen(name, handlers) {
      let client: pg.Client | null = null;
      let closed = false;
      let attempt = 0;
      let retry: NodeJS.Timeout | null = null;
      // a loss was said and listening has not held since: the next LISTEN that holds says `restored`
      let lostSaid = false;
      const lose = (reason: string) => {
        if (lostSaid) return;
        lostSaid = true;
        handlers.lost(reason);
      };
      // received messages are handled one after another: a stored one read from the table is not overtaken
      let handling: Promise<void> = Promise.resolve();

      // one message missed while listening holds: lost and at once restored (the consoles resync)
      const missedOne = (reason: string) => {
        handlers.lost(reason);
        if (!lostSaid) handlers.restored();
      };
      const handle = (payload: string) => {
        handling = handling.then(async () => {
          if (!payload.startsWith(STORED)) return handlers.message(payload);
          const id = Number(payload.slice(STORED.length));
          try {
            const row = await db.selectFrom('team_events').select('body').where('id', '=', id).executeTakeFirst();
            if (row) handlers.message(row.body);
            else missedOne(`a large event (${id}) was swept before it was read`);
          } catch (error) {
            missedOne(`a large event (${id}) could not be read: ${error instanceof Error ? error.message : String(error)}`);
          }
        }).catch((error: unknown) => console.error('Kinship: a team event could not be handled:', error));
      };

      const dropped = (one: pg.Client, reason: string) => {
        if (client !== one) return;
        client = null;
        one.removeAllListeners('notification');
        void one.end().catch(() => undefined);
        if (closed) return;
        lose(reason);
        schedule();
      };

      const schedule = () => {
        if (closed || retry) return;
        retry = setTimeout(() => {
          retry = null;
          void connect();
        }, reconnectDelay(attempt++, RELISTEN_BACKOFF));
        retry.unref?.();
      };

      async function connect(): Promise<void> {
        const one = new pg.Client({ connectionString: url, application_name: name.slice(0, 63), keepAlive: true });
        one.on('error', (error) => dropped(one, error.message));
        one.on('end', () => dropped(one, 'the connection ended'));
        one.on('notification', (message) => {
          if (message.channel === TEAM_CHANNEL && message.payload !== undefined) handle(message.payload);
        });
        client = one;
        try {
          await one.connect();
          await one.query(`LISTEN ${TEAM_CHANNEL}`);
        } catch (error) {
          if (client === one) {
            lose(error instanceof Error ? error.message : String(error));
            client = null;
            void one.end().catch(() => undefined);
            schedule();
          }
          return;
        }
        if (closed || client !== one) {
          void one.end().catch(() => undefined);
          return;
        }
        attempt = 0;
        if (lostSaid) {
          lostSaid = false;
          handlers.restored();
        }
      }

      await connect();
      return {
        backendPid: () => (client as (pg.Client & { processID?: number }) | null)?.processID ?? null,
        async close() {
          closed = true;
          if (retry) clearTimeout(retry);
          retry = null;
          const one = client;
          client = null;
          await handling;
          await one?.end().catch(() => undefined);
        },
      };
    },
  };
}
