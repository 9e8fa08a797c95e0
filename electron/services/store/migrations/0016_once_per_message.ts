import { legacyPromptRules } from './legacyPromptRules';

/**
 * What the database itself now keeps to once per message, so two readings of a message (or two
 * server processes on one PostgreSQL) cannot do it twice:
 * - a coach prompt is raised once per message and rule (coach_prompts_message_rule); of any
 *   duplicates already stored the one the agent acted on (else the first) is kept. Prompts from
 *   before rules (rule_id '') are told apart by kind and wording first (legacyPromptRules.ts, added
 *   after 16 shipped: as first shipped, every such prompt of a message but one was deleted);
 * - a message is read once per model and version (analyses_message_model); of duplicates the newest
 *   reading is kept (it is the one every query already answered with);
 * - the backlog is shared out through claims: a process claims the messages it is about to read
 *   until a time (a lease), and a process that dies leaves claims that expire and are taken again.
 */
export const oncePerMessage = /* sql */ `
${legacyPromptRules}
DELETE FROM coach_prompts WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY message_id, rule_id ORDER BY (outcome IS NOT NULL) DESC, (inserted_at IS NOT NULL) DESC, id) AS n
    FROM coach_prompts WHERE message_id IS NOT NULL
  ) ranked WHERE n > 1
);
CREATE UNIQUE INDEX coach_prompts_message_rule ON coach_prompts(message_id, rule_id);

DELETE FROM analyses WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY message_id, model_id, coalesce(model_version, '') ORDER BY id DESC) AS n
    FROM analyses WHERE message_id IS NOT NULL
  ) ranked WHERE n > 1
);
CREATE UNIQUE INDEX analyses_message_model ON analyses(message_id, model_id, coalesce(model_version, '')) WHERE message_id IS NOT NULL;

CREATE TABLE analysis_claims (
  message_id     INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  claimed_by     TEXT NOT NULL,
  claimed_until  INTEGER NOT NULL
);
CREATE INDEX analysis_claims_until ON analysis_claims(claimed_until);
`;

/** The same on PostgreSQL (its own column types). */
export const oncePerMessagePostgres = oncePerMessage
  .replace('message_id     INTEGER PRIMARY KEY', 'message_id     bigint PRIMARY KEY')
  .replace('claimed_by     TEXT NOT NULL', 'claimed_by     text NOT NULL')
  .replace('claimed_until  INTEGER NOT NULL', 'claimed_until  bigint NOT NULL');
