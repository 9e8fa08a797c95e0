/**
 * Requests a client may send again (after losing the connection) carry an id the client made; each
 * is applied once, and its answer kept for a while so a repeat gets the same answer.
 *
 * Draft snapshots in the session log are edits of the snapshot before them: a draft remembers the
 * last snapshot logged for it and how long the chain of edits since a full snapshot has grown.
 */
export const clientIdsAndDraftDeltas = /* sql */ `
CREATE TABLE applied_requests (
  client_id    TEXT PRIMARY KEY,
  method       TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  result       TEXT NOT NULL,
  applied_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX applied_requests_applied_at ON applied_requests(applied_at);

ALTER TABLE drafts ADD COLUMN snapshot_event_id INTEGER;
ALTER TABLE drafts ADD COLUMN snapshot_edits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE drafts ADD COLUMN snapshot_edit_chars INTEGER NOT NULL DEFAULT 0;
`;
