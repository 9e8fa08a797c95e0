/**
 * Search finds what an agent types wherever it is: the words of messages in any of their forms
 * ("refunds" finds "refunded": the porter stemmer over unicode61, diacritics still folded), the
 * emoji in them (unicode61 takes emoji for separators, so they have an index of their own that
 * keeps only symbols), and each conversation by its subject, its customer's name, e-mail
 * addresses and phone numbers.
 *
 * A phone number is indexed as its digits and every ending of them of six digits or more, so
 * "+44 7700 900123", "07700900123" and "900123" all find "+44 7700 900123" (see searchQuery.ts).
 *
 * Both message indexes are rebuilt from the messages already stored, and the conversation index
 * from the conversations, inside the migration's one transaction: a crash leaves the old schema.
 */

/** The digits of a phone number as SQL over `value` (the separators people write between them removed). */
const digits = (value: string) =>
  ['+', ' ', '-', '(', ')', '.', '/', '\u00a0'].reduce((expr, sep) => `replace(${expr}, '${sep}', '')`, value);

/** The number's digits, then each shorter ending of at least six digits, space-separated (numbers up to 20 digits). */
const phoneForms = (value: string) => {
  const d = digits(value);
  const endings = Array.from({ length: 14 }, (_, k) => `CASE WHEN length(${d}) - ${k + 1} >= 6 THEN ' ' || substr(${d}, ${k + 2}) ELSE '' END`);
  return [d, ...endings].join(' || ');
};

/** What the conversation index holds for each conversation, by column. */
const conversationSearchText = /* sql */ `
CREATE VIEW conversation_search_text AS
SELECT c.id,
       coalesce(c.subject, '') AS subject,
       cu.display_name AS customer,
       coalesce((SELECT group_concat(i.value, ' ') FROM customer_identities i WHERE i.customer_id = c.customer_id AND i.kind <> 'phone'), '') AS handles,
       coalesce((SELECT group_concat(${phoneForms('i.value')}, ' ') FROM customer_identities i WHERE i.customer_id = c.customer_id AND i.kind = 'phone'), '') AS phones
FROM conversations c
JOIN customers cu ON cu.id = c.customer_id;
`;

/** (Migration 17 remakes a trigger with it.) */
export const reindexCustomer = (customerId: string) => /* sql */ `
  DELETE FROM conversations_fts WHERE rowid IN (SELECT id FROM conversations WHERE customer_id = ${customerId});
  INSERT INTO conversations_fts(rowid, subject, customer, handles, phones)
    SELECT t.id, t.subject, t.customer, t.handles, t.phones FROM conversation_search_text t
    JOIN conversations c ON c.id = t.id WHERE c.customer_id = ${customerId};`;

export const searchEverywhere = /* sql */ `
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;

CREATE VIRTUAL TABLE messages_fts USING fts5(
  body,
  content = 'messages',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- only symbols (emoji and their skin tones) are words here; detail=none: a word-level index is enough
CREATE VIRTUAL TABLE messages_emoji USING fts5(
  body,
  content = 'messages',
  content_rowid = 'id',
  detail = none,
  tokenize = "unicode61 categories 'So Sk'"
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
  INSERT INTO messages_emoji(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO messages_emoji(messages_emoji, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO messages_emoji(messages_emoji, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
  INSERT INTO messages_emoji(rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
INSERT INTO messages_emoji(messages_emoji) VALUES ('rebuild');
-- a match's conversation, read from a small index instead of each message's row (body and all)
CREATE INDEX messages_conversation_of ON messages(id, conversation_id);

${conversationSearchText}
CREATE VIRTUAL TABLE conversations_fts USING fts5(
  subject, customer, handles, phones,
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO conversations_fts(rowid, subject, customer, handles, phones)
    SELECT id, subject, customer, handles, phones FROM conversation_search_text WHERE id = new.id;
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF subject, customer_id ON conversations BEGIN
  DELETE FROM conversations_fts WHERE rowid = old.id;
  INSERT INTO conversations_fts(rowid, subject, customer, handles, phones)
    SELECT id, subject, customer, handles, phones FROM conversation_search_text WHERE id = new.id;
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
  DELETE FROM conversations_fts WHERE rowid = old.id;
END;
CREATE TRIGGER conversations_fts_customer_name AFTER UPDATE OF display_name ON customers BEGIN
  ${reindexCustomer('new.id')}
END;
CREATE TRIGGER conversations_fts_identity_insert AFTER INSERT ON customer_identities BEGIN
  ${reindexCustomer('new.customer_id')}
END;
CREATE TRIGGER conversations_fts_identity_delete AFTER DELETE ON customer_identities BEGIN
  ${reindexCustomer('old.customer_id')}
END;
CREATE TRIGGER conversations_fts_identity_update AFTER UPDATE ON customer_identities BEGIN
  ${reindexCustomer('old.customer_id')}
  ${reindexCustomer('new.customer_id')}
END;
INSERT INTO conversations_fts(rowid, subject, customer, handles, phones)
  SELECT id, subject, customer, handles, phones FROM conversation_search_text;
`;
