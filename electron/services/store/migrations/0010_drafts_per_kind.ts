/**
 * A reply and an internal note keep separate drafts: one per conversation, person and kind, so
 * switching between them never carries text across and sending one never touches the other. A
 * draft saved before keeps the kind it was last saved as (a draft last written as a note stays a
 * note: nothing typed as a note may become customer-facing unannounced).
 *
 * A coach prompt the agent put into the reply draft remembers when (inserted_at); its outcome is
 * settled by the reply that reaches the customer (used word for word, edited, or not used).
 */
export const draftsPerKind = /* sql */ `
CREATE TABLE drafts_per_kind (
  conversation_id      INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  user_id              INTEGER NOT NULL DEFAULT 0,
  kind                 TEXT NOT NULL CHECK (kind IN ('reply', 'note')),
  body                 TEXT NOT NULL,
  updated_at           INTEGER NOT NULL,
  snapshot_event_id    INTEGER,
  snapshot_edits       INTEGER NOT NULL DEFAULT 0,
  snapshot_edit_chars  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (conversation_id, user_id, kind)
);
INSERT INTO drafts_per_kind (conversation_id, user_id, kind, body, updated_at, snapshot_event_id, snapshot_edits, snapshot_edit_chars)
  SELECT conversation_id, user_id, kind, body, updated_at, snapshot_event_id, snapshot_edits, snapshot_edit_chars FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_per_kind RENAME TO drafts;

ALTER TABLE coach_prompts ADD COLUMN inserted_at INTEGER;
`;
