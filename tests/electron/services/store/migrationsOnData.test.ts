import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../electron/services/store/store';
import { migrations } from '../../../../electron/services/store/migrations';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { tempDir } from '../../../helpers/tempDir';

/**
 * Each SQLite migration on a workspace that already holds data: the file is made at the version
 * before, filled the way that version's Kinship filled it, then taken up exactly one migration —
 * nothing already stored is lost and what the migration fills in is right. (On PostgreSQL a
 * workspace starts at the baseline — schemaParity.test.ts; later migrations get their own.)
 */
const at = (file: string, version: number) => openDatabase(file, { migrations: migrations.filter((m) => m.version <= version) }).db;

/** What a workspace at `version` holds: a customer waiting since 1000, answered at 2000, writing again at 3000. */
function fill(db: Database.Database, version: number): void {
  if (version < 1) return;
  db.exec(`
    INSERT INTO users (id, name, email, role, created_at) VALUES (1, 'Priya', 'priya@x', 'agent', 0);
    INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy Chapman', 0);
    INSERT INTO customer_identities (customer_id, kind, value) VALUES (1, 'phone', '+44 7700 900123');
    INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at, last_message_id, last_message_at, message_count)
      VALUES (7, 1, 'email', 'open', 'Wrong colour', 0, 3000, 72, 3000, 3);
    INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES
      (70, 7, 'customer', 'You refunded the wrong card', 1000, 'a', 1000),
      (71, 7, 'agent', 'Sorry, fixing it now', 2000, 'b', 2000),
      (72, 7, 'customer', 'Still nothing 😞', 3000, 'c', 3000);
    INSERT INTO analyses (message_id, text_hash, analyzer, model_id, sentiment, emotions, latency_ms, created_at)
      VALUES (72, 'h', 'model', 'ekman', -0.7, '{"sadness":0.9}', 2, 3001);
    INSERT INTO coach_prompts (conversation_id, message_id, user_id, kind, text, reason, shown_at) VALUES (7, 72, 1, 'apologise', 'I am sorry', 'sadness', 3002);
    INSERT INTO session_events (at, kind, conversation_id, payload) VALUES (1000, 'message.arrived', 7, '{}');
    INSERT INTO settings (key, value) VALUES ('keymap', '{"reply":"r"}');
  `);
  if (version >= 2) db.exec(`UPDATE analyses SET details = '{"dominant":{"emotion":"sadness","score":0.9}}'`);
  if (version >= 3) db.exec(`INSERT INTO drafts (conversation_id, user_id, kind, body, updated_at) VALUES (7, 1, 'note', 'check the card', 3100)`);
  if (version >= 14) db.exec(`INSERT INTO users (id, name, email, role, created_at) VALUES (2, 'Élodie', ' Élodie.Müller@Example.com', 'admin', 0)`);
}

/** What every version keeps, whatever the migration. */
function expectKept(db: Database.Database): void {
  expect(db.prepare('SELECT id, body FROM messages ORDER BY id').all()).toEqual([
    { id: 70, body: 'You refunded the wrong card' },
    { id: 71, body: 'Sorry, fixing it now' },
    { id: 72, body: 'Still nothing 😞' },
  ]);
  expect(db.prepare('SELECT count(*) AS n FROM analyses').get()).toEqual({ n: 1 });
  expect(db.prepare('SELECT text FROM coach_prompts').all()).toEqual([{ text: 'I am sorry' }]);
  expect(db.prepare('SELECT value FROM settings').all()).toEqual([{ value: '{"reply":"r"}' }]);
  expect(db.prepare('SELECT count(*) AS n FROM session_events').get()).toEqual({ n: 1 });
}

const checks: Record<number, (db: Database.Database) => void> = {
  1: (db) => expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'messages'").get()).toEqual({ n: 1 }),
  2: (db) => expect(db.prepare('SELECT details FROM analyses').get()).toEqual({ details: '{}' }),
  3: (db) => expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 }),
  4: (db) => expect(db.prepare('SELECT waiting_since, last_customer_message_id, mood_sentiment, mood_emotion, mood_analyzer FROM conversations').get())
    .toEqual({ waiting_since: 3000, last_customer_message_id: 72, mood_sentiment: -0.7, mood_emotion: 'sadness', mood_analyzer: 'model' }),
  5: (db) => expect(db.prepare('SELECT count(*) AS n FROM messages WHERE body_html IS NULL').get()).toEqual({ n: 3 }),
  6: (db) => expect(db.prepare('SELECT count(*) AS n FROM conversation_reads').get()).toEqual({ n: 0 }),
  7: (db) => expect(db.prepare('SELECT priority FROM conversations').get()).toEqual({ priority: 1 }),
  8: (db) => expect(db.prepare('SELECT rule_id, title, text FROM coach_prompts').get()).toEqual({ rule_id: '', title: '', text: 'I am sorry' }),
  9: (db) => expect(db.prepare('SELECT body, snapshot_event_id, snapshot_edits, snapshot_edit_chars FROM drafts').get())
    .toEqual({ body: 'check the card', snapshot_event_id: null, snapshot_edits: 0, snapshot_edit_chars: 0 }),
  10: (db) => {
    expect(db.prepare('SELECT conversation_id, user_id, kind, body, updated_at FROM drafts').all()).toEqual([{ conversation_id: 7, user_id: 1, kind: 'note', body: 'check the card', updated_at: 3100 }]);
    expect(db.prepare('SELECT inserted_at FROM coach_prompts').get()).toEqual({ inserted_at: null });
  },
  11: (db) => {
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'refunds'").all()).toEqual([{ rowid: 70 }]);
    expect(db.prepare('SELECT rowid FROM messages_emoji WHERE messages_emoji MATCH \'"😞"*\'').all()).toEqual([{ rowid: 72 }]);
    expect(db.prepare("SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH 'colour OR phones : \"900123\"*'").all()).toEqual([{ rowid: 7 }]);
  },
  12: (db) => expect(db.prepare('SELECT first_reply_at, snoozed_until FROM conversations').get()).toEqual({ first_reply_at: 2000, snoozed_until: null }),
  13: (db) => expect(db.prepare('SELECT count(*) AS n FROM saved_views').get()).toEqual({ n: 0 }),
  14: (db) => {
    expect(db.prepare('SELECT id, email, role, deactivated_at FROM users').all()).toEqual([{ id: 1, email: 'priya@x', role: 'agent', deactivated_at: null }]);
    expect(db.prepare('SELECT user_id FROM coach_prompts').get()).toEqual({ user_id: 1 });
    expect(() => db.prepare("INSERT INTO users (name, email, role, created_at) VALUES ('P', 'PRIYA@X', 'admin', 0)").run()).toThrow(/UNIQUE/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
  15: (db) => {
    // folded by the same JavaScript as new addresses are (beyond ASCII, which SQLite's lower() is not)
    expect(db.prepare('SELECT id, email, email_key FROM users ORDER BY id').all()).toEqual([
      { id: 1, email: 'priya@x', email_key: 'priya@x' },
      { id: 2, email: ' Élodie.Müller@Example.com', email_key: 'élodie.müller@example.com' },
    ]);
    expect(() => db.prepare("INSERT INTO users (name, email, email_key, role, created_at) VALUES ('P', 'Élodie.müller@example.com', 'élodie.müller@example.com', 'agent', 0)").run()).toThrow(/UNIQUE/);
  },
  16: (db) => {
    // once per message and rule, once per message and model (duplicates: onceMigration.test.ts); claims start empty
    // (the prompt from before rules is told apart by its kind: legacyPromptRules.ts)
    expect(db.prepare('SELECT rule_id FROM coach_prompts').get()).toEqual({ rule_id: 'legacy:apologise' });
    expect(() => db.prepare("INSERT INTO coach_prompts (conversation_id, message_id, kind, rule_id, text, reason, shown_at) VALUES (7, 72, 'apologise', 'legacy:apologise', 'again', 'x', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO analyses (message_id, text_hash, analyzer, model_id, sentiment, emotions, latency_ms, created_at) VALUES (72, 'h', 'model', 'ekman', 0, '{}', 1, 1)").run()).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM analysis_claims').get()).toEqual({ n: 0 });
  },
  17: (db) => {
    // keys folded by emailKey (merges and duplicates: identityMigrations.test.ts); identities keyed, as written
    expect(db.prepare('SELECT id, email_key, deactivated_reason FROM users ORDER BY id').all()).toEqual([
      { id: 1, email_key: 'priya@x', deactivated_reason: null },
      { id: 2, email_key: 'élodie.müller@example.com', deactivated_reason: null },
    ]);
    expect(db.prepare('SELECT customer_id, kind, value, value_key FROM customer_identities').all()).toEqual([{ customer_id: 1, kind: 'phone', value: '+44 7700 900123', value_key: '+44 7700 900123' }]);
    expect(db.prepare('SELECT count(*) AS n FROM customer_merges').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH 'phones : \"900123\"*'").all()).toEqual([{ rowid: 7 }]);
  },
  // (SQLite is one process: the table of large team events stays empty; PostgreSQL: teamEvents.test.ts)
  20: (db) => expect(db.prepare('SELECT count(*) AS n FROM team_events').get()).toEqual({ n: 0 }),
  // conversations kept have no team; a team's name is unique whatever its case; deleting a team leaves its conversations with none
  21: (db) => {
    expect(db.prepare('SELECT id, team_id FROM conversations').all()).toEqual([{ id: 7, team_id: null }]);
    db.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'Returns', 0)").run();
    expect(() => db.prepare("INSERT INTO teams (name, created_at) VALUES ('RETURNS', 0)").run()).toThrow(/UNIQUE/);
    db.prepare('INSERT INTO team_members (team_id, user_id, added_at) VALUES (1, 1, 0)').run();
    db.prepare('UPDATE conversations SET team_id = 1').run();
    db.prepare('DELETE FROM teams WHERE id = 1').run();
    expect(db.prepare('SELECT team_id FROM conversations').get()).toEqual({ team_id: null });
    expect(db.prepare('SELECT count(*) AS n FROM team_members').get()).toEqual({ n: 0 });
  },
  // (PostgreSQL's search refresh only: SQLite's search is as it was; PostgreSQL: searchRefreshByIndex.test.ts)
  22: (db) => expect(db.prepare("SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH 'phones : \"900123\"*'").all()).toEqual([{ rowid: 7 }]),
  // a draft kept as it was, never sent
  23: (db) => expect(db.prepare('SELECT kind, body, sent_message_id FROM drafts').all()).toEqual([{ kind: 'note', body: 'check the card', sent_message_id: null }]),
  // a phone number keyed in E.164, shown and searched as written (merges: identityMigrations.test.ts)
  24: (db) => {
    expect(db.prepare('SELECT customer_id, kind, value, value_key FROM customer_identities').all()).toEqual([{ customer_id: 1, kind: 'phone', value: '+44 7700 900123', value_key: '+447700900123' }]);
    expect(db.prepare('SELECT count(*) AS n FROM customer_merges').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH 'phones : \"900123\"*'").all()).toEqual([{ rowid: 7 }]);
  },
};

describe('each SQLite migration on a workspace holding data', () => {
  it('has a check for every migration', () => {
    expect(Object.keys(checks).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const migration of migrations) {
    it(`${migration.version} ${migration.name}: keeps what is stored and fills in what it adds`, () => {
      const file = path.join(tempDir(), 'kinship.sqlite');
      const before = at(file, migration.version - 1);
      fill(before, migration.version - 1);
      before.close();
      const after = at(file, migration.version);
      try {
        expect(after.pragma('user_version', { simple: true })).toBe(migration.version);
        if (migration.version > 1) expectKept(after);
        checks[migration.version]!(after);
      } finally {
        after.close();
      }
    });
  }

  it('opens a workspace written at the last shipped version, unchanged, through the Promise-returning store', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const db = at(file, 13);
    fill(db, 13);
    db.exec('UPDATE conversations SET waiting_since = 3000, last_customer_message_id = 72, first_reply_at = 2000');
    db.close();
    const store = await openSqliteStore(file);
    try {
      expect(store.migration.applied).toEqual(migrations.filter((m) => m.version > 13).map((m) => `${m.version} ${m.name}`));
      expect(await store.conversations.getSummary(7, 1)).toMatchObject({ subject: 'Wrong colour', messageCount: 3, waitingSince: 3000, hasDraft: true, responseClock: { kind: 'next', since: 3000 } });
      expect((await store.messages.listForConversation(7)).map((m) => m.body)).toHaveLength(3);
      expect((await store.search.find('refunds', {}, 10)).map((hit) => hit.conversationId)).toEqual([7]);
      expect(await store.drafts.byKind(7, 1)).toMatchObject({ note: { body: 'check the card' }, reply: null });
    } finally {
      await store.close();
    }
  });
});
