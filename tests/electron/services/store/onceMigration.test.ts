import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/services/store/migrations';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { openPostgres } from '../../../../electron/services/store/postgres/openPostgres';
import { tempDir } from '../../../helpers/tempDir';
import { newPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Migration 16 on a workspace that already holds what older versions let through: the same coach
 * prompt raised twice for a message, the same message read twice by one model. One of each is
 * kept — the prompt the agent acted on (else the first), the newest reading — and the rest go.
 * Prompts from before rules are duplicates only of the same kind and wording.
 */
const BEFORE = migrations.filter((m) => m.version < 16);

const FILL = [
  "INSERT INTO users (id, name, email, role, created_at) VALUES (1, 'Priya', 'priya@x', 'agent', 0)",
  "INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy Chapman', 0)",
  "INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at) VALUES (7, 1, 'chat', 'open', 'Wrong colour', 0, 0)",
  "INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES (70, 7, 'customer', 'Where is it', 1000, 'a', 1000), (71, 7, 'customer', 'Still nothing', 2000, 'b', 2000)",
  `INSERT INTO coach_prompts (id, conversation_id, message_id, kind, rule_id, text, reason, shown_at, outcome, outcome_at) VALUES
     (1, 7, 70, 'apologise', 'sorry', 'first', 'r', 10, NULL, NULL),
     (2, 7, 70, 'apologise', 'sorry', 'second', 'r', 10, NULL, NULL),
     (3, 7, 71, 'apologise', 'sorry', 'raised', 'r', 20, NULL, NULL),
     (4, 7, 71, 'apologise', 'sorry', 'dismissed twin', 'r', 20, 'dismissed', 25),
     (5, 7, 71, 'acknowledge', 'feel', 'other rule', 'r', 20, NULL, NULL),
     (6, 7, 71, 'apologise', '', 'I am so sorry', 'r', 5, NULL, NULL),
     (7, 7, 71, 'apologise', '', 'I am so sorry', 'r', 6, 'inserted', 8),
     (8, 7, 71, 'acknowledge', '', 'That sounds frustrating', 'r', 5, NULL, NULL),
     (9, 7, 71, 'apologise', '', 'Sorry for the wait', 'r', 5, NULL, NULL)`,
  `INSERT INTO analyses (id, message_id, text_hash, analyzer, model_id, model_version, sentiment, emotions, latency_ms, created_at) VALUES
     (1, 70, 'h', 'model', 'ekman', NULL, -0.1, '{}', 1, 1),
     (2, 70, 'h', 'model', 'ekman', NULL, -0.2, '{}', 1, 2),
     (3, 70, 'h', 'lexicon', 'lexicon', 'v1', -0.3, '{}', 1, 3),
     (4, 71, 'h', 'model', 'ekman', 'v2', -0.4, '{}', 1, 4)`,
];
// prompts from before rules (rule_id ''): the same kind and wording twice is one prompt (the one acted on
// kept); other kinds and other wordings are prompts of their own, each under a rule id of its own
const KEPT_PROMPTS = [
  { id: 1, text: 'first', rule_id: 'sorry' }, { id: 4, text: 'dismissed twin', rule_id: 'sorry' }, { id: 5, text: 'other rule', rule_id: 'feel' },
  { id: 7, text: 'I am so sorry', rule_id: 'legacy:apologise' }, { id: 8, text: 'That sounds frustrating', rule_id: 'legacy:acknowledge' },
  { id: 9, text: 'Sorry for the wait', rule_id: 'legacy:apologise:9' },
];
const KEPT_READINGS = [{ id: 2, sentiment: -0.2 }, { id: 3, sentiment: -0.3 }, { id: 4, sentiment: -0.4 }];

describe('migration 16 (once per message) on a workspace holding duplicates', () => {
  it('keeps one prompt per message and rule and one reading per message and model on SQLite', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const before = openDatabase(file, { migrations: BEFORE }).db;
    for (const statement of FILL) before.exec(statement);
    before.close();
    const { db } = openDatabase(file);
    try {
      expect(db.prepare('SELECT id, text, rule_id FROM coach_prompts ORDER BY id').all()).toEqual(KEPT_PROMPTS);
      expect(db.prepare('SELECT id, sentiment FROM analyses ORDER BY id').all()).toEqual(KEPT_READINGS);
    } finally {
      db.close();
    }
  });

  it('does the same on PostgreSQL', async () => {
    const url = await newPostgresDatabase('kinship_once');
    await (await openPostgres(url, { migrations: BEFORE })).db.destroy();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const statement of FILL) await client.query(statement);
      const opened = await openPostgres(url);
      await opened.db.destroy();
      expect(opened.migration.applied).toContain('16 once per message: coach prompts, readings and backlog claims');
      expect((await client.query('SELECT id::int, text, rule_id FROM coach_prompts ORDER BY id')).rows).toEqual(KEPT_PROMPTS);
      expect((await client.query('SELECT id::int, sentiment FROM analyses ORDER BY id')).rows).toEqual(KEPT_READINGS);
    } finally {
      await client.end();
    }
  });
});
