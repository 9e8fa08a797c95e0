import type Database from 'better-sqlite3';
import type { IdentityKind } from '../../../../shared/contract/domain';
import { emailKey } from '../emailKey';
import { phoneKey } from '../phoneKey';
import { MERGE_DIALECT, rekeyAndMergeCustomers } from './customerMerges';
import type { MigrationClient } from './migrationClient';

/**
 * Phone numbers compared in E.164 (identityKey → phoneKey): "+44 20 7946 0958" and "+442079460958"
 * were two customers, and are one from now on. Every identity's key is computed again by
 * identityKey in JavaScript (the prepare step, into the temporary table identity_keys; e-mail
 * addresses and handles come out as they were), and customers who then share a number — directly or
 * through a chain of identities — become the oldest of them, as in migration 17 (customerMerges.ts):
 * their conversations, follow-ups, identities and earlier merges move to it, its connection index is
 * computed again, and each merge is recorded in customer_merges with the reason below. A number that
 * cannot be placed (no country code) keeps its key as written.
 */
type IdentityRow = { id: number; kind: string; value: string };

/** The keys as this version compares them, kept here: a later change to identityKey is its own migration, never a different 24. */
const keyAt24 = (kind: IdentityKind, value: string) => (kind === 'email' ? emailKey(value) : kind === 'phone' ? phoneKey(value) : value.trim());

const keysOf = (rows: IdentityRow[]) => rows.map((row) => ({ id: Number(row.id), key: keyAt24(row.kind as IdentityKind, row.value) }));

export function preparePhoneKeys(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE identity_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO identity_keys (id, key) VALUES (?, ?)');
  for (const row of keysOf(db.prepare('SELECT id, kind, value FROM customer_identities').all() as IdentityRow[])) insert.run(row.id, row.key);
}

export async function preparePhoneKeysPostgres(client: MigrationClient): Promise<void> {
  const rows = keysOf((await client.query<IdentityRow>('SELECT id, kind, value FROM customer_identities')).rows);
  await client.query('CREATE TEMP TABLE identity_keys (id bigint PRIMARY KEY, key text NOT NULL)');
  for (let start = 0; start < rows.length; start += 10_000) {
    const chunk = rows.slice(start, start + 10_000);
    await client.query('INSERT INTO identity_keys (id, key) SELECT * FROM unnest($1::bigint[], $2::text[])', [chunk.map((r) => r.id), chunk.map((r) => r.key)]);
  }
}

const REASON = 'They share a phone number once numbers are compared in E.164, however they were written (upgrade to schema 24).';

const body = (dialect: (typeof MERGE_DIALECT)[keyof typeof MERGE_DIALECT]) => /* sql */ `
DROP INDEX customer_identities_key;
${rekeyAndMergeCustomers(dialect.now, dialect.list, REASON)}`;

export const phoneKeys = body(MERGE_DIALECT.sqlite);
export const phoneKeysPostgres = body(MERGE_DIALECT.postgres);
