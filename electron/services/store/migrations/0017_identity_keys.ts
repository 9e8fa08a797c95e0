import type Database from 'better-sqlite3';
import { emailKey } from '../emailKey';
import { identityKey } from '../identityKey';
import type { IdentityKind } from '../../../../shared/contract/domain';
import { reindexCustomer } from './0011_search_everywhere';
import { deactivateDuplicateEmailKeys } from './duplicateEmailKeys';
import { legacyPromptRules } from './legacyPromptRules';
import type { MigrationClient } from './migrationClient';

/**
 * Identities compared the way sign-in and ingestion compare them, by JavaScript on both stores:
 *
 * - People: every users.email_key folded again by emailKey (migration 15 folded with PostgreSQL's
 *   lower(), whose case mapping is not JavaScript's: "ΟΔΟΣ" was "οδοσ" there, "οδος" at sign-in).
 *   Accounts that now share a key keep one (duplicateEmailKeys.ts); the others are deactivated, with
 *   the reason in users.deactivated_reason. On PostgreSQL the key is the one rule (users_email_caseless,
 *   lower(email) from migration 14, goes).
 * - Coach prompts from before rules that a first 16 deleted as duplicates of each other are gone;
 *   those left get rule ids of their own as a 16 run today gives them (legacyPromptRules.ts).
 * - Customers: each identity gets customer_identities.value_key (identityKey.ts: an e-mail address
 *   folded by emailKey, other handles as written), unique per kind; the value stays as the customer
 *   wrote it. Customers that now share an identity — directly or through a chain of them — become
 *   the oldest of them: conversations, follow-ups and identities move to it (one identity per key,
 *   its own first), its connection index is computed again from the joined history, and each merge
 *   is recorded in customer_merges (who, their name and identities, what moved, why, when).
 *
 * The keys are computed in JavaScript before the SQL runs (prepare*, into temporary tables the SQL
 * reads), so the fold is emailKey's on both stores.
 */

interface KeyRow {
  id: number;
  key: string;
}

function keysOf(users: { id: number; email: string }[], identities: { id: number; kind: string; value: string }[]) {
  return {
    users: users.map((u): KeyRow => ({ id: Number(u.id), key: emailKey(u.email) })),
    identities: identities.map((i): KeyRow => ({ id: Number(i.id), key: identityKey(i.kind as IdentityKind, i.value) })),
  };
}

const KEY_TABLES = ['user_email_keys', 'identity_keys'] as const;

export function prepareIdentityKeys(db: Database.Database): void {
  const keys = keysOf(
    db.prepare('SELECT id, email FROM users').all() as { id: number; email: string }[],
    db.prepare('SELECT id, kind, value FROM customer_identities').all() as { id: number; kind: string; value: string }[],
  );
  KEY_TABLES.forEach((table, n) => {
    db.exec(`CREATE TEMP TABLE ${table} (id INTEGER PRIMARY KEY, key TEXT NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${table} (id, key) VALUES (?, ?)`);
    for (const row of n === 0 ? keys.users : keys.identities) insert.run(row.id, row.key);
  });
}

export async function prepareIdentityKeysPostgres(client: MigrationClient): Promise<void> {
  const keys = keysOf(
    (await client.query<{ id: number; email: string }>('SELECT id, email FROM users')).rows,
    (await client.query<{ id: number; kind: string; value: string }>('SELECT id, kind, value FROM customer_identities')).rows,
  );
  for (const [n, table] of KEY_TABLES.entries()) {
    await client.query(`CREATE TEMP TABLE ${table} (id bigint PRIMARY KEY, key text NOT NULL)`);
    const rows = n === 0 ? keys.users : keys.identities;
    for (let start = 0; start < rows.length; start += 10_000) {
      const chunk = rows.slice(start, start + 10_000);
      await client.query(`INSERT INTO ${table} (id, key) SELECT * FROM unnest($1::bigint[], $2::text[])`, [chunk.map((r) => r.id), chunk.map((r) => r.key)]);
    }
  }
}

/** What both stores run once their own columns and tables are there; `now` is the dialect's time in ms, `list` its string aggregate. */
const body = (now: string, list: (expr: string) => string) => /* sql */ `
DROP INDEX users_email_key;
UPDATE users SET email_key = (SELECT k.key FROM user_email_keys k WHERE k.id = users.id);
${deactivateDuplicateEmailKeys(now)}
CREATE UNIQUE INDEX users_email_key ON users(email_key);
DROP TABLE user_email_keys;

${legacyPromptRules}

UPDATE customer_identities SET value_key = (SELECT k.key FROM identity_keys k WHERE k.id = customer_identities.id);
DROP TABLE identity_keys;
-- identities are matched by key below: without an index on it, SQLite matches each against every other
-- of its kind (63,000 identities: 11.7 minutes). The unique index replaces it once duplicates are gone.
CREATE INDEX customer_identities_matching ON customer_identities(kind, value_key);

-- customers who share an identity, and for each the one they become (the oldest reachable through shared identities)
CREATE TEMP TABLE identity_links AS
  SELECT DISTINCT i.customer_id AS from_id, j.customer_id AS to_id FROM customer_identities i
  JOIN customer_identities j ON j.kind = i.kind AND j.value_key = i.value_key AND j.customer_id <> i.customer_id;
CREATE TEMP TABLE customer_merge_plan AS
  WITH RECURSIVE reach (customer_id, other) AS (
    SELECT from_id, from_id FROM identity_links
    UNION
    SELECT r.customer_id, l.to_id FROM reach r JOIN identity_links l ON l.from_id = r.other
  )
  SELECT m.customer_id AS merged_id,
         (SELECT c.id FROM reach o JOIN customers c ON c.id = o.other WHERE o.customer_id = m.customer_id ORDER BY c.created_at, c.id LIMIT 1) AS survivor_id
  FROM (SELECT DISTINCT customer_id FROM reach) m;
DELETE FROM customer_merge_plan WHERE merged_id = survivor_id;

INSERT INTO customer_merges (customer_id, merged_customer_id, merged_display_name, merged_created_at, merged_identities, conversations, follow_ups, reason, merged_at)
  SELECT p.survivor_id, p.merged_id, c.display_name, c.created_at,
         coalesce((SELECT ${list("i.kind || ' ' || i.value")} FROM customer_identities i WHERE i.customer_id = p.merged_id), ''),
         (SELECT count(*) FROM conversations v WHERE v.customer_id = p.merged_id),
         (SELECT count(*) FROM follow_ups f WHERE f.customer_id = p.merged_id),
         'They share an identity once e-mail addresses are compared whatever their case (upgrade to schema 17).',
         ${now}
  FROM customer_merge_plan p JOIN customers c ON c.id = p.merged_id;

UPDATE conversations SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = conversations.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
UPDATE follow_ups SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = follow_ups.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
-- one identity per key for each customer, theirs before those of the customers joining them
DELETE FROM customer_identities WHERE id IN (
  SELECT id FROM (
    SELECT i.id, row_number() OVER (PARTITION BY coalesce(p.survivor_id, i.customer_id), i.kind, i.value_key ORDER BY (p.merged_id IS NULL) DESC, i.id) AS n
    FROM customer_identities i LEFT JOIN customer_merge_plan p ON p.merged_id = i.customer_id
  ) ranked WHERE n > 1
);
UPDATE customer_identities SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = customer_identities.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
-- the index of whoever gained a history is computed again (a customer without one is computed by the next sweep)
DELETE FROM customer_connection WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan UNION SELECT survivor_id FROM customer_merge_plan);
DELETE FROM customers WHERE id IN (SELECT merged_id FROM customer_merge_plan);
DROP TABLE customer_merge_plan;
DROP TABLE identity_links;
DROP INDEX customer_identities_matching;
CREATE UNIQUE INDEX customer_identities_key ON customer_identities(kind, value_key);
`;

export const identityKeys = /* sql */ `
ALTER TABLE users ADD COLUMN deactivated_reason TEXT;
ALTER TABLE customer_identities ADD COLUMN value_key TEXT NOT NULL DEFAULT '';
-- a key filled in is not a change the conversation index needs to follow
DROP TRIGGER conversations_fts_identity_update;
CREATE TRIGGER conversations_fts_identity_update AFTER UPDATE OF customer_id, kind, value ON customer_identities BEGIN
  ${reindexCustomer('old.customer_id')}
  ${reindexCustomer('new.customer_id')}
END;
CREATE TABLE customer_merges (
  id                   INTEGER PRIMARY KEY,
  customer_id          INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  merged_customer_id   INTEGER NOT NULL,
  merged_display_name  TEXT NOT NULL,
  merged_created_at    INTEGER NOT NULL,
  merged_identities    TEXT NOT NULL,
  conversations        INTEGER NOT NULL,
  follow_ups           INTEGER NOT NULL,
  reason               TEXT NOT NULL,
  merged_at            INTEGER NOT NULL
);
CREATE INDEX customer_merges_customer ON customer_merges(customer_id);
${body("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)", (expr) => `group_concat(${expr}, ', ')`)}
`;

export const identityKeysPostgres = /* sql */ `
ALTER TABLE users ADD COLUMN deactivated_reason text;
ALTER TABLE customer_identities ADD COLUMN value_key text NOT NULL DEFAULT '';
DROP INDEX users_email_caseless;
DROP TRIGGER identities_search ON customer_identities;
CREATE TRIGGER identities_search AFTER INSERT OR UPDATE OF customer_id, kind, value OR DELETE ON customer_identities
  FOR EACH ROW EXECUTE FUNCTION identities_search_changed();
CREATE TABLE customer_merges (
  id                   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  customer_id          bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  merged_customer_id   bigint NOT NULL,
  merged_display_name  text NOT NULL,
  merged_created_at    bigint NOT NULL,
  merged_identities    text NOT NULL,
  conversations        bigint NOT NULL,
  follow_ups           bigint NOT NULL,
  reason               text NOT NULL,
  merged_at            bigint NOT NULL
);
CREATE INDEX customer_merges_customer ON customer_merges(customer_id);
${body('CAST(extract(epoch FROM now()) * 1000 AS bigint)', (expr) => `string_agg(${expr}, ', ' ORDER BY i.id)`)}
`;
