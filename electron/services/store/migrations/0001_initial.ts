/** The first schema: the nouns of the design notes. */
export const initialSchema = /* sql */ `
CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'executive')),
  created_at  INTEGER NOT NULL
);

CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  display_name  TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE customer_identities (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('email', 'chat', 'phone', 'social')),
  value        TEXT NOT NULL,
  UNIQUE (kind, value)
);
CREATE INDEX customer_identities_customer ON customer_identities(customer_id);

CREATE TABLE conversations (
  id               INTEGER PRIMARY KEY,
  customer_id      INTEGER NOT NULL REFERENCES customers(id),
  channel          TEXT NOT NULL CHECK (channel IN ('chat', 'email', 'voice')),
  status           TEXT NOT NULL CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
  subject          TEXT,
  queue            TEXT NOT NULL DEFAULT 'general',
  assignee_id      INTEGER REFERENCES users(id),
  external_ref     TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  last_message_id  INTEGER,
  last_message_at  INTEGER,
  message_count    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (channel, external_ref)
);
CREATE INDEX conversations_recent ON conversations(last_message_at DESC, id DESC);
CREATE INDEX conversations_customer ON conversations(customer_id, last_message_at DESC);
CREATE INDEX conversations_channel_recent ON conversations(channel, last_message_at DESC);
CREATE INDEX conversations_status_recent ON conversations(status, last_message_at DESC);

CREATE TABLE messages (
  id               INTEGER PRIMARY KEY,
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  author           TEXT NOT NULL CHECK (author IN ('customer', 'agent', 'system', 'note')),
  author_name      TEXT,
  author_user_id   INTEGER REFERENCES users(id),
  body             TEXT NOT NULL,
  sent_at          INTEGER NOT NULL,
  external_id      TEXT,
  dedupe_key       TEXT NOT NULL UNIQUE,
  meta             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
  created_at       INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, sent_at, id);
-- e-mail threading: find the message a reply refers to by its Message-ID
CREATE INDEX messages_email_id ON messages(json_extract(meta, '$.messageId'))
  WHERE json_extract(meta, '$.messageId') IS NOT NULL;

CREATE VIRTUAL TABLE messages_fts USING fts5(
  body,
  content = 'messages',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body);
END;

-- one reading of a message or of a draft by one analyzer
CREATE TABLE analyses (
  id             INTEGER PRIMARY KEY,
  message_id     INTEGER REFERENCES messages(id) ON DELETE CASCADE,
  draft_id       TEXT,
  text_hash      TEXT NOT NULL,
  analyzer       TEXT NOT NULL CHECK (analyzer IN ('model', 'lexicon')),
  model_id       TEXT NOT NULL,
  model_version  TEXT,
  sentiment      REAL NOT NULL CHECK (sentiment BETWEEN -1 AND 1),
  emotions       TEXT NOT NULL CHECK (json_valid(emotions)),
  latency_ms     REAL NOT NULL CHECK (latency_ms >= 0),
  created_at     INTEGER NOT NULL,
  CHECK (message_id IS NOT NULL OR draft_id IS NOT NULL)
);
CREATE INDEX analyses_message ON analyses(message_id, created_at DESC);
CREATE INDEX analyses_cache ON analyses(text_hash, model_id);

-- what the coach suggested, why, and what the agent did with it
CREATE TABLE coach_prompts (
  id               INTEGER PRIMARY KEY,
  conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  message_id       INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  user_id          INTEGER REFERENCES users(id),
  kind             TEXT NOT NULL,
  text             TEXT NOT NULL,
  reason           TEXT NOT NULL,
  shown_at         INTEGER NOT NULL,
  outcome          TEXT CHECK (outcome IN ('inserted', 'edited', 'dismissed', 'ignored')),
  outcome_at       INTEGER,
  CHECK ((outcome IS NULL) = (outcome_at IS NULL))
);
CREATE INDEX coach_prompts_conversation ON coach_prompts(conversation_id, shown_at);

-- a promise to a customer, with a due time
CREATE TABLE follow_ups (
  id               INTEGER PRIMARY KEY,
  customer_id      INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  conversation_id  INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
  message_id       INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  created_by       INTEGER REFERENCES users(id),
  description      TEXT NOT NULL,
  due_at           INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_at       INTEGER NOT NULL,
  closed_at        INTEGER
);
CREATE INDEX follow_ups_customer ON follow_ups(customer_id, status, due_at);
CREATE INDEX follow_ups_due ON follow_ups(status, due_at);

-- the append-only session event log from which replays are rebuilt
CREATE TABLE session_events (
  id               INTEGER PRIMARY KEY,
  at               INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  conversation_id  INTEGER REFERENCES conversations(id),
  message_id       INTEGER REFERENCES messages(id),
  user_id          INTEGER REFERENCES users(id),
  payload          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
);
CREATE INDEX session_events_conversation ON session_events(conversation_id, at, id);
CREATE TRIGGER session_events_no_update BEFORE UPDATE ON session_events BEGIN
  SELECT RAISE(ABORT, 'session_events is append-only');
END;
CREATE TRIGGER session_events_no_delete BEFORE DELETE ON session_events BEGIN
  SELECT RAISE(ABORT, 'session_events is append-only');
END;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL CHECK (json_valid(value))
);
`;
