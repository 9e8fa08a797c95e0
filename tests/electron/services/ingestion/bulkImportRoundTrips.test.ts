import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * A bulk import (ingestMany) stores each chunk in one transaction; on PostgreSQL every statement is
 * a round trip. Each message used to ask again what its chunk had asked already — its keys' locks,
 * its customer by each identity and each identity again, the people it names, its conversation by
 * reference and its row lock, whether it was snoozed — and wrote its session-log entry alone: about
 * 13 statements a message, so a large workspace took hours to build. A chunk now asks each question
 * once and writes the log in a few statements; what is stored is the same.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const CONVERSATIONS = 20;
const PER_CONVERSATION = 10;

const items = (): IngestMessage[] =>
  Array.from({ length: CONVERSATIONS * PER_CONVERSATION }, (_, n) => {
    const c = n % CONVERSATIONS;
    const customer = Math.floor(n / CONVERSATIONS) % 2 === 0;
    return {
      channel: 'chat',
      customer: { displayName: `Customer ${c}`, identities: [{ kind: 'chat', value: `handle_${c}` }, { kind: 'email', value: `customer${c}@example.com` }] },
      conversation: { externalRef: `chat-${c}`, assigneeEmail: 'priya@example.com', ...(customer ? {} : { status: 'pending' as const }) },
      message: customer
        ? { author: 'customer', body: `Message ${n} about my order`, sentAt: T0 + n * 1000, externalId: `m-${n}` }
        : { author: 'agent', authorEmail: 'priya@example.com', body: `Reply ${n}: we are on it`, sentAt: T0 + n * 1000, externalId: `m-${n}` },
    };
  });

/** Statements sent to PostgreSQL while `work` runs (every client's). */
async function statementsDuring(work: () => Promise<void>): Promise<number> {
  const original = pg.Client.prototype.query;
  let sent = 0;
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    sent++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

describe.each(STORE_KINDS)('a bulk import on %s', (kind) => {
  it('stores what single arrivals would, and wakes a snoozed conversation once', async () => {
    const { store } = await openTestStore(kind);
    await store.users.ensure({ name: 'Priya', email: 'priya@example.com', role: 'agent' }, T0);
    const ingestion = createIngestionService(store, createEventBus());
    // one conversation is there already, snoozed: the import's first customer message wakes it
    const first = await ingestion.ingest({ ...items()[0]!, message: { ...items()[0]!.message, externalId: 'before', body: 'Before the import' } }, { notify: false });
    await store.snoozes.snooze(first.conversationId, T0 + 10_000_000, T0);
    const results = await ingestion.ingestMany([...items(), items()[5]!], { notify: false, chunkSize: 60 });
    expect(results.filter((result) => result.created)).toHaveLength(CONVERSATIONS * PER_CONVERSATION);
    expect(results[results.length - 1]).toEqual({ ...results[5]!, created: false });
    expect(await store.customers.count()).toBe(CONVERSATIONS);
    const summary = await store.conversations.getSummary(first.conversationId);
    expect(summary).toMatchObject({ status: 'pending', messageCount: PER_CONVERSATION + 1 });
    const log = await store.sessionEvents.listForConversation(first.conversationId);
    expect(log.filter((event) => event.kind === 'snooze.ended')).toHaveLength(1);
    expect(log.filter((event) => event.kind === 'message.arrived')).toHaveLength(PER_CONVERSATION / 2 + 1);
    expect(log.filter((event) => event.kind === 'message.sent').map((event) => event.userId)).toEqual(Array(PER_CONVERSATION / 2).fill((await store.users.getByEmail('priya@example.com'))!.id));
  });

  if (kind === 'postgres') {
    it('asks the database a few statements a message, not one per question', async () => {
      const { store } = await openTestStore(kind);
      await store.users.ensure({ name: 'Priya', email: 'priya@example.com', role: 'agent' }, T0);
      const ingestion = createIngestionService(store, createEventBus());
      const all = items();
      const sent = await statementsDuring(async () => void (await ingestion.ingestMany(all, { notify: false })));
      expect(await store.messages.count()).toBe(all.length);
      // per message: its insert, its conversation's counts and its status; per chunk and per conversation a few more
      expect(sent / all.length).toBeLessThan(4);
    });
  }
});
