/**
 * Requests a client may send again (after losing the connection) carry an id the client made; each
 * is applied once, and its answer kept for a while so a repeat gets the same answer.
 */
export const clientIds = /* sql */ `
CREATE TABLE applied_requests (
  client_id    TEXT PRIMARY KEY,
  method       TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  result       TEXT NOT NULL,
  applied_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX applied_requests_applied_at ON applied_requests(applied_at);
`;
