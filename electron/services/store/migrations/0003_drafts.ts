/** The agent's unsent reply or note per conversation, saved as they type so nothing is lost. */
export const drafts = /* sql */ `
CREATE TABLE drafts (
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  user_id          INTEGER NOT NULL DEFAULT 0,
  kind             TEXT NOT NULL CHECK (kind IN ('reply', 'note')),
  body             TEXT NOT NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
);
`;
