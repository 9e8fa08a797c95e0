import type Database from 'better-sqlite3';
import { initialSchema } from './0001_initial';
import { analysisDetails } from './0002_analysis_details';
import { drafts } from './0003_drafts';
import { queueState } from './0004_queue_state';
import { messageHtml } from './0005_message_html';
import { conversationReads } from './0006_conversation_reads';
import { priority } from './0007_priority';
import { coachAndConnection } from './0008_coach_and_connection';
import { clientIdsAndDraftDeltas } from './0009_client_ids_and_draft_deltas';
import { searchEverywhere } from './0011_search_everywhere';
import { triage } from './0012_triage';
import { savedViews } from './0013_saved_views';
import { draftsPerKind } from './0010_drafts_per_kind';
import { people, peoplePostgres } from './0014_people';
import { emailKeys, emailKeysPostgres } from './0015_email_keys';
import { oncePerMessage, oncePerMessagePostgres } from './0016_once_per_message';
import { identityKeys, identityKeysPostgres, prepareIdentityKeys, prepareIdentityKeysPostgres } from './0017_identity_keys';
import type { MigrationClient } from './migrationClient';
import { teamEvents, teamEventsPostgres } from './0020_team_events';
import { teams, teamsPostgres } from './0021_teams';
import { searchRefreshByIndex, searchRefreshByIndexPostgres } from './0022_search_refresh_by_index';
import { draftsSentAs, draftsSentAsPostgres } from './0023_drafts_sent_as';
import { phoneKeys, phoneKeysPostgres, preparePhoneKeys, preparePhoneKeysPostgres } from './0024_phone_keys';

export interface Migration {
  /** 1, 2, 3…: stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  /** The SQLite form. */
  sql: string;
  /**
   * It rebuilds a table others reference (SQLite's new table, copy, drop, rename): it runs with
   * foreign keys off, and every reference is checked before it commits.
   */
  rebuildsTables?: boolean;
  /**
   * The PostgreSQL form: required of every migration after POSTGRES_BASELINE_VERSION (a PostgreSQL
   * workspace starts at that version, from postgres/baselineSchema.ts).
   */
  postgres?: string;
  /**
   * What SQL cannot compute alike on both stores (a fold in JavaScript): run first, on the
   * migrating connection and in the migration's transaction, leaving temporary tables its SQL reads.
   */
  prepare?: { sqlite: (db: Database.Database) => void; postgres: (client: MigrationClient) => Promise<void> };
}

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'analysis details', sql: analysisDetails },
  { version: 3, name: 'drafts', sql: drafts },
  { version: 4, name: 'queue state', sql: queueState },
  { version: 5, name: 'message html', sql: messageHtml },
  { version: 6, name: 'conversation reads', sql: conversationReads },
  { version: 7, name: 'priority', sql: priority },
  { version: 8, name: 'coach and connection', sql: coachAndConnection },
  { version: 9, name: 'client ids and draft deltas', sql: clientIdsAndDraftDeltas },
  { version: 10, name: 'drafts per kind', sql: draftsPerKind },
  { version: 11, name: 'search everywhere', sql: searchEverywhere },
  { version: 12, name: 'tags, snooze and response targets', sql: triage },
  { version: 13, name: 'saved views', sql: savedViews },
  { version: 14, name: 'people who sign in', sql: people, rebuildsTables: true, postgres: peoplePostgres },
  { version: 15, name: 'e-mail keys', sql: emailKeys, postgres: emailKeysPostgres },
  { version: 16, name: 'once per message: coach prompts, readings and backlog claims', sql: oncePerMessage, postgres: oncePerMessagePostgres },
  { version: 17, name: 'identity keys: e-mail folded as sign-in folds it, customers merged, legacy prompts kept', sql: identityKeys, postgres: identityKeysPostgres, prepare: { sqlite: prepareIdentityKeys, postgres: prepareIdentityKeysPostgres } },
  { version: 20, name: 'team events too large to notify', sql: teamEvents, postgres: teamEventsPostgres },
  { version: 21, name: 'teams', sql: teams, postgres: teamsPostgres },
  { version: 22, name: 'conversation search refreshed by index', sql: searchRefreshByIndex, postgres: searchRefreshByIndexPostgres },
  { version: 23, name: 'drafts remember the message they were sent as', sql: draftsSentAs, postgres: draftsSentAsPostgres },
  { version: 24, name: 'phone keys: numbers compared in E.164, customers merged', sql: phoneKeys, postgres: phoneKeysPostgres, prepare: { sqlite: preparePhoneKeys, postgres: preparePhoneKeysPostgres } },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
