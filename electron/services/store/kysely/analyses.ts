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

/** What a reading is stored as. */
function toRow(analysis: NewAnalysis) {
  const { reading } = analysis;
  return {
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
  };
}

/** How the store answers a batch of readings, per reading: stored now, read already (that reading stands), or the message is gone. */
export type StoredReading = { kind: 'stored' } | { kind: 'read-already'; reading: MessageReading & Pick<Reading, 'labels'> } | { kind: 'gone' };

/** Readings of messages and drafts, with the model that made them and how long it took. */
export function createAnalysesRepository(ctx: StoreContext) {
  const readings = () => ctx.db().selectFrom('analyses as a').select(COLUMNS);
  /** The newest earlier reading of each of these texts by the same model and version, by text hash, in one query (texts never read are absent). */
  const cachedMany = async (textHashes: readonly string[], modelId: string, modelVersion: string | null): Promise<Map<string, MessageReading & Pick<Reading, 'labels'>>> => {
    const found = new Map<string, MessageReading & Pick<Reading, 'labels'>>();
    const hashes = [...new Set(textHashes)];
    if (hashes.length === 0) return found;
    const rows = await readings().select('a.text_hash')
      .where('a.id', 'in', (eb) => eb.selectFrom('analyses as n').select((e) => e.fn.max('n.id').as('id'))
        .where('n.text_hash', 'in', hashes).where('n.model_id', '=', modelId).where('n.model_version', 'is not distinct from', modelVersion)
        .groupBy('n.text_hash'))
      .execute();
    for (const row of rows) found.set(row.text_hash, toReading(row));
    return found;
  };
  /** The next `scan` customer and agent messages below `below`, newest stored first, each with whether it is unread (1) or not (0). */
  const backlogWindow = (model: { modelId: string; modelVersion: string | null }, below: number | null, scan: number, claims?: { by: string; at: number }) =>
    ctx.db().selectFrom('messages as m').select('m.id')
      .select((eb) => eb.case().when(eb.and([
        eb.not(eb.exists(eb.selectFrom('analyses as a').select('a.id').whereRef('a.message_id', '=', 'm.id')
          .where('a.model_id', '=', model.modelId).where('a.model_version', 'is not distinct from', model.modelVersion))),
        ...(claims ? [eb.not(eb.exists(eb.selectFrom('analysis_claims as c').select('c.message_id').whereRef('c.message_id', '=', 'm.id')
          .where('c.claimed_by', '<>', claims.by).where('c.claimed_until', '>', claims.at)))] : []),
      ])).then(1).else(0).end().as('unread'))
      .where('m.author', 'in', ['customer', 'agent'])
      .$if(below !== null, (query) => query.where('m.id', '<', below!))
      .orderBy('m.id', 'desc').limit(scan);
  return {
    /** Stores one reading; null when the message was read by this model and version already (a message is read once per model). */
    async insert(analysis: NewAnalysis): Promise<number | null> {
      const row = await ctx.db().insertInto('analyses').values(toRow(analysis)).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      return row?.id ?? null;
    },
    /**
     * Stores a batch of readings in one statement (and one transaction): a message that is gone is
     * skipped, and one already read by the same model and version keeps that reading — storing it
     * again is a no-op, whoever read it (another server process). Their claims are let go.
     */
    async insertMany(analyses: readonly NewAnalysis[]): Promise<StoredReading[]> {
      if (analyses.length === 0) return [];
      return ctx.transaction(async () => {
        const messageIds = [...new Set(analyses.map((analysis) => analysis.messageId).filter((id): id is number => id !== null))];
        const present = new Set(messageIds.length
          ? (await ctx.db().selectFrom('messages').select('id').where('id', 'in', messageIds).execute()).map((row) => row.id)
          : []);
        const storable = analyses.filter((analysis) => analysis.messageId === null || present.has(analysis.messageId));
        // the claims are let go with the insert: on PostgreSQL in the same statement (a data-modifying
        // WITH: one round trip fewer for every batch the engine stores); SQLite has no such WITH
        const releaseWithInsert = ctx.sql.kind === 'postgres' && storable.length > 0 && messageIds.length > 0;
        const insert = releaseWithInsert
          ? ctx.db().with('released', (db) => db.deleteFrom('analysis_claims').where('message_id', 'in', messageIds)).insertInto('analyses')
          : ctx.db().insertInto('analyses');
        const inserted = storable.length
          ? await insert.values(storable.map(toRow)).onConflict((oc) => oc.doNothing()).returning(['message_id']).execute()
          : [];
        const stored = new Set(inserted.map((row) => row.message_id));
        if (messageIds.length && !releaseWithInsert) await ctx.db().deleteFrom('analysis_claims').where('message_id', 'in', messageIds).execute();
        // the readings that stand for those read already, in one query
        const twice = new Set(analyses.map((analysis) => analysis.messageId).filter((id, index, all) => id !== null && all.indexOf(id) !== index));
        const readAlready = messageIds.filter((id) => present.has(id) && (!stored.has(id) || twice.has(id)));
        const standing = readAlready.length ? await readings().where('a.message_id', 'in', readAlready).orderBy('a.id').execute() : [];
        const standingFor = (analysis: NewAnalysis) => standing.findLast((row) => row.message_id === analysis.messageId
          && row.model_id === analysis.reading.modelId && row.model_version === analysis.reading.modelVersion);
        return analyses.map((analysis): StoredReading => {
          if (analysis.messageId === null) return { kind: 'stored' };
          if (!present.has(analysis.messageId)) return { kind: 'gone' };
          if (stored.delete(analysis.messageId)) return { kind: 'stored' };
          // read already (by another process, or twice in this batch): that reading stands
          const row = standingFor(analysis);
          return row ? { kind: 'read-already', reading: toReading(row) } : { kind: 'gone' };
        });
      });
    },
    /**
     * Claims messages of the backlog for process `by` until `until` (a lease), so that each is read
     * by one process: those claimed now are returned; a message claimed by another process whose
     * lease has not run out, or already read by this model, is not. A lease that ran out (its
     * process died) is taken over; a process's own claim is renewed.
     */
    async claim(messageIds: readonly number[], model: { modelId: string; modelVersion: string | null }, by: string, at: number, until: number): Promise<number[]> {
      if (messageIds.length === 0) return [];
      const rows = await ctx.db().insertInto('analysis_claims')
        .columns(['message_id', 'claimed_by', 'claimed_until'])
        .expression((eb) => eb.selectFrom('messages as m').select((e) => ['m.id', e.val(by).as('claimed_by'), e.val(until).as('claimed_until')])
          .where('m.id', 'in', [...messageIds])
          .where((e) => e.not(e.exists(e.selectFrom('analyses as a').select('a.id').whereRef('a.message_id', '=', 'm.id')
            .where('a.model_id', '=', model.modelId).where('a.model_version', 'is not distinct from', model.modelVersion)))))
        .onConflict((oc) => oc.column('message_id')
          .doUpdateSet((eb) => ({ claimed_by: eb.ref('excluded.claimed_by'), claimed_until: eb.ref('excluded.claimed_until') }))
          .where((eb) => eb.or([eb('analysis_claims.claimed_until', '<=', at), eb('analysis_claims.claimed_by', '=', by)])))
        .returning('message_id').execute();
      if (rows.length === 0) return [];
      // a claim taken as another process stored its reading (its claim gone, its reading committed
      // after this statement began, so not seen by it) is let go again: this statement sees that reading
      const read = new Set((await ctx.db().selectFrom('analyses').select('message_id').where('message_id', 'in', rows.map((row) => row.message_id))
        .where('model_id', '=', model.modelId).where('model_version', 'is not distinct from', model.modelVersion).execute()).map((row) => row.message_id));
      if (read.size) await ctx.db().deleteFrom('analysis_claims').where('message_id', 'in', [...read]).where('claimed_by', '=', by).execute();
      return rows.map((row) => row.message_id).filter((id) => !read.has(id));
    },
    /** How many messages other processes have claimed and are reading now (their leases run past `at`). */
    async claimedElsewhere(by: string, at: number): Promise<number> {
      return Number((await ctx.db().selectFrom('analysis_claims').select((eb) => eb.fn.countAll().as('n'))
        .where('claimed_by', '<>', by).where('claimed_until', '>', at).executeTakeFirstOrThrow()).n);
    },
    /** Lets go of a process's claims on these messages (not read after all: it is closing, or they went back to wait). */
    async releaseClaims(messageIds: readonly number[], by: string): Promise<void> {
      if (messageIds.length === 0) return;
      await ctx.db().deleteFrom('analysis_claims').where('message_id', 'in', [...messageIds]).where('claimed_by', '=', by).execute();
    },
    /** Lets go of every claim of a process (it is closing: what it had not read is for whoever starts next, at once). */
    async releaseAllClaims(by: string): Promise<void> {
      await ctx.db().deleteFrom('analysis_claims').where('claimed_by', '=', by).execute();
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
      return (await cachedMany([textHash], modelId, modelVersion)).get(textHash) ?? null;
    },
    findCachedMany: cachedMany,
    /**
     * Customer and agent messages not yet read by this model, newest first; with `claims`, not those
     * another process has claimed and is reading now (its lease runs past `at`).
     */
    async unreadMessageIds(modelId: string, modelVersion: string | null, limit = 1_000_000, claims?: { by: string; at: number }): Promise<number[]> {
      let query = ctx.db().selectFrom('messages as m').select('m.id').where('m.author', 'in', ['customer', 'agent'])
        .where((eb) => eb.not(eb.exists(eb.selectFrom('analyses as a').select('a.id').whereRef('a.message_id', '=', 'm.id')
          .where('a.model_id', '=', modelId).where('a.model_version', 'is not distinct from', modelVersion))));
      if (claims) {
        query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('analysis_claims as c').select('c.message_id').whereRef('c.message_id', '=', 'm.id')
          .where('c.claimed_by', '<>', claims.by).where('c.claimed_until', '>', claims.at))));
      }
      const rows = await query
        .orderBy('m.sent_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
      return rows.map((row) => row.id);
    },
    /**
     * One page of the backlog, newest stored first (by id: the order messages arrived in, so a page
     * is a walk down the primary key, as cheap deep in the backlog as at its top): of the next `scan`
     * customer and agent messages below message `below` (null: from the newest), the ones this model
     * has not read, nor another process claimed and is reading now (with `claims`). `next` is where
     * the following page starts; null when this one reached the oldest message.
     */
    async backlogPage(model: { modelId: string; modelVersion: string | null }, below: number | null, scan: number, claims?: { by: string; at: number }): Promise<{ ids: number[]; next: number | null }> {
      const rows = await backlogWindow(model, below, scan, claims).execute();
      return { ids: rows.filter((row) => Number(row.unread) === 1).map((row) => row.id), next: rows.length < scan ? null : rows[rows.length - 1]!.id };
    },
    /** How many of the same `scan` messages `backlogPage` would look at are unread, counted in the database (no ids travel), and where the next count starts. */
    async countBacklog(model: { modelId: string; modelVersion: string | null }, below: number | null, scan: number, claims?: { by: string; at: number }): Promise<{ unread: number; next: number | null }> {
      const row = await ctx.db().selectFrom(backlogWindow(model, below, scan, claims).as('w'))
        .select((eb) => [eb.fn.countAll().as('scanned'), eb.fn.min('w.id').as('lowest'), eb.fn.sum('w.unread').as('unread')])
        .executeTakeFirstOrThrow();
      return { unread: Number(row.unread ?? 0), next: Number(row.scanned) < scan || row.lowest === null ? null : Number(row.lowest) };
    },
    async count(): Promise<number> {
      return Number((await ctx.db().selectFrom('analyses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
  };
}

export type AnalysesRepository = ReturnType<typeof createAnalysesRepository>;
