/**
 * PostgreSQL's conversation search rows (conversation_search) are refreshed by triggers through
 * conversation_search_refresh(customer, conversation). Its one statement read
 * `(conversation IS NULL OR c.id = conversation) AND (customer IS NULL OR c.customer_id = customer)`:
 * a SQL function's statement is planned without its arguments' values, and no index answers such
 * a condition, so every new conversation and every new customer identity read the whole
 * conversations table (with customers): ~15 ms a conversation at 100,000 of them, and growing with
 * every one stored. The refresh now picks the conversations by an index (the primary key, or
 * conversations_customer) and writes their rows by id.
 *
 * SQLite's search triggers (migration 11) already name their rows by id: nothing to change there.
 */
export const searchRefreshByIndex = /* sql */ `-- nothing to change on SQLite (see 0022_search_refresh_by_index.ts)`;

export const searchRefreshByIndexPostgres = /* sql */ `
CREATE FUNCTION conversation_search_write(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO conversation_search (conversation_id, words, phones)
  SELECT c.id,
         to_tsvector('kinship', kinship_words(concat_ws(' ', c.subject, cu.display_name,
           (SELECT string_agg(i.value, ' ') FROM customer_identities i WHERE i.customer_id = c.customer_id AND i.kind <> 'phone')))),
         coalesce((SELECT array_to_tsvector(array_agg(DISTINCT f)) FROM customer_identities i, unnest(kinship_phone_forms(i.value)) f
                   WHERE i.customer_id = c.customer_id AND i.kind = 'phone' AND f <> ''), ''::tsvector)
  FROM conversations c JOIN customers cu ON cu.id = c.customer_id
  WHERE c.id = ANY(ids)
  ON CONFLICT (conversation_id) DO UPDATE SET words = excluded.words, phones = excluded.phones;
$$;
CREATE OR REPLACE FUNCTION conversation_search_refresh(customer bigint, conversation bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF conversation IS NOT NULL THEN
    PERFORM conversation_search_write(ARRAY(SELECT id FROM conversations WHERE id = conversation AND (customer IS NULL OR customer_id = customer)));
  ELSIF customer IS NOT NULL THEN
    PERFORM conversation_search_write(ARRAY(SELECT id FROM conversations WHERE customer_id = customer));
  ELSE
    PERFORM conversation_search_write(ARRAY(SELECT id FROM conversations));
  END IF;
END $$;
`;
