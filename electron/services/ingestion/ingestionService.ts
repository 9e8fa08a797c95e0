import type { Customer, IdentityKind } from '../../../shared/contract/domain';
import type { IngestMessage, IngestResult } from '../../../shared/contract/ingestion';
import { cleanMessageMeta, DROPPED_META_KEY, type DroppedMetaField } from '../../../shared/contract/messageMeta';
import { isContractTime } from '../../../shared/contract/time';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import type { NewSessionEvent } from '../store/kysely/sessionEvents';
import { identityKey } from '../store/identityKey';
import { htmlToText } from '../common/htmlToText';
import { dedupeKey } from './dedupeKey';
import { createArrivalLookups, type ArrivalLookups } from './arrivalLookups';
import { Refusal } from '../common/refusal';

/**
 * A message whose own time is not one the contract accepts (a sender's clock in 1970, a connector's
 * garbage) is dated when it arrived, and the correction is recorded with it like any dropped detail.
 */
function withContractTime(item: IngestMessage, arrivedAt: number): IngestMessage {
  if (isContractTime(item.message.sentAt)) return item;
  const dropped = { field: 'sentAt', reason: `${String(item.message.sentAt)} is not a time Kinship accepts; the time it arrived is used` };
  const meta = item.message.meta ?? {};
  const earlier = (meta[DROPPED_META_KEY] as DroppedMetaField[] | undefined) ?? [];
  return { ...item, message: { ...item.message, sentAt: arrivedAt, meta: { ...meta, [DROPPED_META_KEY]: [...earlier, dropped] } } };
}

/** The lock key of a customer's identity: the same normalised key the store looks identities up by. */
const identityLockKey = (identity: { kind: IdentityKind; value: string }) => `identity:${identity.kind}:${identityKey(identity.kind, identity.value)}`;

/**
 * What an arrival must not race another arrival over: its own dedupe key, its customer's
 * identities, its conversation's reference and the e-mail thread it is part of (its Message-ID and
 * those it answers). Two arrivals sharing any of them are stored one after the other.
 *
 * A message addressed to a conversation by its id (a reply, a note, a call's record) finds no
 * conversation and makes none: it holds only its customer's identities. Its conversation's row
 * (holdForWrite) puts it in line with every other message to that conversation, and the dedupe
 * key's uniqueness answers a repeat with the message stored first. So its keys are known before
 * the message is written (holdForPost), and a writer can take them before the row.
 *
 * LOCK ORDER (every writer): keys first — all of them, in one call, sorted (keyLocks.holdKeys) —
 * then rows (conversations.holdForWrite). Never a key after a row: a writer holding a row and
 * waiting for a key deadlocks with an arrival holding that key and waiting for the row.
 */
function arrivalKeys(item: IngestMessage, key: string): string[] {
  const identities = item.customer.identities.map(identityLockKey);
  if (item.conversation.id !== undefined) return identities;
  const keys = [`message:${key}`, ...identities];
  if (item.conversation.externalRef) keys.push(`conversation:${item.channel}:${item.conversation.externalRef}`);
  if (item.channel === 'email') {
    const meta = item.message.meta ?? {};
    for (const id of [meta.messageId, meta.inReplyTo, ...(meta.references ?? [])]) if (typeof id === 'string' && id) keys.push(`thread:${id}`);
  }
  return keys;
}

/**
 * The most keys one bulk chunk holds (one lock each, held to its commit). PostgreSQL keeps every
 * lock of every transaction in one shared table of max_locks_per_transaction × (max_connections +
 * max_prepared_transactions) entries — 64 × 100 = 6,400 by default — and a transaction that finds
 * it full fails ("out of shared memory", 53200). A chunk stays well under it, beside live traffic
 * and other server processes importing at the same time.
 */
export const MAX_KEYS_PER_CHUNK = 1_000;

/** Where an arrival's session-log entries go: appended at once (one arrival), or kept for one multi-row insert (a bulk chunk). */
type SessionLog = (event: NewSessionEvent) => Promise<void>;

/** Why a customer's message brought its conversation back to open work (announced with it). */
type Opened = 'snooze-ended' | 'reopened';

/** A message stored (or found stored), and whether it brought its conversation back to open work. */
interface Ingested {
  result: IngestResult;
  opened?: Opened | undefined;
}

export interface IngestOptions {
  /** Emit 'message.added' per message (live traffic). Bulk loads emit one 'workspace.changed'. */
  notify?: boolean;
  /**
   * A message posted into a conversation by id (a reply, a note) inside the caller's transaction,
   * which holds its keys already — holdForPost, which read this customer, the conversation's — and
   * then the conversation's row (holdForWrite): neither is asked for again, nor the customer looked
   * up by its identities. Ignored outside a transaction (nothing would be held).
   */
  heldForPost?: Customer;
  now?: () => number;
}

/**
 * The one way messages enter Kinship — from the demo loader, every channel connector and every
 * importer: find or create the customer and the conversation, store the message once, index it,
 * log the session event, tell the UI.
 */
export function createIngestionService(store: Store, bus: EventBus) {
  async function findOrCreateCustomer(item: IngestMessage, at: number, lookups: ArrivalLookups): Promise<number> {
    let customerId: number | null = null;
    for (const identity of item.customer.identities) {
      customerId = await lookups.customerByIdentity(identity);
      if (customerId !== null) break;
    }
    customerId ??= await store.customers.create(item.customer.displayName, at);
    // identities the customer has not used before are linked to them now (merging channels)
    for (const identity of item.customer.identities) await lookups.linkIdentity(customerId, identity);
    return customerId;
  }

  async function findConversation(item: IngestMessage, lookups: ArrivalLookups): Promise<number | null> {
    if (item.conversation.id !== undefined) {
      // (one read by key: whether it is there, not the whole summary; none when its row is held here)
      if (!lookups.holds(item.conversation.id) && (await store.conversations.customerIdOf(item.conversation.id)) === null) throw new Refusal('not-found', `There is no conversation ${item.conversation.id}.`);
      return item.conversation.id;
    }
    const ref = item.conversation.externalRef;
    if (ref) {
      const id = await lookups.conversationByRef(item.channel, ref);
      if (id !== null) return id;
    }
    if (item.channel === 'email') {
      const meta = item.message.meta ?? {};
      const referenced = [meta.inReplyTo, ...(meta.references ?? []).slice().reverse()].filter(
        (value): value is string => typeof value === 'string' && value.length > 0,
      );
      for (const messageId of referenced) {
        const found = await lookups.conversationByEmailMessageId(messageId);
        if (found !== null) return found;
      }
    }
    return null;
  }

  /**
   * A customer's message (stored, in its transaction) brings its conversation back to open work in
   * that same transaction, unread for everyone, logged and (by the caller) announced — so no
   * customer message is ever left unanswered out of sight, however it interleaves:
   * - a snoozed conversation wakes (even one this transaction snoozed: a snooze never covers a
   *   customer message);
   * - a resolved one reopens, and so does a pending one (pending is "waiting on the customer": they
   *   have answered) — unless the message itself says what the conversation's status is after it
   *   (item.conversation.status: an importer's history, the demo), which it keeps.
   */
  async function openOnArrival(item: IngestMessage, conversationId: number, now: number, lookups: ArrivalLookups, log: SessionLog): Promise<Opened | undefined> {
    const status = await lookups.statusOf(conversationId);
    if (status === 'snoozed') {
      const woke = await store.snoozes.wakeOnArrival(conversationId, now);
      if (!woke) return undefined;
      lookups.statusSet(conversationId, 'open');
      await log({ at: now, kind: 'snooze.ended', conversationId, messageId: null, userId: null, payload: { reason: 'customer', until: woke.until } });
      await log({ at: now, kind: 'status.changed', conversationId, messageId: null, userId: null, payload: { from: 'snoozed', to: 'open', reason: 'snooze-ended' } });
      return 'snooze-ended';
    }
    if ((status !== 'resolved' && status !== 'pending') || item.conversation.status !== undefined) return undefined;
    if (!await store.conversations.reopen(conversationId, status, now)) return undefined;
    lookups.statusSet(conversationId, 'open');
    await log({ at: now, kind: 'status.changed', conversationId, messageId: null, userId: null, payload: { from: status, to: 'open', reason: 'customer-replied' } });
    return 'reopened';
  }

  /** The message as kept (a channel detail that is not what it should be dropped, with its reason in meta) and its dedupe key. */
  function cleanedWithKey(received: IngestMessage): { cleaned: IngestMessage; key: string } {
    const cleaned: IngestMessage = { ...received, message: { ...received.message, meta: cleanMessageMeta(received.channel, received.message.meta).meta } };
    // (the key is taken from the message as it came, so a repeat of it is known whatever is corrected later)
    return { cleaned, key: dedupeKey(cleaned) };
  }

  /**
   * Stores one message; with whether the customer's message woke its conversation from a snooze (to
   * be announced with it). `lookups` are its transaction's; in a bulk chunk, the chunk holds every key
   * of its messages already (`keysHeld`) and writes their session-log entries together (`log`).
   */
  async function ingestOne(received: IngestMessage, options: IngestOptions, lookups: ArrivalLookups, chunk?: { keysHeld: true; log: SessionLog }): Promise<Ingested> {
    const log: SessionLog = chunk?.log ?? (async (event) => void (await store.sessionEvents.append(event)));
    // the message is always kept: a channel detail that is not what it should be is dropped, with its reason in meta
    const { cleaned, key } = cleanedWithKey(received);
    const now = options.now?.() ?? Date.now();
    const item = withContractTime(cleaned, now);
    const posted = item.conversation.id !== undefined && options.heldForPost && store.inTransaction() ? options.heldForPost : null;
    if (posted) lookups.heldForPost(item.conversation.id!, posted);
    // the same message (customer, thread) arriving now by another transaction waits for this one, and the other way round
    if (!chunk?.keysHeld && !posted) await store.messages.holdArrival(arrivalKeys(cleaned, key));
    const answerStored = async (): Promise<IngestResult | null> => {
      const existing = await lookups.storedByKey(key);
      if (!existing) return null;
      const summary = await store.conversations.getSummary(existing.conversationId);
      return { messageId: existing.id, conversationId: existing.conversationId, customerId: summary!.customer.id, created: false };
    };
    const stored = await answerStored();
    if (stored) return { result: stored };
    const customerId = await findOrCreateCustomer(item, item.message.sentAt, lookups);
    const assignee = item.conversation.assigneeEmail ? await lookups.userByEmail(item.conversation.assigneeEmail) : null;
    let conversationId = await findConversation(item, lookups);
    if (conversationId === null) {
      conversationId = await store.conversations.create({
        customerId,
        channel: item.channel,
        status: item.conversation.status ?? 'open',
        subject: item.conversation.subject ?? null,
        queue: item.conversation.queue ?? 'general',
        assigneeId: assignee?.id ?? null,
        externalRef: item.conversation.externalRef ?? null,
        createdAt: item.message.sentAt,
      });
      lookups.conversationMade(conversationId, item.channel, item.conversation.externalRef, item.conversation.status ?? 'open');
    } else {
      // a reply being checked against this conversation's newest messages is stored first (see holdForWrite)
      await lookups.holdConversation(conversationId);
      if (item.conversation.status) {
        await store.conversations.setStatus(conversationId, item.conversation.status, item.message.sentAt);
        lookups.statusSet(conversationId, item.conversation.status);
      }
    }
    const authorUser =
      item.message.author !== 'customer' && item.message.authorEmail ? await lookups.userByEmail(item.message.authorEmail) : null;
    const messageId = await store.messages.insert({
      conversationId,
      author: item.message.author,
      authorName: item.message.author === 'customer' ? item.customer.displayName : (item.message.authorName ?? null),
      authorUserId: authorUser?.id ?? null,
      body: item.message.body.trim() || !item.message.bodyHtml ? item.message.body : htmlToText(item.message.bodyHtml),
      bodyHtml: item.message.bodyHtml ?? null,
      sentAt: item.message.sentAt,
      externalId: item.message.externalId ?? null,
      dedupeKey: key,
      meta: item.message.meta!,
      createdAt: now,
    });
    // stored already (the key is the database's to keep unique): answered with the message that is there
    if (messageId === null) {
      lookups.forgetStored(key);
      const there = await answerStored();
      if (there) return { result: there };
      throw new Error(`The message with key ${key} was stored by another transaction that has not finished.`);
    }
    lookups.messageStored(key, { id: messageId, conversationId }, item.message.meta?.messageId);
    await store.conversations.recordMessage(conversationId, messageId, item.message.sentAt, item.message.author);
    const opened = item.message.author === 'customer' ? await openOnArrival(item, conversationId, now, lookups, log) : undefined;
    await log({
      at: item.message.sentAt,
      kind: item.message.author === 'customer' ? 'message.arrived' : item.message.author === 'note' ? 'note.added' : 'message.sent',
      conversationId,
      messageId,
      userId: authorUser?.id ?? null,
      payload: { channel: item.channel, author: item.message.author },
    });
    return { result: { messageId, conversationId, customerId, created: true }, opened };
  }

  /**
   * Tells the UI of a stored message (and of the snooze it ended, or the reopening). The bus delivers it once the
   * transaction around has committed, and never if it rolls back; nothing is kept in memory between
   * storing and announcing, so a rolled-back wake leaves no mark behind.
   */
  function announce(item: IngestMessage, { result, opened }: Ingested): void {
    if (!result.created) return;
    if (opened) bus.emit('conversation.changed', { conversationId: result.conversationId, reason: opened });
    bus.emit('message.added', {
      messageId: result.messageId,
      conversationId: result.conversationId,
      customerId: result.customerId,
      channel: item.channel,
      author: item.message.author,
      sentAt: item.message.sentAt,
    });
  }

  /** Where the chunk starting at `start` ends (at most `chunkSize` messages and MAX_KEYS_PER_CHUNK keys, never empty) and its keys. */
  function nextChunk(items: readonly IngestMessage[], start: number, chunkSize: number): { end: number; keys: string[]; dedupeKeys: string[] } {
    const keys = new Set<string>();
    const dedupeKeys: string[] = [];
    let end = start;
    while (end < items.length && end - start < chunkSize) {
      const { cleaned, key } = cleanedWithKey(items[end]!);
      const own = arrivalKeys(cleaned, key);
      const adding = own.filter((one) => !keys.has(one)).length;
      if (end > start && keys.size + adding > MAX_KEYS_PER_CHUNK) break;
      for (const one of own) keys.add(one);
      dedupeKeys.push(key);
      end++;
    }
    return { end, keys: [...keys], dedupeKeys };
  }

  return {
    /**
     * Inside a transaction, before the conversation's row is held (holdForWrite) by a writer that
     * will then store a message in it (a reply, a call's record): holds the keys that message will
     * take, so that the writer takes keys before rows like every arrival (see arrivalKeys). Returns
     * the conversation's customer it read to know them (a conversation's customer never changes),
     * so that the writer need not read them again. On SQLite there is nothing to hold (a write
     * transaction has the file to itself: keyLocks.holdKeys), so nothing is read either: null.
     * `customerId`: the conversation's customer, when the caller has read it already (one read fewer).
     */
    async holdForPost(conversationId: number, customerId?: number): Promise<Customer | null> {
      if (store.kind !== 'postgres') return null;
      const known = customerId ?? (await store.conversations.customerIdOf(conversationId));
      const customer = known !== null ? await store.customers.getById(known) : null;
      if (customer) await store.messages.holdArrival(customer.identities.map(identityLockKey));
      return customer;
    },
    /** Stores one message (live traffic) and tells the UI. */
    async ingest(item: IngestMessage, options: IngestOptions = {}): Promise<IngestResult> {
      const ingested = await store.transaction(async () => ingestOne(item, options, createArrivalLookups(store)));
      if (options.notify ?? true) announce(item, ingested);
      return ingested.result;
    },
    /**
     * Stores many messages in chunks, each chunk one transaction, reporting progress and giving
     * the event loop back between chunks so live work is not held up. Returns results in order.
     * A chunk ends at `chunkSize` messages or at MAX_KEYS_PER_CHUNK keys, whichever comes first:
     * each key is one lock held to the commit (e-mails with long References hold dozens each).
     */
    async ingestMany(
      items: readonly IngestMessage[],
      options: IngestOptions & { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
    ): Promise<IngestResult[]> {
      const chunkSize = options.chunkSize ?? 500;
      const results: IngestResult[] = [];
      let start = 0;
      while (start < items.length) {
        const { end, keys, dedupeKeys } = nextChunk(items, start, chunkSize);
        const chunk = items.slice(start, end);
        const ingested = await store.transaction(async () => {
          // every key of the chunk at once, in one order: two chunks sharing keys never hold them crosswise
          await store.messages.holdArrival(keys);
          // what the chunk's messages look up, asked once for the chunk (its messages already stored, at once)
          const lookups = createArrivalLookups(store);
          await lookups.prefetchStored(dedupeKeys);
          const events: NewSessionEvent[] = [];
          const log: SessionLog = async (event) => void events.push(event);
          const stored: Ingested[] = [];
          for (const item of chunk) stored.push(await ingestOne(item, options, lookups, { keysHeld: true, log }));
          await store.sessionEvents.appendMany(events);
          return stored;
        });
        results.push(...ingested.map((one) => one.result));
        if (options.notify) chunk.forEach((item, index) => announce(item, ingested[index]!));
        start = end;
        options.onProgress?.(start, items.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return results;
    },
  };
}

export type IngestionService = ReturnType<typeof createIngestionService>;
