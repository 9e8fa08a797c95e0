/**
 * The UI benchmark's workspace: 100,000 conversations and 1,000,000 messages, built once through
 * the project's own ingestion service from many seeds of the demo generator, and cached in a temp
 * folder (reused while its counts and recipe match).
 *
 * Recipe: demo workspaces for seeds DEFAULT_DEMO_SEED + k. Each seed brings 80 customers with
 * their own identities (suffixed with k so every seed's customers are distinct people) and ~340
 * conversations whose text differs seed by seed (template choices, products, order numbers, names).
 * The story arcs are kept only in the first seed. Conversations average 7.5 messages in the demo;
 * to reach ~10, a conversation now and then continues with a later thread of the same customer
 * (or, failing that, of the same channel) — the customer came back on the same thread. Then:
 *  - one long chat of exactly 5,000 messages (LONG_CHAT_SUBJECT), the newest conversation;
 *  - 24 known conversations of exactly 20 messages (chat, e-mail and voice in turn), next newest.
 * These 25 are ingested first and read by the analysis engine (the app's own, with the models the
 * web host will use), so what the console is sent for them does not depend on how far the web
 * host's backlog has got; the million others are left for that backlog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import type { Channel } from '../../../shared/contract/domain';
import { fileURLToPath } from 'node:url';
import { createAnalysisEngine } from '../../../electron/services/analysis/analysisEngine';
import { createAnalysisSetup } from '../../../electron/services/analysis/analysisSetup';
import { openWorkspace, type ReadyWorkspace } from '../../../electron/services/api/workspace';
import { databasePath } from '../../../electron/services/dataDir';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from '../../../electron/services/demo/generateDemoWorkspace';
import { STORY_CUSTOMERS } from '../../../electron/services/demo/storyArcs';
import { createEventBus } from '../../../electron/services/events/eventBus';

/** Bump when the recipe changes, so an old cache is rebuilt. */
export const RECIPE_VERSION = 4;

export const TARGET_CONVERSATIONS = 100_000;
export const TARGET_MESSAGES = 1_000_000;
export const LONG_CHAT_MESSAGES = 5_000;
export const LONG_CHAT_SUBJECT = 'Whole-house refit – the long-running chat';
export const SMALL_COUNT = 24;
export const SMALL_MESSAGES = 20;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface KnownConversation {
  subject: string;
  channel: Channel;
  messages: number;
  /** Its place in the queue (newest first), 0-based. */
  queueIndex: number;
}

export interface BenchStoreInfo {
  recipe: number;
  conversations: number;
  messages: number;
  customers: number;
  /** The workspace's "now": every message is older. */
  now: number;
  seeds: number;
  generationMs: number;
  ingestRatePerSec: number;
  generatedAt: string;
  longChat: KnownConversation;
  small: KnownConversation[];
  /** Who read the 25 known conversations at generation time, and how many readings that made. */
  knownReadBy: { analyzer: string; models: string[]; readings: number; ms: number } | null;
  /** Order numbers that occur in the text, for rare-term searches. */
  orderNumbers: string[];
  dbBytes: number;
}

export interface BenchStore {
  dir: string;
  dbFile: string;
  info: BenchStoreInfo;
  reused: boolean;
}

interface Piece {
  ref: string;
  channel: Channel;
  customerName: string;
  start: number;
  end: number;
  items: IngestMessage[];
  used: boolean;
}

const STORY_NAMES = new Set<string>(Object.values(STORY_CUSTOMERS));

/** Makes seed k's customers, threads and message ids its own (identities, Message-IDs, refs). */
export function rewriteForBatch(item: IngestMessage, k: number): IngestMessage {
  const suffix = `b${k}`;
  const identityMap = new Map<string, string>();
  const identities = item.customer.identities.map((identity) => {
    let value = identity.value;
    if (identity.kind === 'email') {
      const at = value.lastIndexOf('@');
      value = `${value.slice(0, at)}.${suffix}${value.slice(at)}`;
    } else if (identity.kind === 'phone') {
      value = value.replace('7700', String(7000 + (k % 2000)).padStart(4, '0')) + (k >= 2000 ? ` ${k}` : '');
    } else {
      value = `${value}_${suffix}`;
    }
    identityMap.set(identity.value, value);
    return { kind: identity.kind, value };
  });
  const renameId = (id: unknown) =>
    typeof id === 'string' ? id.replace(/@/, `.${suffix}@`) : id;
  const swapAddresses = (text: string) => {
    let out = text;
    for (const [from, to] of identityMap) if (from.includes('@')) out = out.split(from).join(to);
    return out;
  };
  const meta = { ...(item.message.meta ?? {}) } as Record<string, unknown>;
  if (meta.messageId !== undefined) meta.messageId = renameId(meta.messageId);
  if (meta.inReplyTo !== undefined) meta.inReplyTo = renameId(meta.inReplyTo);
  if (Array.isArray(meta.references)) meta.references = meta.references.map(renameId);
  if (typeof meta.from === 'string') meta.from = swapAddresses(meta.from);
  if (Array.isArray(meta.to)) meta.to = meta.to.map((to) => (typeof to === 'string' ? swapAddresses(to) : to));
  if (typeof meta.handle === 'string') meta.handle = identityMap.get(meta.handle) ?? meta.handle;
  if (typeof meta.phone === 'string') meta.phone = identityMap.get(meta.phone) ?? meta.phone;
  return {
    ...item,
    customer: { displayName: item.customer.displayName, identities },
    conversation: { ...item.conversation, ...(item.conversation.externalRef ? { externalRef: `${suffix}-${item.conversation.externalRef}` } : {}) },
    message: {
      ...item.message,
      ...(item.message.externalId ? { externalId: `${suffix}-${item.message.externalId}` } : {}),
      meta: meta as IngestMessage['message']['meta'] & object,
    },
  };
}

/** Seed k of the demo, as threads (pieces) in order of their first message. */
function piecesOfSeed(k: number, demoNow: number): { pieces: Piece[]; users: ReturnType<typeof generateDemoWorkspace>['users'] } {
  const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED + k, now: demoNow });
  const byRef = new Map<string, Piece>();
  for (const original of demo.messages) {
    if (k > 0 && STORY_NAMES.has(original.customer.displayName)) continue;
    const item = rewriteForBatch(original, k);
    const ref = item.conversation.externalRef ?? `${item.channel}:${item.customer.identities[0]?.value}`;
    let piece = byRef.get(ref);
    if (!piece) {
      piece = { ref, channel: item.channel, customerName: item.customer.displayName, start: item.message.sentAt, end: item.message.sentAt, items: [], used: false };
      byRef.set(ref, piece);
    }
    piece.items.push(item);
    piece.start = Math.min(piece.start, item.message.sentAt);
    piece.end = Math.max(piece.end, item.message.sentAt);
  }
  const pieces = [...byRef.values()].sort((a, b) => a.start - b.start);
  for (const piece of pieces) piece.items.sort((a, b) => a.message.sentAt - b.message.sentAt);
  return { pieces, users: demo.users };
}

/** A later thread to continue `base` with: the same customer's on the same channel, else any on it. */
function continuationFor(base: Piece, pieces: Piece[], from: number, after: number): Piece | null {
  let sameChannel: Piece | null = null;
  for (let index = from; index < pieces.length; index++) {
    const candidate = pieces[index]!;
    if (candidate.used || candidate === base || candidate.channel !== base.channel || candidate.start <= after) continue;
    if (candidate.customerName === base.customerName) return candidate;
    sameChannel ??= candidate;
  }
  return sameChannel;
}

/** `items` re-addressed to the conversation `ref` of `customer`, with `subject` and times shifted by `shift`. */
function intoConversation(items: IngestMessage[], base: IngestMessage, ref: string, subject: string | undefined, shift = 0): IngestMessage[] {
  return items.map((item) => ({
    ...item,
    channel: base.channel,
    customer: base.customer,
    conversation: { ...item.conversation, externalRef: ref, ...(subject !== undefined ? { subject } : {}) },
    message: { ...item.message, sentAt: item.message.sentAt + shift },
  }));
}

/** Lays `items` out again so that they end at `lastAt`, `gapMs` apart (order kept). */
function retime(items: IngestMessage[], lastAt: number, gapMs: number): IngestMessage[] {
  return items.map((item, index) => {
    const sentAt = lastAt - (items.length - 1 - index) * gapMs;
    return { ...item, message: { ...item.message, sentAt } };
  });
}

/** Builds the special conversations (long chat, known 20-message ones) from seeds of their own. */
function specialConversations(now: number, demoNow: number): { items: IngestMessage[]; longChat: KnownConversation; small: KnownConversation[] } {
  const pool: Record<Channel, Piece[]> = { chat: [], email: [], voice: [] };
  for (let j = 0; pool.chat.reduce((sum, piece) => sum + piece.items.length, 0) < LONG_CHAT_MESSAGES + 2_000; j++) {
    const { pieces } = piecesOfSeed(100_000 + j, demoNow);
    for (const piece of pieces) pool[piece.channel].push(piece);
  }
  const items: IngestMessage[] = [];

  // the long chat: one customer, one thread, 5,000 chat lines over the last 30 days
  const longCustomer: IngestMessage['customer'] = {
    displayName: 'Eleanor Whitfield-Marsh',
    identities: [
      { kind: 'chat', value: 'eleanor_refit' },
      { kind: 'email', value: 'eleanor.whitfield-marsh@homemail.example' },
    ],
  };
  const longLines: IngestMessage[] = [];
  const chats = pool.chat.slice();
  while (longLines.length < LONG_CHAT_MESSAGES) {
    const piece = chats.shift()!;
    piece.used = true;
    longLines.push(...piece.items);
  }
  const longBase: IngestMessage = { ...longLines[0]!, channel: 'chat', customer: longCustomer };
  const longItems = retime(
    intoConversation(longLines.slice(0, LONG_CHAT_MESSAGES), longBase, 'bench-long-chat', LONG_CHAT_SUBJECT),
    now - 60_000,
    Math.floor((30 * DAY) / LONG_CHAT_MESSAGES),
  ).map((item, index) => ({
    ...item,
    conversation: { ...item.conversation, status: 'open' as const },
    message: { ...item.message, externalId: `bench-long-${index + 1}`, meta: { handle: 'eleanor_refit' } },
  }));
  items.push(...longItems);

  // the known 20-message conversations: chat, e-mail, voice in turn, each newer than all the others
  const small: KnownConversation[] = [];
  const order: Channel[] = ['chat', 'email', 'voice'];
  const gaps: Record<Channel, number> = { chat: 40_000, email: 2 * HOUR, voice: 45_000 };
  for (let index = 0; index < SMALL_COUNT; index++) {
    const channel = order[index % order.length]!;
    const lines: IngestMessage[] = [];
    const available = pool[channel].filter((piece) => !piece.used);
    let first: Piece | null = null;
    for (const piece of available) {
      if (lines.length >= SMALL_MESSAGES) break;
      piece.used = true;
      first ??= piece;
      lines.push(...piece.items);
    }
    if (!first || lines.length < SMALL_MESSAGES) throw new Error(`not enough ${channel} threads for the known conversations`);
    const number = String(index + 1).padStart(2, '0');
    const subject = `${first.items[0]!.conversation.subject ?? 'Question'} (case K-${number})`;
    const ref = `bench-known-${number}`;
    const known = retime(intoConversation(lines.slice(0, SMALL_MESSAGES), first.items[0]!, ref, subject), now - (index + 1) * 10 * 60_000, gaps[channel]).map(
      (item, position) => ({
        ...item,
        message: {
          ...item.message,
          externalId: `${ref}-${position + 1}`,
          ...(channel === 'email' ? { meta: { ...item.message.meta, messageId: `<${ref}-${position + 1}@bench.example>`, inReplyTo: undefined, references: undefined } } : {}),
        },
      }),
    );
    items.push(...known);
    small.push({ subject, channel, messages: SMALL_MESSAGES, queueIndex: index + 1 });
  }
  return { items, longChat: { subject: LONG_CHAT_SUBJECT, channel: 'chat', messages: LONG_CHAT_MESSAGES, queueIndex: 0 }, small };
}

function log(message: string) {
  console.error(`[bench:ui] ${message}`);
}

const WORKER = new URL('../../../out/main/analysisWorker.js', import.meta.url);
const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));
const SHARED_MODELS = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));

/** The models folder the web host will be given (startWebHost's rule). */
export function benchModelsDir(): string | null {
  return process.env.KINSHIP_MODELS_DIR ?? (fs.existsSync(SHARED_MODELS) ? SHARED_MODELS : null);
}

/**
 * Reads every unread message in the workspace (here: the 25 known conversations, ingested first)
 * with the app's analysis engine, as the web host's backlog would.
 */
async function readKnownConversations(workspace: ReadyWorkspace, dir: string): Promise<BenchStoreInfo['knownReadBy']> {
  if (!fs.existsSync(fileURLToPath(WORKER))) {
    log('out/main/analysisWorker.js is not built: the known conversations are left for the backlog');
    return null;
  }
  const started = performance.now();
  const models = benchModelsDir();
  const setup = await createAnalysisSetup({
    store: workspace.store,
    dataDir: dir,
    packagedDir: path.join(RESOURCES, 'models'),
    env: { ...process.env, ...(models ? { KINSHIP_MODELS_DIR: models } : {}) },
  });
  const engine = createAnalysisEngine({
    store: workspace.store,
    bus: createEventBus(),
    locations: () => setup.locations(),
    describeSetup: () => setup.describe(),
    workerUrl: WORKER,
  });
  try {
    await engine.start();
    const until = performance.now() + 180_000;
    for (;;) {
      const { backlog } = engine.status();
      if (backlog.done >= backlog.total) break;
      if (performance.now() > until) throw new Error(`the known conversations were not read in 3 minutes (${backlog.done} of ${backlog.total})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const status = engine.status();
    return {
      analyzer: status.analyzer,
      models: status.models.map((model) => model.id),
      readings: await workspace.store.analyses.count(),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await engine.close();
  }
}

export interface Targets {
  conversations: number;
  messages: number;
}

/**
 * Builds the workspace in `dir` (its SQLite file), or in the PostgreSQL database `env`'s
 * KINSHIP_DATABASE_URL names (then `dir` holds only the analysis setup's files).
 */
export async function generateBenchWorkspace(dir: string, now: number, targets: Targets, env: NodeJS.ProcessEnv = process.env): Promise<BenchStoreInfo> {
  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const opened = await openWorkspace(databasePath(dir), createEventBus(), env);
  if (opened.state !== 'ready') throw new Error(`cannot open the bench workspace: ${opened.error.message}`);
  const workspace: ReadyWorkspace = opened;
  const demoNow = now - DAY;
  let ingestMs = 0;
  let ingested = 0;
  const ingest = async (items: IngestMessage[]) => {
    const at = performance.now();
    const results = await workspace.ingestion.ingestMany(items, { notify: false, chunkSize: 5000, now: () => now });
    ingestMs += performance.now() - at;
    const created = results.filter((result) => result.created).length;
    if (created !== items.length) throw new Error(`${items.length - created} generated messages were taken for duplicates`);
    ingested += created;
  };

  try {
    const first = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: demoNow });
    await workspace.store.transaction(async () => {
      for (const user of first.users) await workspace.store.users.ensure(user, now);
    });

    const specials = specialConversations(now, demoNow);
    // the known conversations first, read at once; the million others after, left unread
    await ingest(specials.items);
    const knownReadBy = await readKnownConversations(workspace, dir);
    if (knownReadBy) log(`known conversations read by the ${knownReadBy.analyzer} (${knownReadBy.models.join(', ') || 'no model'}): ${knownReadBy.readings} readings in ${knownReadBy.ms} ms`);
    const regularConversations = targets.conversations - 1 - specials.small.length;
    const regularMessages = targets.messages - specials.items.length;
    const perConversation = regularMessages / regularConversations;

    let conversations = 0;
    let messages = 0;
    let batch: IngestMessage[] = [];
    const orderNumbers = new Set<string>();
    let k = 0;
    let lastReport = performance.now();
    while (conversations < regularConversations) {
      const { pieces } = piecesOfSeed(k, demoNow);
      for (let index = 0; index < pieces.length && conversations < regularConversations; index++) {
        const base = pieces[index]!;
        if (base.used) continue;
        base.used = true;
        const lastOne = conversations === regularConversations - 1;
        // messages this conversation may have: at least one left for each conversation still to make
        const remainingAfter = regularConversations - conversations - 1;
        const cap = regularMessages - messages - remainingAfter;
        let items = base.items.slice();
        let end = base.end;
        const want = lastOne ? cap : Math.min(cap, 60);
        // behind the running average: the customer comes back on this thread (a later one of theirs)
        while (items.length < want && (lastOne || messages + items.length < (conversations + 1) * perConversation)) {
          const next = continuationFor(base, pieces, index + 1, end);
          if (next) {
            next.used = true;
            items.push(...intoConversation(next.items, base.items[0]!, base.ref, undefined));
            end = next.end;
          } else if (lastOne) {
            // the very last conversation takes whatever it needs, after its own end
            const filler = pieces.find((piece) => piece.channel === base.channel && piece !== base) ?? base;
            items.push(...intoConversation(filler.items, base.items[0]!, base.ref, undefined, end - filler.start + HOUR).map((item, position) => ({
              ...item,
              message: { ...item.message, externalId: `${base.ref}-extra-${items.length + position}`, meta: { ...item.message.meta, messageId: undefined, inReplyTo: undefined, references: undefined } },
            })));
            end = items[items.length - 1]!.message.sentAt;
          } else break;
        }
        items = items.slice(0, Math.min(items.length, cap));
        if (k === 0) for (const item of items) for (const match of item.message.body.match(/LH-\d{6}/g) ?? []) if (orderNumbers.size < 6) orderNumbers.add(match);
        batch.push(...items);
        conversations += 1;
        messages += items.length;
      }
      k += 1;
      if (batch.length >= 40_000 || conversations >= regularConversations) {
        batch.sort((a, b) => a.message.sentAt - b.message.sentAt);
        await ingest(batch);
        batch = [];
        if (performance.now() - lastReport > 15_000 || conversations >= regularConversations) {
          lastReport = performance.now();
          log(`generating: ${ingested.toLocaleString('en-GB')} messages stored (${Math.round((ingested / ingestMs) * 1000).toLocaleString('en-GB')}/s through the ingestion service)`);
        }
      }
    }

    const status = await workspace.store.conversations.countByChannel();
    const conversationCount = status.chat + status.email + status.voice;
    const messageCount = await workspace.store.messages.count();
    if (conversationCount !== targets.conversations || messageCount !== targets.messages) {
      throw new Error(`generated ${conversationCount} conversations and ${messageCount} messages, not ${targets.conversations} and ${targets.messages}`);
    }
    const info: BenchStoreInfo = {
      recipe: RECIPE_VERSION,
      conversations: conversationCount,
      messages: messageCount,
      customers: await workspace.store.customers.count(),
      now,
      seeds: k,
      generationMs: Math.round(performance.now() - started),
      ingestRatePerSec: Math.round((ingested / ingestMs) * 1000),
      generatedAt: new Date().toISOString(),
      longChat: specials.longChat,
      small: specials.small,
      knownReadBy,
      orderNumbers: [...orderNumbers],
      dbBytes: 0,
    };
    await workspace.store.close();
    info.dbBytes = fs.existsSync(databasePath(dir)) ? fs.statSync(databasePath(dir)).size : 0;
    return info;
  } catch (error) {
    try {
      await workspace.store.close();
    } catch {
      // already closed
    }
    throw error;
  }
}

const INFO_FILE = 'bench-ui.json';

/** Counts what a cached workspace holds (through the store, as the app would). */
async function countsOf(dir: string): Promise<{ conversations: number; messages: number } | null> {
  if (!fs.existsSync(databasePath(dir))) return null;
  const started = performance.now();
  const opened = await openWorkspace(databasePath(dir), createEventBus());
  if (opened.state !== 'ready') return null;
  const { migration } = opened.store;
  if (migration.applied.length) {
    // the schema moved on since the cache was built: it is migrated once here, not in every run
    log(`migrated the cached workspace from schema ${migration.from} to ${migration.to} in ${Math.round(performance.now() - started)} ms`);
    if (migration.backupPath) fs.rmSync(migration.backupPath, { force: true });
  }
  try {
    const byChannel = await opened.store.conversations.countByChannel();
    return { conversations: byChannel.chat + byChannel.email + byChannel.voice, messages: await opened.store.messages.count() };
  } finally {
    await opened.store.close();
  }
}

/** The cached workspace if it is complete and of this recipe; else a new one (minutes). */
export async function ensureBenchStore(
  dir = path.join(os.tmpdir(), 'kinship-bench-ui-100k'),
  regenerate = false,
  targets: Targets = { conversations: TARGET_CONVERSATIONS, messages: TARGET_MESSAGES },
): Promise<BenchStore> {
  const infoFile = path.join(dir, INFO_FILE);
  if (!regenerate && fs.existsSync(infoFile)) {
    try {
      const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as BenchStoreInfo;
      const counts = info.recipe === RECIPE_VERSION ? await countsOf(dir) : null;
      if (counts && counts.conversations === targets.conversations && counts.messages === targets.messages) {
        return { dir, dbFile: databasePath(dir), info, reused: true };
      }
      log(`the cached workspace in ${dir} does not match (recipe ${info.recipe}, ${JSON.stringify(counts)}); building it again`);
    } catch (error) {
      log(`the cached workspace in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); building it again`);
    }
  }
  log(`building the workspace in ${dir}: ${targets.conversations.toLocaleString('en-GB')} conversations, ${targets.messages.toLocaleString('en-GB')} messages`);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const info = await generateBenchWorkspace(dir, now, targets);
  fs.writeFileSync(`${infoFile}.tmp`, JSON.stringify(info, null, 2));
  fs.renameSync(`${infoFile}.tmp`, infoFile);
  return { dir, dbFile: databasePath(dir), info, reused: false };
}

/** A private copy of the cached workspace for one run (the web host writes readings into it). */
export function copyForRun(store: BenchStore): string {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-ui-run-'));
  for (const suffix of ['', '-wal']) {
    const source = `${store.dbFile}${suffix}`;
    if (fs.existsSync(source)) fs.copyFileSync(source, path.join(runDir, path.basename(source)), fs.constants.COPYFILE_FICLONE);
  }
  return runDir;
}
