/**
 * Events too large for one PostgreSQL notification (its payload stops short of 8,000 bytes): the
 * server process that raised one stores it here and notifies its id; the others read it from here.
 * Rows are swept once every process has had ample time to read them. (On SQLite, one process and
 * no notifications: the table stays empty.)
 */
export const teamEvents = /* sql */ `
CREATE TABLE team_events (
  id          INTEGER PRIMARY KEY,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX team_events_created ON team_events(created_at);
`;

/** The same on PostgreSQL (its own column types). */
export const teamEventsPostgres = teamEvents
  .replace('id          INTEGER PRIMARY KEY', 'id          bigserial PRIMARY KEY')
  .replace('body        TEXT NOT NULL', 'body        text NOT NULL')
  .replace('created_at  INTEGER NOT NULL', 'created_at  bigint NOT NULL');
