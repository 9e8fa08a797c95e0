import type Database from 'better-sqlite3';

export type AnalyzerKind = 'model' | 'lexicon';

export interface Analysis {
  id: number;
  messageId: number | null;
  draftId: string | null;
  textHash: string;
  analyzer: AnalyzerKind;
  modelId: string;
  modelVersion: string | null;
  /** −1 (very negative) … +1 (very positive). */
  sentiment: number;
  /** Label → probability. */
  emotions: Record<string, number>;
  latencyMs: number;
  createdAt: number;
}

export type NewAnalysis = Omit<Analysis, 'id'>;

interface AnalysisRow {
  id: number;
  message_id: number | null;
  draft_id: string | null;
  text_hash: string;
  analyzer: AnalyzerKind;
  model_id: string;
  model_version: string | null;
  sentiment: number;
  emotions: string;
  latency_ms: number;
  created_at: number;
}

const toAnalysis = (row: AnalysisRow): Analysis => ({
  id: row.id,
  messageId: row.message_id,
  draftId: row.draft_id,
  textHash: row.text_hash,
  analyzer: row.analyzer,
  modelId: row.model_id,
  modelVersion: row.model_version,
  sentiment: row.sentiment,
  emotions: JSON.parse(row.emotions) as Record<string, number>,
  latencyMs: row.latency_ms,
  createdAt: row.created_at,
});

const COLUMNS =
  'id, message_id, draft_id, text_hash, analyzer, model_id, model_version, sentiment, emotions, latency_ms, created_at';

export function createAnalysesRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO analyses (message_id, draft_id, text_hash, analyzer, model_id, model_version, sentiment, emotions, latency_ms, created_at)
     VALUES (@messageId, @draftId, @textHash, @analyzer, @modelId, @modelVersion, @sentiment, @emotions, @latencyMs, @createdAt)`,
  );
  const latestOfMessage = db.prepare<[number], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses WHERE message_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  const cached = db.prepare<[string, string], AnalysisRow>(
    `SELECT ${COLUMNS} FROM analyses WHERE text_hash = ? AND model_id = ? ORDER BY id DESC LIMIT 1`,
  );

  return {
    insert(analysis: NewAnalysis): number {
      return Number(insert.run({ ...analysis, emotions: JSON.stringify(analysis.emotions) }).lastInsertRowid);
    },
    latestForMessage(messageId: number): Analysis | null {
      const row = latestOfMessage.get(messageId);
      return row ? toAnalysis(row) : null;
    },
    /** An earlier reading of the same text by the same model, if there is one. */
    findCached(textHash: string, modelId: string): Analysis | null {
      const row = cached.get(textHash, modelId);
      return row ? toAnalysis(row) : null;
    },
  };
}

export type AnalysesRepository = ReturnType<typeof createAnalysesRepository>;
