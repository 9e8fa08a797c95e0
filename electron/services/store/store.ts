import { Kysely } from 'kysely';
import type { MigrationReport } from './migrate';
import { openDatabase, type OpenOptions } from './openDatabase';
import { openPostgres, postgresTimeoutsFrom, redactedUrl, type PostgresOptions } from './postgres/openPostgres';
import { createAnalysesRepository } from './kysely/analyses';
import { createAppliedRequestsRepository } from './kysely/appliedRequests';
import { createCoachPromptsRepository } from './kysely/coachPrompts';
import { createConversationsRepository } from './kysely/conversations';
import { createCustomerConnectionRepository } from './kysely/customerConnection';
import { createCustomerHistoryRepository } from './kysely/customerHistory';
import { createCustomersRepository } from './kysely/customers';
import { createDraftsRepository } from './kysely/drafts';
import { createFollowUpsRepository } from './kysely/followUps';
import { createMessagesRepository } from './kysely/messages';
import { createSavedViewsRepository } from './kysely/savedViews';
import { createSessionEventsRepository } from './kysely/sessionEvents';
import { createSettingsRepository } from './kysely/settings';
import { createSnoozesRepository } from './kysely/snoozes';
import { createTagsRepository } from './kysely/tags';
import { createTeamsRepository } from './kysely/teams';
import { createUsersRepository } from './kysely/users';
import { createPeopleRepository } from './kysely/people';
import { createSignInSessionsRepository } from './kysely/signInSessions';
import { createOneTimeLinksRepository } from './kysely/oneTimeLinks';
import { createSignInFailuresRepository } from './kysely/signInFailures';
import type { KinshipDatabase } from './schema';
import type { SearchIndex } from './searchIndex';
import { createPostgresSearch } from './postgres/postgresSearch';
import { createTeamChannel, type TeamChannel } from './postgres/teamChannel';
import { createSqliteSearch } from './sqlite/sqliteSearch';
import { sqliteDialect } from './sqlite/sqliteDialect';
import { postgresSql, sqliteSql, type StoreKind } from './sqlDialect';
import { createStoreContext, type StoreContext } from './storeContext';
import { translatingStoreErrors } from './storeErrors';

/** Names the PostgreSQL workspace a team server uses (`postgresql://…`); without it, the SQLite file on the desk. */
export const DATABASE_URL_VARIABLE = 'KINSHIP_DATABASE_URL';

/**
 * The workspace's data behind one Promise-returning interface, one repository per aggregate, the
 * same whichever database holds it: the repositories are written once in the typed builder and run
 * on SQLite (better-sqlite3) or PostgreSQL (node-postgres); search has an implementation per
 * database behind one contract (SearchIndex).
 */
export function createStore(
  ctx: StoreContext,
  parts: { kind: StoreKind; path: string; migration: MigrationReport; search: SearchIndex; schemaVersion: () => Promise<number>; close: () => Promise<void>; teamChannel?: TeamChannel },
) {
  return {
    kind: parts.kind,
    /** The SQLite file, or the PostgreSQL address without its password. */
    path: parts.path,
    migration: parts.migration,
    schemaVersion: parts.schemaVersion,
    users: createUsersRepository(ctx),
    customers: createCustomersRepository(ctx),
    conversations: createConversationsRepository(ctx),
    messages: createMessagesRepository(ctx),
    search: parts.search,
    analyses: createAnalysesRepository(ctx),
    coachPrompts: createCoachPromptsRepository(ctx),
    followUps: createFollowUpsRepository(ctx),
    sessionEvents: createSessionEventsRepository(ctx),
    settings: createSettingsRepository(ctx),
    drafts: createDraftsRepository(ctx),
    connection: createCustomerConnectionRepository(ctx),
    customerHistory: createCustomerHistoryRepository(ctx),
    appliedRequests: createAppliedRequestsRepository(ctx),
    tags: createTagsRepository(ctx),
    teams: createTeamsRepository(ctx),
    snoozes: createSnoozesRepository(ctx),
    savedViews: createSavedViewsRepository(ctx),
    people: createPeopleRepository(ctx),
    signInSessions: createSignInSessionsRepository(ctx),
    oneTimeLinks: createOneTimeLinksRepository(ctx),
    signInFailures: createSignInFailuresRepository(ctx),
    /** Runs `work` in one write transaction: all of it is stored, or none. Calls inside it join it. */
    transaction: ctx.transaction,
    /** Runs `work`, whose failure the caller handles, so that its failure undoes only its own statements (a savepoint inside a transaction). */
    attempt: ctx.attempt,
    /** Whether the caller runs inside an open transaction (a listener never does: events are delivered after the commit). */
    inTransaction: ctx.inTransaction,
    /** How server processes sharing the database tell each other events (PostgreSQL's LISTEN/NOTIFY); null on SQLite (one process). */
    teamChannel: parts.teamChannel ?? null,
    close: parts.close,
  };
}

export type Store = ReturnType<typeof createStore>;

/** The workspace in a SQLite file (WAL, foreign keys, numbered migrations; see openDatabase). */
export async function openSqliteStore(filePath: string, options?: OpenOptions): Promise<Store> {
  const { db, path, migration } = openDatabase(filePath, options);
  const kysely = new Kysely<KinshipDatabase>({ dialect: translatingStoreErrors(sqliteDialect(db)) });
  const ctx = createStoreContext(kysely, sqliteSql);
  return createStore(ctx, {
    kind: 'sqlite',
    path,
    migration,
    search: createSqliteSearch(ctx, db),
    schemaVersion: async () => db.pragma('user_version', { simple: true }) as number,
    close: () => kysely.destroy(),
  });
}

/** The workspace in a PostgreSQL database (several server processes may share it). */
export async function openPostgresStore(url: string, options?: PostgresOptions): Promise<Store> {
  const { db, pool, notifier, notifierPool, path, migration } = await openPostgres(url, options);
  const ctx = createStoreContext(db, postgresSql);
  return createStore(ctx, {
    kind: 'postgres',
    path,
    migration,
    search: createPostgresSearch(db),
    teamChannel: createTeamChannel(url, db, { notifier }),
    schemaVersion: async () => Number((await db.selectFrom('kinship_schema' as never).select('version' as never).executeTakeFirst() as { version?: number } | undefined)?.version ?? 0),
    // (Kysely ends the pool only once it has queried through it: a store closed before that, as after a
    // failed start, would leave the migration's connections open)
    close: async () => {
      await db.destroy();
      if (!pool.ended) await pool.end();
      await notifier.destroy();
      if (!notifierPool.ended) await notifierPool.end();
    },
  });
}

/** PostgreSQL when KINSHIP_DATABASE_URL names one, else the SQLite file. */
export function openConfiguredStore(sqliteFile: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const url = env[DATABASE_URL_VARIABLE]?.trim();
  return url ? openPostgresStore(url, { timeouts: postgresTimeoutsFrom(env) }) : openSqliteStore(sqliteFile);
}

/** Where the workspace is, as messages name it: the SQLite file, or the PostgreSQL address without its password. */
export function redactedStoreAddress(sqliteFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[DATABASE_URL_VARIABLE]?.trim();
  return url ? redactedUrl(url) : sqliteFile;
}
