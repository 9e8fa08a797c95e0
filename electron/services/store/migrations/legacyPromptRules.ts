/**
 * Coach prompts raised before playbook rules (migration 8 gave them rule_id ''), made to fit "once
 * per message and rule": the same prompt raised twice for a message — its kind and its wording — is
 * one (the one the agent acted on is kept, else the first), and each distinct one gets a rule id of
 * its own, 'legacy:<kind>' (and ':<id>' for a second wording of one kind), so none is taken for a
 * duplicate of another. Run by migration 16 before its once-per-message dedupe, and by 17 for
 * workspaces whose 16 ran before this was there.
 */
export const legacyPromptRules = /* sql */ `
DELETE FROM coach_prompts WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY message_id, kind, text ORDER BY (outcome IS NOT NULL) DESC, (inserted_at IS NOT NULL) DESC, id) AS n
    FROM coach_prompts WHERE rule_id = '' AND message_id IS NOT NULL
  ) ranked WHERE n > 1
);
CREATE TEMP TABLE legacy_prompt_rules AS
  SELECT id, CASE WHEN n = 1 THEN 'legacy:' || kind ELSE 'legacy:' || kind || ':' || id END AS rule_id
  FROM (SELECT id, kind, row_number() OVER (PARTITION BY message_id, kind ORDER BY id) AS n FROM coach_prompts WHERE rule_id = '') r;
UPDATE coach_prompts SET rule_id = (SELECT l.rule_id FROM legacy_prompt_rules l WHERE l.id = coach_prompts.id)
  WHERE id IN (SELECT id FROM legacy_prompt_rules);
DROP TABLE legacy_prompt_rules;
`;
