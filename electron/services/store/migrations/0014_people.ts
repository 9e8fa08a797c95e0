/**
 * People who sign in to a team server: the admin role, e-mail unique whatever its case, accounts
 * that can be deactivated, password hashes, sessions (only a hash of each token is kept), one-time
 * links (the first admin's setup, invitations) and failed sign-ins for rate limiting.
 *
 * SQLite cannot change a CHECK constraint or a column's collation in place, so users is rebuilt the
 * way SQLite's documentation says (a new table, copy, drop, rename) with foreign keys off for the
 * migration (rebuildsTables in index.ts): rows that reference users (conversations, messages, …)
 * keep pointing at "users" by name and find the same ids; the migration checks every reference
 * before it commits.
 */
export const people = /* sql */ `
CREATE TABLE users_with_people (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  role            TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'executive', 'admin')),
  created_at      INTEGER NOT NULL,
  deactivated_at  INTEGER
);
INSERT INTO users_with_people (id, name, email, role, created_at) SELECT id, name, email, role, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_with_people RENAME TO users;

CREATE TABLE credentials (
  user_id        INTEGER PRIMARY KEY REFERENCES users(id),
  password_hash  TEXT NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE sign_in_sessions (
  id            TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  ended_at      INTEGER,
  end_reason    TEXT,
  address       TEXT,
  user_agent    TEXT
);
CREATE INDEX sign_in_sessions_user ON sign_in_sessions(user_id) WHERE ended_at IS NULL;

CREATE TABLE one_time_links (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('setup', 'invite')),
  token_hash   TEXT NOT NULL UNIQUE,
  email        TEXT COLLATE NOCASE,
  name         TEXT,
  role         TEXT CHECK (role IS NULL OR role IN ('agent', 'supervisor', 'executive', 'admin')),
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  used_at      INTEGER,
  used_by      INTEGER REFERENCES users(id),
  revoked_at   INTEGER
);
CREATE INDEX one_time_links_open ON one_time_links(kind, expires_at) WHERE used_at IS NULL AND revoked_at IS NULL;

CREATE TABLE sign_in_failures (
  id     INTEGER PRIMARY KEY,
  scope  TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  key    TEXT NOT NULL,
  at     INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(scope, key, at);
`;
