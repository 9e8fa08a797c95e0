/**
 * The coach's prompts name the playbook rule that raised them, and an inserted prompt can later be
 * found edited in the reply that was sent. Each customer's emotional-connection index is kept, as
 * last computed, for the Customers page and the queue; the full explanation is computed on demand.
 */
export const coachAndConnection = /* sql */ `
ALTER TABLE coach_prompts ADD COLUMN rule_id TEXT NOT NULL DEFAULT '';
ALTER TABLE coach_prompts ADD COLUMN title TEXT NOT NULL DEFAULT '';
CREATE INDEX coach_prompts_message ON coach_prompts(message_id);

CREATE TABLE customer_connection (
  customer_id      INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  score            REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
  stage            TEXT NOT NULL CHECK (stage IN ('stranger', 'acquaintance', 'friend', 'kin', 'at-risk')),
  movement_30d     REAL NOT NULL,
  risks            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(risks)),
  last_contact_at  INTEGER,
  contacts         INTEGER NOT NULL,
  computed_at      INTEGER NOT NULL
);
CREATE INDEX customer_connection_stage ON customer_connection(stage, score);
CREATE INDEX customer_connection_movement ON customer_connection(movement_30d);
`;
