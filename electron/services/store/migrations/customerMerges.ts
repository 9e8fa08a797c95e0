/**
 * Customers who are one person once their identities are compared by key (customer_identities.value_key):
 * the same in migration 17 (e-mail addresses folded) and 24 (phone numbers in E.164), on both stores.
 *
 * Reads the temporary table identity_keys (id, key: every identity's key, computed in JavaScript by
 * the migration's prepare step) and drops it; expects no unique index on (kind, value_key) and makes
 * it. Customers that then share an identity — directly or through a chain of them — become the
 * oldest of them: conversations, follow-ups, identities and earlier merges move to it (one identity
 * per key, its own first), its connection index is computed again from the joined history, and each
 * merge is recorded in customer_merges (who, their name and identities, what moved, `reason`, when).
 * `now` is the dialect's time in ms, `list` its string aggregate.
 */
export const rekeyAndMergeCustomers = (now: string, list: (expr: string) => string, reason: string) => /* sql */ `
UPDATE customer_identities SET value_key = (SELECT k.key FROM identity_keys k WHERE k.id = customer_identities.id);
DROP TABLE identity_keys;
-- identities are matched by key below: without an index on it, SQLite matches each against every other
-- of its kind (63,000 identities: 11.7 minutes). The unique index replaces it once duplicates are gone.
CREATE INDEX customer_identities_matching ON customer_identities(kind, value_key);

-- customers who share an identity, and for each the one they become (the oldest reachable through shared identities)
CREATE TEMP TABLE identity_links AS
  SELECT DISTINCT i.customer_id AS from_id, j.customer_id AS to_id FROM customer_identities i
  JOIN customer_identities j ON j.kind = i.kind AND j.value_key = i.value_key AND j.customer_id <> i.customer_id;
CREATE TEMP TABLE customer_merge_plan AS
  WITH RECURSIVE reach (customer_id, other) AS (
    SELECT from_id, from_id FROM identity_links
    UNION
    SELECT r.customer_id, l.to_id FROM reach r JOIN identity_links l ON l.from_id = r.other
  )
  SELECT m.customer_id AS merged_id,
         (SELECT c.id FROM reach o JOIN customers c ON c.id = o.other WHERE o.customer_id = m.customer_id ORDER BY c.created_at, c.id LIMIT 1) AS survivor_id
  FROM (SELECT DISTINCT customer_id FROM reach) m;
DELETE FROM customer_merge_plan WHERE merged_id = survivor_id;

INSERT INTO customer_merges (customer_id, merged_customer_id, merged_display_name, merged_created_at, merged_identities, conversations, follow_ups, reason, merged_at)
  SELECT p.survivor_id, p.merged_id, c.display_name, c.created_at,
         coalesce((SELECT ${list("i.kind || ' ' || i.value")} FROM customer_identities i WHERE i.customer_id = p.merged_id), ''),
         (SELECT count(*) FROM conversations v WHERE v.customer_id = p.merged_id),
         (SELECT count(*) FROM follow_ups f WHERE f.customer_id = p.merged_id),
         '${reason.replaceAll("'", "''")}',
         ${now}
  FROM customer_merge_plan p JOIN customers c ON c.id = p.merged_id;

UPDATE conversations SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = conversations.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
UPDATE follow_ups SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = follow_ups.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
-- merges recorded on a customer joining another follow them (their table cascades a deleted customer's away)
UPDATE customer_merges SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = customer_merges.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
-- one identity per key for each customer, theirs before those of the customers joining them
DELETE FROM customer_identities WHERE id IN (
  SELECT id FROM (
    SELECT i.id, row_number() OVER (PARTITION BY coalesce(p.survivor_id, i.customer_id), i.kind, i.value_key ORDER BY (p.merged_id IS NULL) DESC, i.id) AS n
    FROM customer_identities i LEFT JOIN customer_merge_plan p ON p.merged_id = i.customer_id
  ) ranked WHERE n > 1
);
UPDATE customer_identities SET customer_id = (SELECT p.survivor_id FROM customer_merge_plan p WHERE p.merged_id = customer_identities.customer_id)
  WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan);
-- the index of whoever gained a history is computed again (a customer without one is computed by the next sweep)
DELETE FROM customer_connection WHERE customer_id IN (SELECT merged_id FROM customer_merge_plan UNION SELECT survivor_id FROM customer_merge_plan);
DELETE FROM customers WHERE id IN (SELECT merged_id FROM customer_merge_plan);
DROP TABLE customer_merge_plan;
DROP TABLE identity_links;
DROP INDEX customer_identities_matching;
CREATE UNIQUE INDEX customer_identities_key ON customer_identities(kind, value_key);
`;

/** How each store says the time in ms and joins strings, for rekeyAndMergeCustomers and what surrounds it. */
export const MERGE_DIALECT = {
  sqlite: { now: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)", list: (expr: string) => `group_concat(${expr}, ', ')` },
  postgres: { now: 'CAST(extract(epoch FROM now()) * 1000 AS bigint)', list: (expr: string) => `string_agg(${expr}, ', ' ORDER BY i.id)` },
} as const;
