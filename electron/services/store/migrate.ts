import type Database from 'better-sqlite3';
import { EMAIL_KEY_SQL_FUNCTION, emailKey } from './emailKey';
import type { Migration } from './migrations';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
  /** Copy of the file taken before an existing workspace was migrated, if one was. */
  backupPath: string | null;
}

/**
 * Brings the schema up to the last of `migrations`, each in its own transaction. An existing
 * workspace is copied aside first, so a failed or unwanted upgrade never costs data.
 * The caller has already refused files from a newer version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], filePath: string | null): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  // what migrations may call beyond SQLite's own functions (a JavaScript fold both stores share)
  db.function(EMAIL_KEY_SQL_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? emailKey(value) : value));
  let backupPath: string | null = null;
  if (pending.length > 0 && from > 0 && filePath) {
    backupPath = `${filePath}.before-v${pending[0]!.version}.bak`;
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const migration of pending) {
    // a table others refer to is rebuilt the way SQLite says (foreign keys off, checked before commit)
    const keysWereOn = migration.rebuildsTables === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (keysWereOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.prepare?.sqlite(db);
        db.exec(migration.sql);
        if (migration.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration ${migration.version} (${migration.name}) would break references between tables.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (keysWereOn) db.pragma('foreign_keys = ON');
    }
  }
  const to = db.pragma('user_version', { simple: true }) as number;
  return { from, to, applied: pending.map((m) => `${m.version} ${m.name}`), backupPath };
}
