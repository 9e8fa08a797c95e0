import { markDuplicateEmailKeys } from './duplicateEmailKeys';

/**
 * People's e-mail addresses compared the same way on both stores: users.email_key holds the
 * address folded by emailKey() (trimmed, NFC, lower case in every script), unique. Before it,
 * SQLite's COLLATE NOCASE folded ASCII only, so "Élodie@…" and "élodie@…" were two accounts there
 * and one on PostgreSQL. SQLite fills the column with emailKey itself (registered on the migrating
 * connection, see migrate.ts); PostgreSQL with the same steps in SQL (its lower() is Unicode's
 * under the UTF-8 locale the store requires).
 *
 * Amended after it shipped, harmlessly: addresses that fold to one key (on SQLite "ÉDITH@x" and
 * "édith@x", which COLLATE NOCASE let through; on PostgreSQL composed and decomposed accents, or
 * spaces around) made the unique index fail and the upgrade stop. Such accounts now get keys no
 * address folds to, all but one (duplicateEmailKeys.ts); a workspace that ran 15 had none, so it
 * is as 15 left it. Migration 17 folds every key again with emailKey on both stores and deactivates
 * the accounts not kept, saying why.
 */
export const emailKeys = /* sql */ `
ALTER TABLE users ADD COLUMN email_key TEXT;
UPDATE users SET email_key = kinship_email_key(email);
${markDuplicateEmailKeys}
CREATE UNIQUE INDEX users_email_key ON users(email_key);
`;

export const emailKeysPostgres = /* sql */ `
ALTER TABLE users ADD COLUMN email_key text;
UPDATE users SET email_key = lower(normalize(btrim(email), NFC));
${markDuplicateEmailKeys}
CREATE UNIQUE INDEX users_email_key ON users (email_key);
`;
