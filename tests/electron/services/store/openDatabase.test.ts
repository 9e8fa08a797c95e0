import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINSHIP_APPLICATION_ID, openDatabase } from '../../../../electron/services/store/openDatabase';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../electron/services/store/migrations';
import { StoreOpenError } from '../../../../electron/services/store/storeErrors';
import { tempDir } from '../../../helpers/tempDir';

function expectRefusal(filePath: string, reason: StoreOpenError['reason'], options = {}) {
  try {
    openDatabase(filePath, options).db.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).reason).toBe(reason);
    expect((error as StoreOpenError).message).toContain(filePath);
    return error as StoreOpenError;
  }
  throw new Error(`expected ${filePath} to be refused as ${reason}`);
}

describe('opening the workspace file', () => {
  it('has its migrations numbered from 1 upwards in the order they run, gaps allowed (a file records only the last one applied)', () => {
    const versions = migrations.map((migration) => migration.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('creates a fresh file with WAL, foreign keys and every migration applied', () => {
    const file = path.join(tempDir(), 'nested', 'kinship.sqlite');
    const { db, migration } = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(KINSHIP_APPLICATION_ID);
    expect(migration).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    for (const table of ['users', 'customers', 'customer_identities', 'conversations', 'messages', 'messages_fts', 'analyses', 'coach_prompts', 'follow_ups', 'session_events', 'settings']) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('reopens an existing file without reapplying migrations or losing data', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const first = openDatabase(file);
    first.db.prepare("INSERT INTO users (name, email, role, created_at) VALUES ('Ana', 'ana@x.example', 'agent', 1)").run();
    first.db.close();
    const second = openDatabase(file);
    expect(second.migration.applied).toEqual([]);
    expect(second.db.prepare('SELECT name FROM users').pluck().all()).toEqual(['Ana']);
    second.db.close();
  });

  it('upgrades an existing file with a new migration, keeping its data and a backup copy', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const first = openDatabase(file);
    first.db.prepare("INSERT INTO customers (display_name, created_at) VALUES ('Marcus Reed', 1)").run();
    first.db.close();
    const next = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'add nickname', sql: 'ALTER TABLE customers ADD COLUMN nickname TEXT;' }];
    const upgraded = openDatabase(file, { migrations: next });
    expect(upgraded.migration.applied).toEqual([`${LATEST_SCHEMA_VERSION + 1} add nickname`]);
    expect(upgraded.db.prepare('SELECT display_name, nickname FROM customers').all()).toEqual([{ display_name: 'Marcus Reed', nickname: null }]);
    upgraded.db.close();
    const backup = new Database(upgraded.migration.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT display_name FROM customers').pluck().all()).toEqual(['Marcus Reed']);
    backup.close();
  });

  it('rolls back a failing migration and leaves the file at its old version', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    openDatabase(file).db.close();
    const broken = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE extra (id INTEGER); SELECT * FROM no_such_table;' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const { db } = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file from a newer Kinship and leaves it byte for byte', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const { db } = openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fs.readFileSync(file);
    const error = expectRefusal(file, 'newer-version');
    expect(error.message).toMatch(/newer Kinship/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const garbage = Buffer.from('this is not a database, it is a shopping list: milk, eggs, '.repeat(200));
    fs.writeFileSync(file, garbage);
    expectRefusal(file, 'unreadable');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses somebody else’s SQLite database instead of migrating it', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5);');
    other.close();
    expectRefusal(file, 'unreadable');
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'customers'").pluck().get()).toBe(0);
    check.close();
  });

  it('reports a file another program holds locked', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    openDatabase(file).db.close();
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const error = expectRefusal(file, 'locked', { busyTimeoutMs: 50 });
      expect(error.message).toMatch(/locked by another program/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('migration 4 (queue state) on a workspace that already has conversations', () => {
  it('fills in waiting time, last customer message and mood from what is stored', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const v3 = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 3) });
    v3.db.exec(`
      INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Edith', 0);
      INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) VALUES (1, 1, 'email', 'open', 0, 0);
      INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES
        (1, 1, 'customer', 'help', 100, 'a', 0), (2, 1, 'agent', 'on it', 200, 'b', 0), (3, 1, 'customer', 'still nothing', 300, 'c', 0), (4, 1, 'customer', 'hello?', 400, 'd', 0);
      INSERT INTO analyses (message_id, text_hash, analyzer, model_id, sentiment, emotions, details, latency_ms, created_at)
        VALUES (4, 'h', 'model', 'm', -0.5, '{}', '{"dominant":{"emotion":"fear","score":0.6}}', 1, 0);
    `);
    v3.db.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT waiting_since, last_customer_message_id, mood_sentiment, mood_emotion, mood_analyzer FROM conversations').get()).toEqual({
      waiting_since: 300,
      last_customer_message_id: 4,
      mood_sentiment: -0.5,
      mood_emotion: 'fear',
      mood_analyzer: 'model',
    });
    db.close();
  });
});
