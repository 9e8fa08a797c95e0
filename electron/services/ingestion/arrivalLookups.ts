import type { Channel, ConversationStatus, Customer, CustomerIdentity, User } from '../../../shared/contract/domain';
import type { Store } from '../store/store';
import { identityKey } from '../store/identityKey';

type Stored = { id: number; conversationId: number };

/**
 * What storing arrivals looks up — stored messages by dedupe key, customers by identity, people by
 * e-mail, conversations by reference or by an e-mail they hold — remembered for one transaction
 * (one arrival, or one bulk chunk), with what the transaction itself stores. A chunk of hundreds of
 * messages from a few dozen threads asks the database once per customer, person, conversation and
 * e-mail referenced, and once for every dedupe key of the chunk (prefetchStored), instead of once per
 * message each: on PostgreSQL every question is a round trip, and these were most of an arrival's.
 *
 * What it remembers cannot go stale inside the transaction: every arrival's keys (its dedupe key,
 * its customer's identities, its conversation's reference, its e-mail thread: see arrivalKeys) are
 * held to the commit, so no other writer stores under them meanwhile; and a message stored under a
 * dedupe key after all is answered by the insert's own conflict check. Made afresh for every try of
 * a transaction (a retried one finds nothing of the failed try).
 */
export function createArrivalLookups(store: Store) {
  const stored = new Map<string, Stored | null>();
  const customers = new Map<string, number | null>();
  const people = new Map<string, User | null>();
  const byRef = new Map<string, number | null>();
  const byEmailId = new Map<string, number | null>();
  const held = new Set<number>();
  const statuses = new Map<number, ConversationStatus | null>();
  const identityOf = (identity: CustomerIdentity) => `${identity.kind}:${identityKey(identity.kind, identity.value)}`;
  const refOf = (channel: Channel, ref: string) => `${channel}:${ref}`;
  /** The remembered answer to `key`, else the database's (then remembered). */
  const remembered = async <K, V>(map: Map<K, V>, key: K, ask: () => Promise<V>): Promise<V> => {
    if (map.has(key)) return map.get(key)!;
    const value = await ask();
    map.set(key, value);
    return value;
  };

  return {
    /** Asks for every one of these dedupe keys at once (a bulk chunk's). */
    async prefetchStored(keys: readonly string[]): Promise<void> {
      const found = await store.messages.findManyByDedupeKeys(keys.filter((key) => !stored.has(key)));
      for (const key of keys) if (!stored.has(key)) stored.set(key, found.get(key) ?? null);
    },
    /** The database holds a message under `key` after all (another writer's): asked again next time. */
    forgetStored(key: string): void {
      stored.delete(key);
    },
    storedByKey: (key: string) => remembered(stored, key, () => store.messages.findByDedupeKey(key)),
    customerByIdentity: (identity: CustomerIdentity) => remembered(customers, identityOf(identity), () => store.customers.findIdByIdentity(identity)),
    /** Links an identity the customer has not used before to them; one known already (to anyone) is left as it is. */
    async linkIdentity(customerId: number, identity: CustomerIdentity): Promise<void> {
      const key = identityOf(identity);
      if (typeof customers.get(key) === 'number') return;
      // linked now; or someone's already (who is asked again when it matters)
      if (await store.customers.addIdentity(customerId, identity)) customers.set(key, customerId);
      else customers.delete(key);
    },
    userByEmail: (email: string) => remembered(people, email, () => store.users.getByEmail(email)),
    conversationByRef: (channel: Channel, ref: string) => remembered(byRef, refOf(channel, ref), () => store.conversations.findIdByExternalRef(channel, ref)),
    conversationByEmailMessageId: (messageId: string) =>
      remembered(byEmailId, messageId, async () => (await store.messages.findByEmailMessageId(messageId))?.conversationId ?? null),
    /**
     * What the caller's transaction holds already for a message it posts into a conversation: the
     * conversation's row (holdForWrite), and the keys of its customer, read to hold them (ingestion's
     * holdForPost): the customer's identities are known to be theirs, and the row is not held again.
     */
    heldForPost(conversationId: number, customer: Customer): void {
      for (const identity of customer.identities) customers.set(identityOf(identity), customer.id);
      held.add(conversationId);
    },
    /** Whether this transaction holds the conversation's row (so it is there: its holder has read it). */
    holds: (conversationId: number) => held.has(conversationId),
    /** Holds the conversation's row for this transaction's writes (conversations.holdForWrite), once. */
    async holdConversation(conversationId: number): Promise<void> {
      if (held.has(conversationId)) return;
      await store.conversations.holdForWrite(conversationId);
      held.add(conversationId);
    },
    /** A conversation this transaction made (under its reference, if it has one). */
    conversationMade(conversationId: number, channel: Channel, ref: string | undefined, status: ConversationStatus): void {
      if (ref) byRef.set(refOf(channel, ref), conversationId);
      statuses.set(conversationId, status);
      // (made in this transaction: its row is this transaction's until the commit)
      held.add(conversationId);
    },
    /** The status this transaction gave the conversation (its row is held: nobody else changes it before the commit). */
    statusSet(conversationId: number, status: ConversationStatus): void {
      statuses.set(conversationId, status);
    },
    /**
     * The conversation's status: the one this transaction gave it (its row is held: nobody else
     * changes it before the commit), else the database's (asked once, then kept up to date by
     * statusSet). Null when there is no such conversation.
     */
    statusOf: (conversationId: number) => remembered(statuses, conversationId, () => store.conversations.statusOf(conversationId)),
    /** A message this transaction stored (under its dedupe key, with its e-mail Message-ID if it has one). */
    messageStored(key: string, message: Stored, emailMessageId: unknown): void {
      stored.set(key, message);
      if (typeof emailMessageId === 'string' && emailMessageId && typeof byEmailId.get(emailMessageId) !== 'number') byEmailId.set(emailMessageId, message.conversationId);
    },
  };
}

export type ArrivalLookups = ReturnType<typeof createArrivalLookups>;
