import type Database from 'better-sqlite3';
import type { EkmanEmotion, MessageReading, Reading, SentimentClass } from '../../../../shared/contract/analysis';
import { forConsole, round3, toReading, type AnalysisRow, type NewAnalysis } from '../kysely/analyses';

export type { NewAnalysis };

type Details = Pick<Reading, 'sentimentClass' | 'dominant' | 'labels' | 'words' | 'windows' | 'truncated'>;

interface TrackRow {
  message_id: number;
  sent_at: number;
  analyzer: Reading['analyzer'];
  sentiment: number;
  emotion: EkmanEmotion | null;
  sentiment_class: SentimentClass | null;
  words: number | null;
}

const COLUMNS = 'a.message_id, a.analyzer, a.model_id, a.model_version, a.sentiment, a.emotions, a.details, a.latency_ms, a.created_at';

/** Readings of messages and drafts, with the model that made them and how long it took. */
export function createAnalysesRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO analyses (message_id, draft_id, text_hash, analyzer, model_id, model_version, sentiment, emotions, details, latency_ms, created_at)
     VALUES (@messageId, @draftId, @textHash, @analyzer, @modelId, @modelVersion, @sentiment, @emotions, @details, @latencyMs, @createdAt)`,
  );
  const latestOfMessage = db.prepare<[number], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses a WHERE a.message_id = ? ORDER BY a.id DESC LIMIT 1`,
  );
  const ofConversation = db.prepare<[number], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ? ORDER BY a.id`,
  );
  const ofMessages = db.prepare<[string], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses a WHERE a.message_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
  );
  const trackOfConversation = db.prepare<[number], TrackRow>(
    `SELECT m.id AS message_id, m.sent_at, a.analyzer, a.sentiment,
            json_extract(a.details, '$.dominant.emotion') AS emotion,
            json_extract(a.details, '$.sentimentClass') AS sentiment_class,
            json_extract(a.details, '$.words') AS words
     FROM messages m JOIN analyses a ON a.message_id = m.id
     WHERE m.conversation_id = ? AND m.author = 'customer'
     ORDER BY m.sent_at, m.id, a.id`,
  );
  const cached = db.prepare<[string, string, string | null], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses a WHERE a.text_hash = ? AND a.model_id = ? AND a.model_version IS ? ORDER BY a.id DESC LIMIT 1`,
  );
  const unread = db.prepare<[string, string | null, number], { id: number }>(
    `SELECT m.id FROM messages m
     WHERE m.author IN ('customer', 'agent')
       AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.message_id = m.id AND a.model_id = ? AND a.model_version IS ?)
     ORDER BY m.sent_at DESC, m.id DESC LIMIT ?`,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM analyses');

  return {
    insert(analysis: NewAnalysis): number {
      const { reading } = analysis;
      return Number(
        insert.run({
          messageId: analysis.messageId,
          draftId: analysis.draftId,
          textHash: analysis.textHash,
          analyzer: reading.analyzer,
          modelId: reading.modelId,
          modelVersion: reading.modelVersion,
          sentiment: reading.sentiment,
          emotions: JSON.stringify(reading.emotions),
          details: JSON.stringify({
            sentimentClass: reading.sentimentClass,
            dominant: reading.dominant,
            labels: reading.labels,
            words: reading.words,
            windows: reading.windows,
            truncated: reading.truncated,
          } satisfies Details),
          latencyMs: analysis.latencyMs,
          createdAt: analysis.createdAt,
        }).lastInsertRowid,
      );
    },
    latestForMessage(messageId: number): (MessageReading & Pick<Reading, 'labels'>) | null {
      const row = latestOfMessage.get(messageId);
      return row ? toReading(row) : null;
    },
    /**
     * The newest reading of each message in a conversation, as the console shows it: without the
     * models' raw labels and with figures rounded to three places (a long thread stays small).
     */
    latestForConversation(conversationId: number): Map<number, MessageReading> {
      const latest = new Map<number, MessageReading>();
      for (const row of ofConversation.all(conversationId)) latest.set(row.message_id!, forConsole(row));
      return latest;
    },
    /** The newest reading of each of these messages, as the console shows it. */
    latestForMessages(messageIds: readonly number[]): Map<number, MessageReading> {
      const latest = new Map<number, MessageReading>();
      if (messageIds.length === 0) return latest;
      for (const row of ofMessages.all(JSON.stringify(messageIds))) latest.set(row.message_id!, forConsole(row));
      return latest;
    },
    /**
     * The customer's feeling through a conversation: the newest reading of each customer message
     * that had words to read, oldest first — only the figures a chart needs, so thousands stay cheap.
     */
    trackOfConversation(conversationId: number): { messageId: number; sentAt: number; analyzer: Reading['analyzer']; sentiment: number; emotion: EkmanEmotion | null; sentimentClass: SentimentClass }[] {
      const latest = new Map<number, TrackRow>();
      for (const row of trackOfConversation.all(conversationId)) latest.set(row.message_id, row);
      return [...latest.values()]
        .filter((row) => (row.words ?? 1) > 0)
        .map((row) => ({
          messageId: row.message_id,
          sentAt: row.sent_at,
          analyzer: row.analyzer,
          sentiment: round3(row.sentiment),
          emotion: row.emotion,
          sentimentClass: row.sentiment_class ?? (row.sentiment > 0.05 ? 'positive' : row.sentiment < -0.05 ? 'negative' : 'neutral'),
        }));
    },
    /** An earlier reading of the same text by the same model and version, if there is one. */
    findCached(textHash: string, modelId: string, modelVersion: string | null): (MessageReading & Pick<Reading, 'labels'>) | null {
      const row = cached.get(textHash, modelId, modelVersion);
      return row ? toReading(row) : null;
    },
    /** Customer and agent messages not yet read by this model, newest first. */
    unreadMessageIds(modelId: string, modelVersion: string | null, limit = 1_000_000): number[] {
      return unread.all(modelId, modelVersion, limit).map((row) => row.id);
    },
    count(): number {
      return countAll.get()!.n;
    },
  };
}

export type AnalysesRepository = ReturnType<typeof createAnalysesRepository>;
