import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, type MigrationReport } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations, type Migration } from './migrations';
import { describeStoreProblem, StoreOpenError } from './storeErrors';
import type { StoreProblem } from '../../../shared/contract/domain';

/** 'KINS' — marks a SQLite file as Kinship's, so a stranger's database is never "migrated". */
export const KINSHIP_APPLICATION_ID = 0x4b494e53;

export interface OpenOptions {
  /** How long to wait for another writer before calling the file locked. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  migration: MigrationReport;
}

function fail(reason: StoreProblem, filePath: string, detail: string): never {
  throw new StoreOpenError(reason, filePath, describeStoreProblem(reason, filePath, detail));
}

function classify(error: unknown, filePath: string): never {
  if (error instanceof StoreOpenError) throw error;
  const code = (error as { code?: string }).code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) fail('locked', filePath, detail);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) fail('unreadable', filePath, detail);
  fail('io', filePath, detail);
}

/**
 * Opens (or creates) the workspace file: WAL, foreign keys, numbered migrations. Refuses, with a
 * StoreOpenError saying why, a file that is locked, is not a Kinship database, or comes from a
 * newer Kinship — and in each case leaves it exactly as it was.
 */
export function openDatabase(filePath: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : LATEST_SCHEMA_VERSION;
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
  } catch (error) {
    classify(error, filePath);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { timeout: options.busyTimeoutMs ?? 2000 });
    // Reading the header is the first thing that fails on a file that is not a database.
    const version = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (applicationId !== KINSHIP_APPLICATION_ID && (tableCount > 0 || version > 0)) {
      fail('unreadable', filePath, 'it is a SQLite database, but not one of Kinship’s');
    }
    if (version > latest) {
      fail('newer-version', filePath, `schema ${version}; this Kinship knows up to ${latest}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Take the write lock once: a file another program holds is reported now, not mid-work.
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('COMMIT').run();
    const migration = migrate(db, migrations, filePath);
    if (applicationId !== KINSHIP_APPLICATION_ID) db.pragma(`application_id = ${KINSHIP_APPLICATION_ID}`);
    return { db, path: filePath, migration };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // closing a half-open handle can fail too; the original error is the one to report
    }
    classify(error, filePath);
  }
}
