import type Database from 'better-sqlite3';
import { emailKey } from '../emailKey';
import type { IdentityKind } from '../../../../shared/contract/domain';
import { reindexCustomer } from './0011_search_everywhere';
import { MERGE_DIALECT, rekeyAndMergeCustomers } from './customerMerges';
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

/**
 * An identity's key as this upgrade computed it when it shipped: e-mail folded, any other handle
 * trimmed (phone numbers as written; 28 brings them to E.164 and merges whom that joins).
 */
const keyAt17 = (kind: IdentityKind, value: string) => (kind === 'email' ? emailKey(value) : value.trim());

interface KeyRow {
  id: number;
  key: string;
}

function keysOf(users: { id: number; email: string }[], identities: { id: number; kind: string; value: string }[]) {
  return {
    users: users.map((u): KeyRow => ({ id: Number(u.id), key: emailKey(u.email) })),
    identities: identities.map((i): KeyRow => ({ id: Number(i.id), key: keyAt17(i.kind as IdentityKind, i.value) })),
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

${rekeyAndMergeCustomers(now, list, 'They share an identity once e-mail addresses are compared whatever their case (upgrade to schema 17).')}`;

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
${body(MERGE_DIALECT.sqlite.now, MERGE_DIALECT.sqlite.list)}
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
${body(MERGE_DIALECT.postgres.now, MERGE_DIALECT.postgres.list)}
`;
