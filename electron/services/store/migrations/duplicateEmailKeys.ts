/**
 * People whose addresses fold to one key (users.email_key) before that key is made unique: which
 * account is kept, and what the others become. The same rank in migrations 15 and 17, on both stores.
 *
 * Kept: the active account, then one that can sign in (it has a password — an invitation never taken
 * up has none), then the oldest, then the first made. The others keep their name, address, work and
 * attribution; their key becomes one no address folds to (it holds capitals, which emailKey never
 * leaves), so signing in with the address opens the kept account.
 */
const ranked = /* sql */ `
  SELECT id, first_value(id) OVER w AS kept, row_number() OVER w AS n FROM users
  WINDOW w AS (PARTITION BY email_key ORDER BY (deactivated_at IS NULL) DESC,
    (EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = users.id)) DESC, created_at, id)`;

/** users.email_key of an account that is not the one kept for its address. */
const unreachableKey = `'#' || id || ' DUPLICATE OF ' || email_key`;

/** Migration 15: only the keys, so the unique index can be made (17 then deactivates and says why). */
export const markDuplicateEmailKeys = /* sql */ `
CREATE TEMP TABLE email_key_duplicates AS SELECT id FROM (${ranked}) r WHERE n > 1;
UPDATE users SET email_key = ${unreachableKey} WHERE id IN (SELECT id FROM email_key_duplicates);
DROP TABLE email_key_duplicates;
`;

/**
 * Migration 17: the accounts not kept are deactivated (their sessions end), with the reason an admin
 * reads beside them, and their keys made unreachable. `now` is the dialect's time in milliseconds.
 */
export const deactivateDuplicateEmailKeys = (now: string) => /* sql */ `
CREATE TEMP TABLE email_key_duplicates AS SELECT id, kept FROM (${ranked}) r WHERE n > 1;
UPDATE sign_in_sessions SET ended_at = ${now}, end_reason = 'deactivated'
  WHERE ended_at IS NULL AND user_id IN (SELECT id FROM email_key_duplicates);
UPDATE users SET
  deactivated_reason = (SELECT 'Deactivated on upgrade: ' || k.name || ' <' || k.email || '> has the same e-mail address (compared whatever its case) and is the account kept.'
                        FROM email_key_duplicates d JOIN users k ON k.id = d.kept WHERE d.id = users.id),
  deactivated_at = coalesce(deactivated_at, ${now}),
  email_key = ${unreachableKey}
WHERE id IN (SELECT id FROM email_key_duplicates);
DROP TABLE email_key_duplicates;
`;
