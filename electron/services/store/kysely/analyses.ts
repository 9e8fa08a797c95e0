import type { AnalyzerKind, EkmanEmotion, MessageReading, Reading, SentimentClass } from '../../../../shared/contract/analysis';
import type { StoreContext } from '../storeContext';

export interface NewAnalysis {
  messageId: number | null;
  draftId: string | null;
  textHash: string;
  reading: Reading;
  latencyMs: number;
  createdAt: number;
}

export interface AnalysisRow {
  message_id: number | null;
  analyzer: string;
  model_id: string;
  model_version: string | null;
  sentiment: number;
  emotions: string;
  details: string;
  latency_ms: number;
  created_at: number;
}

type Details = Pick<Reading, 'sentimentClass' | 'dominant' | 'labels' | 'words' | 'windows' | 'truncated'>;

const classOf = (sentiment: number): SentimentClass => (sentiment > 0.05 ? 'positive' : sentiment < -0.05 ? 'negative' : 'neutral');

export function toReading(row: AnalysisRow): MessageReading & Pick<Reading, 'labels'> {
  const details = JSON.parse(row.details) as Partial<Details>;
  return {
    analyzer: row.analyzer as AnalyzerKind,
    modelId: row.model_id,
    modelVersion: row.model_version,
    sentiment: row.sentiment,
    sentimentClass: details.sentimentClass ?? classOf(row.sentiment),
    emotions: JSON.parse(row.emotions) as Reading['emotions'],
    dominant: details.dominant ?? null,
    labels: details.labels ?? {},
    words: details.words ?? 0,
    windows: details.windows ?? 0,
    truncated: details.truncated ?? false,
    latencyMs: row.latency_ms,
    analysedAt: row.created_at,
  };
}

export const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** How a reading travels to the console: without the models' raw labels, figures rounded to three places. */
export function forConsole(row: AnalysisRow): MessageReading {
  const { labels: _labels, ...reading } = toReading(row);
  return {
    ...reading,
    sentiment: round3(reading.sentiment),
    emotions: Object.fromEntries(Object.entries(reading.emotions).map(([emotion, share]) => [emotion, round3(share)])),
    dominant: reading.dominant ? { emotion: reading.dominant.emotion, score: round3(reading.dominant.score) } : null,
  };
}

const COLUMNS = ['a.message_id', 'a.analyzer', 'a.model_id', 'a.model_version', 'a.sentiment', 'a.emotions', 'a.details', 'a.latency_ms', 'a.created_at'] as const;

/** Readings of messages and drafts, with the model that made them and how long it took. */
export function createAnalysesRepository(ctx: StoreContext) {
  const readings = () => ctx.db().selectFrom('analyses as a').select(COLUMNS);
  return {
    async insert(analysis: NewAnalysis): Promise<number> {
      const { reading } = analysis;
      const row = await ctx.db().insertInto('analyses').values({
        message_id: analysis.messageId,
        draft_id: analysis.draftId,
        text_hash: analysis.textHash,
        analyzer: reading.analyzer,
        model_id: reading.modelId,
        model_version: reading.modelVersion,
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
        latency_ms: analysis.latencyMs,
        created_at: analysis.createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async latestForMessage(messageId: number): Promise<(MessageReading & Pick<Reading, 'labels'>) | null> {
      const row = await readings().where('a.message_id', '=', messageId).orderBy('a.id', 'desc').limit(1).executeTakeFirst();
      return row ? toReading(row) : null;
    },
    /**
     * The newest reading of each message in a conversation, as the console shows it: without the
     * models' raw labels and with figures rounded to three places (a long thread stays small).
     */
    async latestForConversation(conversationId: number): Promise<Map<number, MessageReading>> {
      const rows = await readings().innerJoin('messages as m', 'm.id', 'a.message_id').where('m.conversation_id', '=', conversationId).orderBy('a.id').execute();
      const latest = new Map<number, MessageReading>();
      for (const row of rows) latest.set(row.message_id!, forConsole(row));
      return latest;
    },
    /** The newest reading of each of these messages, as the console shows it. */
    async latestForMessages(messageIds: readonly number[]): Promise<Map<number, MessageReading>> {
      const latest = new Map<number, MessageReading>();
      if (messageIds.length === 0) return latest;
      for (const row of await readings().where('a.message_id', 'in', [...messageIds]).orderBy('a.id').execute()) latest.set(row.message_id!, forConsole(row));
      return latest;
    },
    /**
     * The customer's feeling through a conversation: the newest reading of each customer message
     * that had words to read, oldest first — only the figures a chart needs, so thousands stay cheap.
     */
    async trackOfConversation(conversationId: number): Promise<{ messageId: number; sentAt: number; analyzer: Reading['analyzer']; sentiment: number; emotion: EkmanEmotion | null; sentimentClass: SentimentClass }[]> {
      const rows = await ctx.db().selectFrom('messages as m').innerJoin('analyses as a', 'a.message_id', 'm.id')
        .select(['m.id as message_id', 'm.sent_at', 'a.analyzer', 'a.sentiment'])
        .select((eb) => [
          ctx.sql.jsonText(eb.ref('a.details'), 'dominant.emotion').as('emotion'),
          ctx.sql.jsonText(eb.ref('a.details'), 'sentimentClass').as('sentiment_class'),
          ctx.sql.jsonText(eb.ref('a.details'), 'words').as('words'),
        ])
        .where('m.conversation_id', '=', conversationId).where('m.author', '=', 'customer')
        .orderBy('m.sent_at').orderBy('m.id').orderBy('a.id').execute();
      const latest = new Map<number, (typeof rows)[number]>();
      for (const row of rows) latest.set(row.message_id, row);
      return [...latest.values()]
        .filter((row) => (row.words === null ? 1 : Number(row.words)) > 0)
        .map((row) => ({
          messageId: row.message_id,
          sentAt: row.sent_at,
          analyzer: row.analyzer as AnalyzerKind,
          sentiment: round3(row.sentiment),
          emotion: row.emotion as EkmanEmotion | null,
          sentimentClass: (row.sentiment_class as SentimentClass | null) ?? classOf(row.sentiment),
        }));
    },
    /** An earlier reading of the same text by the same model and version, if there is one. */
    async findCached(textHash: string, modelId: string, modelVersion: string | null): Promise<(MessageReading & Pick<Reading, 'labels'>) | null> {
      const row = await readings().where('a.text_hash', '=', textHash).where('a.model_id', '=', modelId).where('a.model_version', 'is not distinct from', modelVersion)
        .orderBy('a.id', 'desc').limit(1).executeTakeFirst();
      return row ? toReading(row) : null;
    },
    /** Customer and agent messages not yet read by this model, newest first. */
    async unreadMessageIds(modelId: string, modelVersion: string | null, limit = 1_000_000): Promise<number[]> {
      const rows = await ctx.db().selectFrom('messages as m').select('m.id').where('m.author', 'in', ['customer', 'agent'])
        .where((eb) => eb.not(eb.exists(eb.selectFrom('analyses as a').select('a.id').whereRef('a.message_id', '=', 'm.id')
          .where('a.model_id', '=', modelId).where('a.model_version', 'is not distinct from', modelVersion))))
        .orderBy('m.sent_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
      return rows.map((row) => row.id);
    },
    async count(): Promise<number> {
      return Number((await ctx.db().selectFrom('analyses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
  };
}

export type AnalysesRepository = ReturnType<typeof createAnalysesRepository>;
