/**
 * An e-mail address as the store compares it: trimmed, in one Unicode form (NFC) and lower case
 * (every script's, not only ASCII's). Kept beside the address as users.email_key, unique: the same
 * on SQLite and PostgreSQL, whose own case-folding differ (COLLATE NOCASE folds ASCII only;
 * lower() follows the database's locale).
 */
export function emailKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** The name under which SQLite's migrations can call emailKey (registered on the connection that migrates). */
export const EMAIL_KEY_SQL_FUNCTION = 'kinship_email_key';
