/**
 * People and permissions: a person may be an admin (besides agent, supervisor and executive). The
 * role's check is part of the users table, so the table is rebuilt with the same rows and ids (the
 * migration runs with foreign keys off and checks them before it commits: see migrate.ts).
 */
export const people = /* sql */ `
CREATE TABLE users_with_admins (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'executive', 'admin')),
  created_at  INTEGER NOT NULL
);
INSERT INTO users_with_admins (id, name, email, role, created_at) SELECT id, name, email, role, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_with_admins RENAME TO users;
`;
