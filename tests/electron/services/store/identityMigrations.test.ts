import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emailKey } from '../../../../electron/services/store/emailKey';
import { migrations } from '../../../../electron/services/store/migrations';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { openPostgres } from '../../../../electron/services/store/postgres/openPostgres';
import { tempDir } from '../../../helpers/tempDir';
import { newPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Migrations 15, 17 and 24 on workspaces holding what older versions let through: two people whose
 * addresses fold to one key (15 used to stop the upgrade there), keys PostgreSQL folded otherwise
 * than sign-in does, customers who are one person under two spellings of an address or two writings
 * of a phone number, and coach prompts from before rules. Each on SQLite and on PostgreSQL, from the version before.
 */
const upTo = (version: number) => migrations.filter((m) => m.version <= version);

/** Runs statements on a workspace of either kind, answering rows as plain objects (ids as numbers). */
interface Workspace {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** Opens it with every migration (as a new Kinship would), answering what was applied. */
  upgrade(): Promise<string[]>;
  close(): Promise<void>;
}

async function sqliteAt(version: number): Promise<Workspace> {
  const file = path.join(tempDir(), 'kinship.sqlite');
  let db = openDatabase(file, { migrations: upTo(version) }).db;
  return {
    run: async (sql) => void db.exec(sql),
    rows: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    upgrade: async () => {
      db.close();
      const opened = openDatabase(file);
      db = opened.db;
      return opened.migration.applied;
    },
    close: async () => void db.close(),
  };
}

async function postgresAt(version: number): Promise<Workspace> {
  const url = await newPostgresDatabase('kinship_ident');
  await (await openPostgres(url, { migrations: upTo(version) })).db.destroy();
  // bigint ids read as numbers, as the store reads them
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  return {
    run: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    upgrade: async () => {
      const opened = await openPostgres(url);
      await opened.db.destroy();
      return opened.migration.applied;
    },
    close: () => client.end(),
  };
}

const OPENERS = { sqlite: sqliteAt, postgres: postgresAt } as const;

/** Two spellings of one address that the version-14 schema let through on each store. */
const TWINS = {
  // COLLATE NOCASE folds ASCII only
  sqlite: ['ÉDITH@example.org', 'édith@example.org'],
  // lower(email) is unique, but a composed and a decomposed É differ before normalize()
  postgres: ['Édith@example.org', 'E\u0301dith@example.org'],
} as const;

describe.each(['sqlite', 'postgres'] as const)('e-mail keys (15, 17) on %s', (kind) => {
  it('15 takes up a workspace whose people have two spellings of one address, keeping one key for it', async () => {
    const ws = await OPENERS[kind](14);
    try {
      const [older, newer] = TWINS[kind];
      await ws.run(`INSERT INTO users (id, name, email, role, created_at) VALUES (1, 'Édith (invited)', '${older}', 'agent', 10), (2, 'Édith', '${newer}', 'agent', 20)`);
      // the newer account is the one she signs in with: it has a password
      await ws.run(`INSERT INTO credentials (user_id, password_hash, updated_at) VALUES (2, 'hash', 20)`);
      await ws.run(`INSERT INTO sign_in_sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at) VALUES ('s1', 1, 't1', 30, 30, 9000000000000), ('s2', 2, 't2', 30, 30, 9000000000000)`);
      const applied = await ws.upgrade();
      expect(applied[0]).toBe('15 e-mail keys');
      const users = await ws.rows('SELECT id, email, email_key, deactivated_at, deactivated_reason FROM users ORDER BY id');
      // the account that can sign in is kept for the address; the other is set aside, and says why
      expect(users[1]).toEqual({ id: 2, email: newer, email_key: 'édith@example.org', deactivated_at: null, deactivated_reason: null });
      expect(users[0]).toMatchObject({ id: 1, email: older, email_key: '#1 DUPLICATE OF édith@example.org' });
      expect(users[0]!.deactivated_at).toEqual(expect.any(Number));
      expect(users[0]!.deactivated_reason).toMatch(/Édith <.*> has the same e-mail address/);
      expect(await ws.rows("SELECT id, end_reason FROM sign_in_sessions WHERE ended_at IS NOT NULL")).toEqual([{ id: 's1', end_reason: 'deactivated' }]);
      // no address folds to the key set aside
      expect(emailKey('#1 DUPLICATE OF édith@example.org')).not.toBe('#1 DUPLICATE OF édith@example.org');
    } finally {
      await ws.close();
    }
  });

  it('17 folds every key with emailKey (as sign-in does) and sets aside the accounts that then share one', async () => {
    const ws = await OPENERS[kind](16);
    try {
      // what 15 left: on PostgreSQL lower() keeps a capital sigma's σ where JavaScript writes a final ς
      const old15 = (email: string) => (kind === 'postgres' ? `lower(normalize(btrim('${email}'), NFC))` : `'${emailKey(email)}'`);
      await ws.run(`INSERT INTO users (id, name, email, email_key, role, created_at, deactivated_at) VALUES
        (1, 'Οδός', 'ΟΔΟΣ@example.gr', ${old15('ΟΔΟΣ@example.gr')}, 'admin', 10, NULL),
        (2, 'Priya', 'priya@x', 'priya@x', 'agent', 5, NULL)`);
      if (kind === 'postgres') {
        // distinct to PostgreSQL's fold, one address to JavaScript's; the older one was deactivated by an admin
        expect(await ws.rows('SELECT email_key FROM users WHERE id = 1')).toEqual([{ email_key: 'οδοσ@example.gr' }]);
        await ws.run(`INSERT INTO users (id, name, email, email_key, role, created_at, deactivated_at) VALUES (3, 'Οδός old', 'οδος@example.gr', lower('οδος@example.gr'), 'agent', 1, 50)`);
      }
      await ws.upgrade();
      const users = await ws.rows('SELECT id, email_key, deactivated_at, deactivated_reason FROM users ORDER BY id');
      expect(users.filter((u) => u.id !== 3)).toEqual([
        { id: 1, email_key: 'οδος@example.gr', deactivated_at: null, deactivated_reason: null },
        { id: 2, email_key: 'priya@x', deactivated_at: null, deactivated_reason: null },
      ]);
      if (kind === 'postgres') {
        // deactivated already: keeps its time, and now says why it cannot come back under this address
        expect(users.find((u) => u.id === 3)).toMatchObject({ email_key: '#3 DUPLICATE OF οδος@example.gr', deactivated_at: 50 });
        expect(users.find((u) => u.id === 3)!.deactivated_reason).toMatch(/^Deactivated on upgrade: Οδός <ΟΔΟΣ@example.gr>/);
        // the key is the one rule on both stores: PostgreSQL's lower(email) index, which took these two for one, is gone
        await ws.run("INSERT INTO users (id, name, email, email_key, role, created_at) VALUES (4, 'P', 'οδοσ@example.gr', 'οδοσ@example.gr', 'agent', 0)");
      }
      await expect(ws.run("INSERT INTO users (id, name, email, email_key, role, created_at) VALUES (5, 'P', 'Priya@X', 'priya@x', 'agent', 0)")).rejects.toThrow(/unique/i);
    } finally {
      await ws.close();
    }
  });

  it('17 merges customers who are one person under two spellings of an address, recording each merge', async () => {
    const ws = await OPENERS[kind](16);
    try {
      await ws.run(`INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Ann Lee', 100), (2, 'ANN LEE', 200), (3, 'Bob', 150), (4, 'A. Lee', 300)`);
      await ws.run(`INSERT INTO customer_identities (id, customer_id, kind, value) VALUES
        (1, 1, 'email', 'ann@example.com'), (2, 1, 'phone', '+44 7700 900123'),
        (3, 2, 'email', 'ANN@Example.com'), (4, 2, 'email', 'a.lee@work.example'),
        (5, 3, 'email', 'bob@example.com'),
        (6, 4, 'email', 'A.Lee@Work.example'), (7, 4, 'chat', 'annie')`);
      await ws.run(`INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at) VALUES
        (10, 1, 'email', 'resolved', 'Refund', 100, 100), (20, 2, 'email', 'open', 'Refund again', 200, 200),
        (30, 3, 'email', 'open', 'Hi', 150, 150), (40, 4, 'chat', 'open', 'Late parcel', 300, 300)`);
      await ws.run(`INSERT INTO follow_ups (id, customer_id, conversation_id, description, due_at, created_at) VALUES (1, 2, 20, 'Call back about the refund', 500, 200)`);
      await ws.run(`INSERT INTO customer_connection (customer_id, score, stage, movement_30d, contacts, computed_at) VALUES (1, 40, 'acquaintance', 0, 1, 100), (2, 10, 'at-risk', -5, 1, 200), (3, 50, 'friend', 0, 1, 150)`);
      await ws.upgrade();

      expect(await ws.rows('SELECT id, display_name FROM customers ORDER BY id')).toEqual([{ id: 1, display_name: 'Ann Lee' }, { id: 3, display_name: 'Bob' }]);
      // each identity once, written as the customer who remains wrote it (else as first written)
      expect(await ws.rows('SELECT customer_id, kind, value, value_key FROM customer_identities ORDER BY id')).toEqual([
        { customer_id: 1, kind: 'email', value: 'ann@example.com', value_key: 'ann@example.com' },
        // (17 kept a number's key as written; 24, run by the same upgrade, puts it in E.164)
        { customer_id: 1, kind: 'phone', value: '+44 7700 900123', value_key: '+447700900123' },
        { customer_id: 1, kind: 'email', value: 'a.lee@work.example', value_key: 'a.lee@work.example' },
        { customer_id: 3, kind: 'email', value: 'bob@example.com', value_key: 'bob@example.com' },
        { customer_id: 1, kind: 'chat', value: 'annie', value_key: 'annie' },
      ]);
      expect(await ws.rows('SELECT id, customer_id FROM conversations ORDER BY id')).toEqual([
        { id: 10, customer_id: 1 }, { id: 20, customer_id: 1 }, { id: 30, customer_id: 3 }, { id: 40, customer_id: 1 },
      ]);
      expect(await ws.rows('SELECT id, customer_id, conversation_id FROM follow_ups')).toEqual([{ id: 1, customer_id: 1, conversation_id: 20 }]);
      // Ann's index is computed again from the joined history; Bob's stays
      expect(await ws.rows('SELECT customer_id FROM customer_connection ORDER BY customer_id')).toEqual([{ customer_id: 3 }]);
      const merges = await ws.rows('SELECT customer_id, merged_customer_id, merged_display_name, merged_created_at, merged_identities, conversations, follow_ups, reason, merged_at FROM customer_merges ORDER BY merged_customer_id');
      expect(merges).toMatchObject([
        { customer_id: 1, merged_customer_id: 2, merged_display_name: 'ANN LEE', merged_created_at: 200, conversations: 1, follow_ups: 1, reason: expect.stringMatching(/compared whatever their case/) },
        { customer_id: 1, merged_customer_id: 4, merged_display_name: 'A. Lee', merged_created_at: 300, conversations: 1, follow_ups: 0 },
      ]);
      expect(String(merges[0]!.merged_identities).split(', ').sort()).toEqual(['email ANN@Example.com', 'email a.lee@work.example']);
      expect(merges[0]!.merged_at).toEqual(expect.any(Number));
      // one customer per identity from now on
      await expect(ws.run("INSERT INTO customer_identities (customer_id, kind, value, value_key) VALUES (3, 'email', 'Ann@example.com', 'ann@example.com')")).rejects.toThrow(/unique/i);
    } finally {
      await ws.close();
    }
  });

  it('17 gives coach prompts from before rules a rule of their own, as 16 now does', async () => {
    const ws = await OPENERS[kind](16);
    try {
      await ws.run(`INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy', 0)`);
      await ws.run(`INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) VALUES (7, 1, 'chat', 'open', 0, 0)`);
      await ws.run(`INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES (70, 7, 'customer', 'Where is it', 1000, 'a', 1000)`);
      // what a first 16 left of a message's prompts from before rules: one, named by no rule
      await ws.run(`INSERT INTO coach_prompts (id, conversation_id, message_id, kind, rule_id, text, reason, shown_at) VALUES (1, 7, 70, 'apologise', '', 'I am sorry', 'r', 10)`);
      await ws.upgrade();
      expect(await ws.rows('SELECT id, rule_id FROM coach_prompts')).toEqual([{ id: 1, rule_id: 'legacy:apologise' }]);
    } finally {
      await ws.close();
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('phone keys (24) on %s', (kind) => {
  it('keys phone numbers in E.164 and merges customers who are one person under two writings of a number', async () => {
    const ws = await OPENERS[kind](23);
    try {
      await ws.run(`INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Ann Lee', 100), (2, 'Ann (phone)', 200), (3, 'Bob', 150), (4, 'Cara', 300), (5, 'Dev', 400)`);
      // keys as 17 left them: phone numbers as written
      await ws.run(`INSERT INTO customer_identities (id, customer_id, kind, value, value_key) VALUES
        (1, 1, 'email', 'ann@example.com', 'ann@example.com'), (2, 1, 'phone', '+44 20 7946 0958', '+44 20 7946 0958'),
        (3, 1, 'phone', '+44 (0)20 7946 0958', '+44 (0)20 7946 0958'),
        (4, 2, 'phone', '+442079460958', '+442079460958'), (5, 2, 'chat', 'ann-chat', 'ann-chat'),
        (6, 3, 'phone', '020 7946 0958', '020 7946 0958'),
        (7, 4, 'phone', '+44 7700 900123', '+44 7700 900123'),
        (8, 5, 'phone', '+44 20 7946 0958 ext. 12', '+44 20 7946 0958 ext. 12')`);
      await ws.run(`INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at) VALUES
        (10, 1, 'email', 'resolved', 'Refund', 100, 100), (20, 2, 'voice', 'open', 'Called about the refund', 200, 200), (30, 3, 'voice', 'open', 'Hi', 150, 150)`);
      await ws.run(`INSERT INTO follow_ups (id, customer_id, conversation_id, description, due_at, created_at) VALUES (1, 2, 20, 'Call back about the refund', 500, 200)`);
      await ws.run(`INSERT INTO customer_connection (customer_id, score, stage, movement_30d, contacts, computed_at) VALUES (1, 40, 'acquaintance', 0, 1, 100), (2, 10, 'at-risk', -5, 1, 200), (3, 50, 'friend', 0, 1, 150)`);
      // the customer who goes had taken in another at 17: that record stays, on who remains
      await ws.run(`INSERT INTO customer_merges (customer_id, merged_customer_id, merged_display_name, merged_created_at, merged_identities, conversations, follow_ups, reason, merged_at)
        VALUES (2, 9, 'ANN', 50, 'email ANN@example.com', 0, 0, 'at 17', 60)`);
      expect(await ws.upgrade()).toContain('24 phone keys: numbers compared in E.164, customers merged');

      expect(await ws.rows('SELECT id, display_name FROM customers ORDER BY id')).toEqual([
        { id: 1, display_name: 'Ann Lee' }, { id: 3, display_name: 'Bob' }, { id: 4, display_name: 'Cara' }, { id: 5, display_name: 'Dev' },
      ]);
      // one identity per number, as the customer who remains first wrote it; a number without its country code as written
      expect(await ws.rows('SELECT customer_id, kind, value, value_key FROM customer_identities ORDER BY id')).toEqual([
        { customer_id: 1, kind: 'email', value: 'ann@example.com', value_key: 'ann@example.com' },
        { customer_id: 1, kind: 'phone', value: '+44 20 7946 0958', value_key: '+442079460958' },
        { customer_id: 1, kind: 'chat', value: 'ann-chat', value_key: 'ann-chat' },
        { customer_id: 3, kind: 'phone', value: '020 7946 0958', value_key: '020 7946 0958' },
        { customer_id: 4, kind: 'phone', value: '+44 7700 900123', value_key: '+447700900123' },
        { customer_id: 5, kind: 'phone', value: '+44 20 7946 0958 ext. 12', value_key: '+442079460958;ext=12' },
      ]);
      expect(await ws.rows('SELECT id, customer_id FROM conversations ORDER BY id')).toEqual([{ id: 10, customer_id: 1 }, { id: 20, customer_id: 1 }, { id: 30, customer_id: 3 }]);
      expect(await ws.rows('SELECT id, customer_id FROM follow_ups')).toEqual([{ id: 1, customer_id: 1 }]);
      expect(await ws.rows('SELECT customer_id FROM customer_connection ORDER BY customer_id')).toEqual([{ customer_id: 3 }]);
      const merges = await ws.rows('SELECT customer_id, merged_customer_id, merged_display_name, merged_identities, conversations, follow_ups, reason FROM customer_merges ORDER BY merged_customer_id');
      expect(merges).toEqual([
        { customer_id: 1, merged_customer_id: 2, merged_display_name: 'Ann (phone)', merged_identities: expect.any(String), conversations: 1, follow_ups: 1, reason: expect.stringMatching(/E\.164/) },
        { customer_id: 1, merged_customer_id: 9, merged_display_name: 'ANN', merged_identities: 'email ANN@example.com', conversations: 0, follow_ups: 0, reason: 'at 17' },
      ]);
      expect(String(merges[0]!.merged_identities).split(', ').sort()).toEqual(['chat ann-chat', 'phone +442079460958']);
      // one customer per number from now on
      await expect(ws.run("INSERT INTO customer_identities (customer_id, kind, value, value_key) VALUES (3, 'phone', '+44 20 79460958', '+442079460958')")).rejects.toThrow(/unique/i);
    } finally {
      await ws.close();
    }
  });
});

describe('17 on a large workspace', () => {
  it('matches identities by key through an index while it merges (without one SQLite compared each identity with every other of its kind: 63,000 took 11.7 minutes)', () => {
    const sql = migrations.find((migration) => migration.version === 17)!.sql;
    const statements = sql.split(';').map((statement) => statement.replace(/--.*$/gm, '').trim()).filter(Boolean);
    const matching = statements.findIndex((statement) => /^CREATE INDEX \w+ ON customer_identities\s*\(kind, value_key\)$/.test(statement));
    const firstMatch = statements.findIndex((statement) => /value_key = i\.value_key/.test(statement));
    const unique = statements.findIndex((statement) => /^CREATE UNIQUE INDEX customer_identities_key/.test(statement));
    expect(matching).toBeGreaterThanOrEqual(0);
    expect(matching).toBeLessThan(firstMatch);
    expect(firstMatch).toBeLessThan(unique);
  });
});
