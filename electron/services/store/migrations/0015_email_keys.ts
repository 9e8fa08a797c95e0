/**
 * People's e-mail addresses compared the same way on both stores: users.email_key holds the
 * address folded by emailKey() (trimmed, NFC, lower case in every script), unique. Before it,
 * SQLite's COLLATE NOCASE folded ASCII only, so "Élodie@…" and "élodie@…" were two accounts there
 * and one on PostgreSQL. SQLite fills the column with emailKey itself (registered on the migrating
 * connection, see migrate.ts); PostgreSQL with the same steps in SQL (its lower() is Unicode's
 * under the UTF-8 locale the store requires).
 */
export const emailKeys = /* sql */ `
ALTER TABLE users ADD COLUMN email_key TEXT;
UPDATE users SET email_key = kinship_email_key(email);
CREATE UNIQUE INDEX users_email_key ON users(email_key);
`;

export const emailKeysPostgres = /* sql */ `
ALTER TABLE users ADD COLUMN email_key text;
UPDATE users SET email_key = lower(normalize(btrim(email), NFC));
CREATE UNIQUE INDEX users_email_key ON users (email_key);
`;
