/**
 * What the queue sorts and filters by, kept on the conversation so a list of 100,000 stays fast:
 * since when the customer has been waiting for an answer, their last message, and how it read.
 */
export const queueState = /* sql */ `
ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
ALTER TABLE conversations ADD COLUMN last_customer_message_id INTEGER;
ALTER TABLE conversations ADD COLUMN mood_sentiment REAL;
ALTER TABLE conversations ADD COLUMN mood_emotion TEXT;
ALTER TABLE conversations ADD COLUMN mood_analyzer TEXT;

UPDATE conversations SET last_customer_message_id = (
  SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id AND m.author = 'customer' ORDER BY m.sent_at DESC, m.id DESC LIMIT 1
);
UPDATE conversations SET waiting_since = (
  SELECT min(m.sent_at) FROM messages m
  WHERE m.conversation_id = conversations.id AND m.author = 'customer'
    AND m.sent_at > coalesce((SELECT max(a.sent_at) FROM messages a WHERE a.conversation_id = conversations.id AND a.author = 'agent'), -1)
);
UPDATE conversations SET
  mood_sentiment = (SELECT a.sentiment FROM analyses a WHERE a.message_id = conversations.last_customer_message_id ORDER BY a.id DESC LIMIT 1),
  mood_emotion = (SELECT json_extract(a.details, '$.dominant.emotion') FROM analyses a WHERE a.message_id = conversations.last_customer_message_id ORDER BY a.id DESC LIMIT 1),
  mood_analyzer = (SELECT a.analyzer FROM analyses a WHERE a.message_id = conversations.last_customer_message_id ORDER BY a.id DESC LIMIT 1);

CREATE INDEX conversations_last_customer_message ON conversations(last_customer_message_id);
CREATE INDEX conversations_waiting ON conversations(status, waiting_since);
CREATE INDEX conversations_mood ON conversations(status, mood_sentiment);
`;
