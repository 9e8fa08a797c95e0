/**
 * The help desk's basics: tags on conversations, snoozing until a time, and what the response-time
 * targets are counted from.
 *
 * - tags: one workspace-wide list, names unique whatever their case; a conversation carries any of them.
 * - snoozed_until: when a snoozed conversation comes back; cleared whenever it leaves 'snoozed'.
 * - first_reply_at: the first agent reply (notes are not replies), so the clock knows whether the
 *   customer is waiting for a first response or for the next one. Kept by a trigger, so every way a
 *   reply is stored keeps it.
 */
export const triage = /* sql */ `
CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  color       TEXT,
  created_at  INTEGER NOT NULL
);

CREATE TABLE conversation_tags (
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  tag_id           INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  added_at         INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX conversation_tags_tag ON conversation_tags(tag_id, conversation_id);

ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER;
CREATE INDEX conversations_snoozed_until ON conversations(snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE TRIGGER conversations_snooze_cleared AFTER UPDATE OF status ON conversations
  WHEN new.status <> 'snoozed' AND new.snoozed_until IS NOT NULL BEGIN
  UPDATE conversations SET snoozed_until = NULL WHERE id = new.id;
END;

ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER;
UPDATE conversations SET first_reply_at = (
  SELECT min(m.sent_at) FROM messages m WHERE m.conversation_id = conversations.id AND m.author = 'agent'
);
CREATE TRIGGER messages_first_reply AFTER INSERT ON messages WHEN new.author = 'agent' BEGIN
  UPDATE conversations SET first_reply_at = min(coalesce(first_reply_at, new.sent_at), new.sent_at)
  WHERE id = new.conversation_id;
END;
`;
