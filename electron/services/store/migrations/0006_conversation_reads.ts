/** When each user last read each conversation, so what a customer wrote since shows as unread. */
export const conversationReads = /* sql */ `
CREATE TABLE conversation_reads (
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  user_id          INTEGER NOT NULL DEFAULT 0,
  read_at          INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
);
`;
