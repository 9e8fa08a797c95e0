/** A priority the team sets on a conversation (0 low, 1 normal, 2 high, 3 urgent), for the queue's sort. */
export const priority = /* sql */ `
ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3);
CREATE INDEX conversations_priority ON conversations(status, priority DESC, waiting_since);
`;
