import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { migrations } from '../../../../electron/services/store/migrations';
import { openPostgres, POSTGRES_BASELINE_VERSION } from '../../../../electron/services/store/postgres/openPostgres';
import { StoreOpenError } from '../../../../electron/services/store/storeErrors';
import { TABLES } from '../../../../electron/services/store/schema';
import { tempDir } from '../../../helpers/tempDir';
import { postgresUrl, testPostgresDatabase } from '../../../helpers/testPostgres';

type Kind = 'integer' | 'real' | 'text';
interface Column {
  name: string;
  kind: Kind;
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
}

const sqliteKind = (type: string): Kind => (type === 'INTEGER' ? 'integer' : type === 'REAL' ? 'real' : 'text');
const postgresKind = (type: string): Kind => (type === 'bigint' || type === 'integer' ? 'integer' : type === 'double precision' ? 'real' : 'text');

async function freshDatabase(): Promise<string> {
  // a database of its own for each test, beside this file's
  const name = `kinship_parity_${Math.random().toString(36).slice(2, 10)}`;
  await testPostgresDatabase();
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgresUrl(name);
}

describe('the schema on SQLite and PostgreSQL', () => {
  it('has the same tables, columns, kinds of value, nullability, defaults and keys', async () => {
    const { db } = openDatabase(path.join(tempDir(), 'kinship.sqlite'));
    const opened = await openPostgres(await freshDatabase());
    try {
      for (const table of TABLES) {
        // (a key is never null: SQLite merely fails to say so of a non-integer key)
        const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
        const rowidKey = info.filter((c) => c.pk > 0).length === 1 && numbered(table);
        const lite = info
          .map((c): Column => ({ name: c.name, kind: sqliteKind(c.type), notNull: c.notnull === 1 || c.pk > 0, hasDefault: c.dflt_value !== null || (c.pk > 0 && c.type === 'INTEGER' && rowidKey), primaryKey: c.pk > 0 }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const { rows } = await opened.pool.query<{ name: string; type: string; nullable: string; dflt: string | null; identity: string; pk: boolean }>(
          `SELECT c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS dflt, c.is_identity AS identity,
                  EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc
                          ON tc.constraint_name = k.constraint_name AND tc.constraint_type = 'PRIMARY KEY'
                          WHERE k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
           FROM information_schema.columns c WHERE c.table_name = $1 AND c.data_type <> 'tsvector'`,
          [table],
        );
        const pgColumns = rows
          .map((c): Column => ({ name: c.name, kind: postgresKind(c.type), notNull: c.nullable === 'NO', hasDefault: c.dflt !== null || c.identity === 'YES', primaryKey: c.pk }))
          .sort((a, b) => a.name.localeCompare(b.name));
        expect({ table, columns: pgColumns }).toEqual({ table, columns: lite });
      }
      const checks = (await opened.pool.query<{ n: number }>("SELECT count(*) AS n FROM pg_constraint WHERE contype = 'c'")).rows[0]!.n;
      expect(checks).toBeGreaterThanOrEqual(20);
    } finally {
      db.close();
      await opened.db.destroy();
    }
  });

  it('starts a PostgreSQL workspace at the baseline, and opening it again changes nothing', async () => {
    const url = await freshDatabase();
    const first = await openPostgres(url);
    expect(first.migration).toMatchObject({ from: 0, to: migrations.at(-1)!.version, backupPath: null });
    expect(first.migration.applied).toHaveLength(migrations.length);
    await first.db.destroy();
    const again = await openPostgres(url);
    expect(again.migration).toMatchObject({ from: migrations.at(-1)!.version, to: migrations.at(-1)!.version, applied: [] });
    await again.db.destroy();
  });

  it('takes a workspace holding data up each later migration on PostgreSQL, keeping what is stored', async () => {
    const url = await freshDatabase();
    await (await openPostgres(url, { migrations: migrations.filter((m) => m.version <= POSTGRES_BASELINE_VERSION) })).db.destroy();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO users (id, name, email, role, created_at) VALUES (1, 'Priya', 'priya@x', 'agent', 0);
        INSERT INTO users (id, name, email, role, created_at) VALUES (9, 'Élodie', ' Élodie.Müller@Example.com', 'agent', 0);
        INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy Chapman', 0);
        INSERT INTO conversations (id, customer_id, channel, status, subject, assignee_id, created_at, updated_at) VALUES (7, 1, 'email', 'open', 'Wrong colour', 1, 0, 0)`);
      const opened = await openPostgres(url);
      await opened.db.destroy();
      expect(opened.migration.applied).toEqual(migrations.filter((m) => m.version > POSTGRES_BASELINE_VERSION).map((m) => `${m.version} ${m.name}`));
      // 14 people who sign in: the same people and references; admins; e-mail unique whatever its case
      expect((await client.query('SELECT id, email, role, deactivated_at FROM users WHERE id = 1')).rows).toEqual([{ id: '1', email: 'priya@x', role: 'agent', deactivated_at: null }]);
      // 15 e-mail keys: folded as emailKey() folds them, unique
      expect((await client.query('SELECT id, email_key FROM users ORDER BY id')).rows).toEqual([{ id: '1', email_key: 'priya@x' }, { id: '9', email_key: 'élodie.müller@example.com' }]);
      await expect(client.query("INSERT INTO users (id, name, email, email_key, role, created_at) VALUES (4, 'P', 'x@y', 'priya@x', 'agent', 0)")).rejects.toThrow(/unique/);
      expect((await client.query('SELECT assignee_id FROM conversations')).rows).toEqual([{ assignee_id: '1' }]);
      await client.query("INSERT INTO users (id, name, email, role, created_at) VALUES (2, 'Ada', 'ada@x', 'admin', 0)");
      await expect(client.query("INSERT INTO users (id, name, email, email_key, role, created_at) VALUES (3, 'P', 'PRIYA@X', 'priya@x', 'agent', 0)")).rejects.toThrow(/unique/);
    } finally {
      await client.end();
    }
  });

  it('refuses a database with tables that are not Kinship’s, and one from a newer Kinship, leaving each as it was', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE invoices (id int)');
    await expect(openPostgres(url)).rejects.toMatchObject({ name: 'StoreOpenError', reason: 'unreadable' });
    expect((await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n).toBe(1);
    await client.end();

    const newer = await freshDatabase();
    await (await openPostgres(newer)).db.destroy();
    const bump = new pg.Client({ connectionString: newer });
    await bump.connect();
    await bump.query('UPDATE kinship_schema SET version = 999');
    const error = await openPostgres(newer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ reason: 'newer-version' });
    expect((await bump.query('SELECT version FROM kinship_schema')).rows[0].version).toBe(999);
    await bump.end();
  });

  it('refuses to go past the baseline on a migration with no PostgreSQL form, and stores nothing of it', async () => {
    const url = await freshDatabase();
    const next = [...migrations, { version: POSTGRES_BASELINE_VERSION + 100, name: 'sqlite only', sql: 'CREATE TABLE x (id INTEGER)' }];
    await expect(openPostgres(url, { migrations: next })).rejects.toThrow(/no PostgreSQL form/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query("SELECT to_regclass('users') AS t")).rows[0].t).toBeNull();
    await client.end();
  });

  it('says where it failed without the password', async () => {
    const error = await openPostgres('postgresql://kinship:s3cret@127.0.0.1:1/none').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreOpenError', reason: 'io' });
    expect(String((error as Error).message)).not.toContain('s3cret');
  });
});

/** A table whose INTEGER PRIMARY KEY the database numbers (customer_connection's is its customer's, credentials' its user's). */
function numbered(table: string): boolean {
  return table !== 'customer_connection' && table !== 'credentials' && table !== 'analysis_claims';
}
