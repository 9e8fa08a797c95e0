import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './openDatabase';
import type { MigrationReport } from './migrate';
import { createAnalysesRepository } from './repositories/analyses';
import { createAppliedRequestsRepository } from './repositories/appliedRequests';
import { createCoachPromptsRepository } from './repositories/coachPrompts';
import { createConversationsRepository } from './repositories/conversations';
import { createCustomerConnectionRepository } from './repositories/customerConnection';
import { createCustomersRepository } from './repositories/customers';
import { createCustomerHistoryRepository } from './repositories/customerHistory';
import { createDraftsRepository } from './repositories/drafts';
import { createFollowUpsRepository } from './repositories/followUps';
import { createMessagesRepository } from './repositories/messages';
import { createSavedViewsRepository } from './repositories/savedViews';
import { createSearchRepository } from './repositories/search';
import { createSessionEventsRepository } from './repositories/sessionEvents';
import { createSettingsRepository } from './repositories/settings';
import { createUsersRepository } from './repositories/users';
import { createTagsRepository } from './repositories/tags';
import { createSnoozesRepository } from './repositories/snoozes';
import { createPeopleRepository } from './repositories/people';
import { createSignInSessionsRepository } from './repositories/signInSessions';
import { createOneTimeLinksRepository } from './repositories/oneTimeLinks';
import { createSignInFailuresRepository } from './repositories/signInFailures';

/** The workspace's data: one repository per aggregate over one SQLite file. */
export function createStore(db: Database.Database, path: string, migration: MigrationReport) {
  return {
    path,
    migration,
    schemaVersion: () => db.pragma('user_version', { simple: true }) as number,
    users: createUsersRepository(db),
    customers: createCustomersRepository(db),
    conversations: createConversationsRepository(db),
    messages: createMessagesRepository(db),
    search: createSearchRepository(db),
    analyses: createAnalysesRepository(db),
    coachPrompts: createCoachPromptsRepository(db),
    followUps: createFollowUpsRepository(db),
    sessionEvents: createSessionEventsRepository(db),
    settings: createSettingsRepository(db),
    drafts: createDraftsRepository(db),
    connection: createCustomerConnectionRepository(db),
    customerHistory: createCustomerHistoryRepository(db),
    appliedRequests: createAppliedRequestsRepository(db),
    tags: createTagsRepository(db),
    snoozes: createSnoozesRepository(db),
    savedViews: createSavedViewsRepository(db),
    people: createPeopleRepository(db),
    signInSessions: createSignInSessionsRepository(db),
    oneTimeLinks: createOneTimeLinksRepository(db),
    signInFailures: createSignInFailuresRepository(db),
    /** Runs `work` in one write transaction: all of it is stored, or none. */
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(filePath: string, options?: OpenOptions): Store {
  const { db, path, migration } = openDatabase(filePath, options);
  return createStore(db, path, migration);
}
