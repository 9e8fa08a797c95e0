import type Database from 'better-sqlite3';

/** Small JSON values kept with the workspace (current user, preferences). */
export function createSettingsRepository(db: Database.Database) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  return {
    get<T>(key: string): T | undefined {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown): void {
      write.run(key, JSON.stringify(value));
    },
    delete(key: string): void {
      remove.run(key);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
