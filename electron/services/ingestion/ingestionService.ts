import type { IngestMessage, IngestResult } from '../../../shared/contract/ingestion';
import { cleanMessageMeta, DROPPED_META_KEY, type DroppedMetaField } from '../../../shared/contract/messageMeta';
import { isContractTime } from '../../../shared/contract/time';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';
import { identityKey } from '../store/identityKey';
import { htmlToText } from '../common/htmlToText';
import { dedupeKey } from './dedupeKey';
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

/**
 * What an arrival must not race another arrival over: its own dedupe key, its customer's
 * identities, its conversation's reference and the e-mail thread it is part of (its Message-ID and
 * those it answers). Two arrivals sharing any of them are stored one after the other.
 */
function arrivalKeys(item: IngestMessage, key: string): string[] {
  const keys = [`message:${key}`, ...item.customer.identities.map((identity) => `identity:${identity.kind}:${identityKey(identity.kind, identity.value)}`)];
  if (item.conversation.externalRef) keys.push(`conversation:${item.channel}:${item.conversation.externalRef}`);
  if (item.channel === 'email') {
    const meta = item.message.meta ?? {};
    for (const id of [meta.messageId, meta.inReplyTo, ...(meta.references ?? [])]) if (typeof id === 'string' && id) keys.push(`thread:${id}`);
  }
  return keys;
}

export interface IngestOptions {
  /** Emit 'message.added' per message (live traffic). Bulk loads emit one 'workspace.changed'. */
  notify?: boolean;
  now?: () => number;
}

/**
 * The one way messages enter Kinship — from the demo loader, every channel connector and every
 * importer: find or create the customer and the conversation, store the message once, index it,
 * log the session event, tell the UI.
 */
export function createIngestionService(store: Store, bus: EventBus) {
  async function findOrCreateCustomer(item: IngestMessage, at: number): Promise<number> {
    let customerId: number | null = null;
    for (const identity of item.customer.identities) {
      customerId = await store.customers.findIdByIdentity(identity);
      if (customerId !== null) break;
    }
    customerId ??= await store.customers.create(item.customer.displayName, at);
    // identities the customer has not used before are linked to them now (merging channels)
    for (const identity of item.customer.identities) await store.customers.addIdentity(customerId, identity);
    return customerId;
  }

  async function findConversation(item: IngestMessage): Promise<number | null> {
    if (item.conversation.id !== undefined) {
      if (!await store.conversations.getSummary(item.conversation.id)) throw new Refusal('not-found', `There is no conversation ${item.conversation.id}.`);
      return item.conversation.id;
    }
    const ref = item.conversation.externalRef;
    if (ref) {
      const id = await store.conversations.findIdByExternalRef(item.channel, ref);
      if (id !== null) return id;
    }
    if (item.channel === 'email') {
      const meta = item.message.meta ?? {};
      const referenced = [meta.inReplyTo, ...(meta.references ?? []).slice().reverse()].filter(
        (value): value is string => typeof value === 'string' && value.length > 0,
      );
      for (const messageId of referenced) {
        const found = await store.messages.findByEmailMessageId(messageId);
        if (found) return found.conversationId;
      }
    }
    return null;
  }

  /** The message as kept (a channel detail that is not what it should be dropped, with its reason in meta) and its dedupe key. */
  function cleanedWithKey(received: IngestMessage): { cleaned: IngestMessage; key: string } {
    const cleaned: IngestMessage = { ...received, message: { ...received.message, meta: cleanMessageMeta(received.channel, received.message.meta).meta } };
    // (the key is taken from the message as it came, so a repeat of it is known whatever is corrected later)
    return { cleaned, key: dedupeKey(cleaned) };
  }

  async function ingestOne(received: IngestMessage, options: IngestOptions): Promise<IngestResult> {
    // the message is always kept: a channel detail that is not what it should be is dropped, with its reason in meta
    const { cleaned, key } = cleanedWithKey(received);
    const now = options.now?.() ?? Date.now();
    const item = withContractTime(cleaned, now);
    // the same message (customer, thread) arriving now by another transaction waits for this one, and the other way round
    await store.messages.holdArrival(arrivalKeys(cleaned, key));
    const answerStored = async (): Promise<IngestResult | null> => {
      const existing = await store.messages.findByDedupeKey(key);
      if (!existing) return null;
      const summary = await store.conversations.getSummary(existing.conversationId);
      return { messageId: existing.id, conversationId: existing.conversationId, customerId: summary!.customer.id, created: false };
    };
    const stored = await answerStored();
    if (stored) return stored;
    const customerId = await findOrCreateCustomer(item, item.message.sentAt);
    const assignee = item.conversation.assigneeEmail ? await store.users.getByEmail(item.conversation.assigneeEmail) : null;
    let conversationId = await findConversation(item);
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
    } else {
      // a reply being checked against this conversation's newest messages is stored first (see holdForWrite)
      await store.conversations.holdForWrite(conversationId);
      if (item.conversation.status) await store.conversations.setStatus(conversationId, item.conversation.status, item.message.sentAt);
    }
    const authorUser =
      item.message.author !== 'customer' && item.message.authorEmail ? await store.users.getByEmail(item.message.authorEmail) : null;
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
      const there = await answerStored();
      if (there) return there;
      throw new Error(`The message with key ${key} was stored by another transaction that has not finished.`);
    }
    await store.conversations.recordMessage(conversationId, messageId, item.message.sentAt, item.message.author);
    // a customer writing wakes a snoozed conversation in the same transaction as their message is
    // stored: no snooze, however it interleaves, is left over an unread customer message
    const woke = item.message.author === 'customer' ? await store.snoozes.wakeOnArrival(conversationId, now) : undefined;
    if (woke) {
      for (const [kind, payload] of [['snooze.ended', { reason: 'customer', until: woke.until }], ['status.changed', { from: 'snoozed', to: 'open', reason: 'snooze-ended' }]] as const) {
        await store.sessionEvents.append({ at: now, kind, conversationId, messageId: null, userId: null, payload });
      }
      wokenNow.add(conversationId);
    }
    await store.sessionEvents.append({
      at: item.message.sentAt,
      kind: item.message.author === 'customer' ? 'message.arrived' : item.message.author === 'note' ? 'note.added' : 'message.sent',
      conversationId,
      messageId,
      userId: authorUser?.id ?? null,
      payload: { channel: item.channel, author: item.message.author },
    });
    return { messageId, conversationId, customerId, created: true };
  }

  /** Conversations a customer's message woke from a snooze, to be announced once it is stored. */
  const wokenNow = new Set<number>();

  function announce(item: IngestMessage, result: IngestResult): void {
    if (!result.created) return;
    if (wokenNow.delete(result.conversationId)) bus.emit('conversation.changed', { conversationId: result.conversationId, reason: 'snooze-ended' });
    bus.emit('message.added', {
      messageId: result.messageId,
      conversationId: result.conversationId,
      customerId: result.customerId,
      channel: item.channel,
      author: item.message.author,
      sentAt: item.message.sentAt,
    });
  }

  return {
    /** Stores one message (live traffic) and tells the UI. */
    async ingest(item: IngestMessage, options: IngestOptions = {}): Promise<IngestResult> {
      const result = await store.transaction(async () => ingestOne(item, options));
      if (options.notify ?? true) announce(item, result);
      else wokenNow.delete(result.conversationId);
      return result;
    },
    /**
     * Stores many messages in chunks, each chunk one transaction, reporting progress and giving
     * the event loop back between chunks so live work is not held up. Returns results in order.
     */
    async ingestMany(
      items: readonly IngestMessage[],
      options: IngestOptions & { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
    ): Promise<IngestResult[]> {
      const chunkSize = options.chunkSize ?? 500;
      const results: IngestResult[] = [];
      for (let start = 0; start < items.length; start += chunkSize) {
        const chunk = items.slice(start, start + chunkSize);
        results.push(
          ...(await store.transaction(async () => {
            // every key of the chunk at once, in one order: two chunks sharing keys never hold them crosswise
            await store.messages.holdArrival(chunk.flatMap((item) => {
              const { cleaned, key } = cleanedWithKey(item);
              return arrivalKeys(cleaned, key);
            }));
            const stored: IngestResult[] = [];
            for (const item of chunk) stored.push(await ingestOne(item, options));
            return stored;
          })),
        );
        if (options.notify) chunk.forEach((item, index) => announce(item, results[start + index]!));
        else for (const result of results.slice(start)) wokenNow.delete(result.conversationId);
        options.onProgress?.(Math.min(start + chunkSize, items.length), items.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return results;
    },
  };
}

export type IngestionService = ReturnType<typeof createIngestionService>;
