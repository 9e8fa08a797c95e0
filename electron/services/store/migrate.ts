import type Database from 'better-sqlite3';
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
  let backupPath: string | null = null;
  if (pending.length > 0 && from > 0 && filePath) {
    backupPath = `${filePath}.before-v${pending[0]!.version}.bak`;
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const migration of pending) {
    // foreign_keys cannot change inside a transaction: it is switched off around it
    const foreignKeys = migration.rebuildsTables ? (db.pragma('foreign_keys', { simple: true }) as number) : 0;
    if (foreignKeys) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
          if (broken.length > 0) throw new Error(`migration ${migration.version} would leave ${broken.length} rows of ${broken[0]!.table} pointing at no ${broken[0]!.parent}`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (foreignKeys) db.pragma('foreign_keys = ON');
    }
  }
  const to = db.pragma('user_version', { simple: true }) as number;
  return { from, to, applied: pending.map((m) => `${m.version} ${m.name}`), backupPath };
}
