import { describe, expect, it, onTestFinished } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openPostgresStore } from '../../../../electron/services/store/store';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * A customer's e-mail address is one identity however it is written: "ANN@example.com" writing in
 * is Ann, who first wrote as "Ann@Example.com" — shown as she first wrote it.
 */
const T0 = Date.UTC(2026, 4, 6, 9, 0);
const HOUR = 3_600_000;

const mail = (from: string, messageId: string, sentAt: number, displayName = 'Ann Lee'): IngestMessage => ({
  channel: 'email',
  customer: { displayName, identities: [{ kind: 'email', value: from }] },
  conversation: { subject: `Order ${messageId}` },
  message: { author: 'customer', body: `About my order (${messageId})`, sentAt, meta: { messageId: `<${messageId}@mail.example>` } },
});

describe.each(STORE_KINDS)('e-mail identities whatever their case on %s', (kind) => {
  it('lands a new e-mail from another spelling of a known address on the customer who has it', async () => {
    const { store } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const first = await ingestion.ingest(mail('Ann@Example.com', 'a1', T0));
    for (const [n, spelling] of ['ANN@example.com', ' ann@example.com', 'ann@EXAMPLE.COM'].entries()) {
      const later = await ingestion.ingest(mail(spelling, `a${n + 2}`, T0 + (n + 1) * 60_000, 'ANN'));
      expect(later.customerId).toBe(first.customerId);
    }
    expect(await store.customers.count()).toBe(1);
    expect(await store.customers.getById(first.customerId)).toMatchObject({ displayName: 'Ann Lee', identities: [{ kind: 'email', value: 'Ann@Example.com' }] });
  });

  it('makes one customer of a new address written two ways arriving at the same moment', async () => {
    const { store } = await openTestStore(kind);
    // on PostgreSQL from two server processes, each with its own connections
    const other = kind === 'sqlite' ? store : await openPostgresStore(await testPostgresDatabase(), { poolSize: 4 });
    if (other !== store) onTestFinished(() => other.close());
    const ingestions = [store, other].map((s) => createIngestionService(s, createEventBus()));
    const results = await Promise.all(['Nadia@Example.org', 'NADIA@example.org', 'nadia@example.org', 'Nadia@example.ORG'].map((from, i) => ingestions[i % 2]!.ingest(mail(from, `n${i}`, T0 + i, 'Nadia'))));
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(await store.customers.count()).toBe(1);
    expect((await store.customers.getById(results[0]!.customerId))!.identities).toHaveLength(1);
  });
});

/**
 * A phone number is one identity however it is written, compared in E.164: a call from
 * "+442079460958" is Ann, who first rang as "+44 20 7946 0958" (they were two customers). A number
 * without its country code cannot be placed and is compared as written.
 */
const call = (number: string, ref: string, sentAt: number): IngestMessage => ({
  channel: 'voice',
  customer: { displayName: `Caller ${number}`, identities: [{ kind: 'phone', value: number }] },
  conversation: { externalRef: ref },
  message: { author: 'customer', body: `Call ${ref}`, sentAt },
});

describe.each(STORE_KINDS)('phone identities however they are written on %s', (kind) => {
  it('lands a call from another writing of a known number on the customer who has it, and finds them by any writing', async () => {
    const { store } = await openTestStore(kind);
    const ingestion = createIngestionService(store, createEventBus());
    const first = await ingestion.ingest(call('+44 20 7946 0958', 'c1', T0));
    for (const [n, writing] of ['+442079460958', '+44 (0)20 7946-0958', ' +44 20 79460958 '].entries()) {
      expect((await ingestion.ingest(call(writing, `c${n + 2}`, T0 + (n + 1) * 60_000))).customerId).toBe(first.customerId);
    }
    expect(await store.customers.getById(first.customerId)).toMatchObject({ displayName: 'Caller +44 20 7946 0958', identities: [{ kind: 'phone', value: '+44 20 7946 0958' }] });
    expect(await store.customers.findIdByIdentity({ kind: 'phone', value: '+4420 7946 0958' })).toBe(first.customerId);
    // another extension of the switchboard, and a number written without its country code, are others
    expect((await ingestion.ingest(call('+44 20 7946 0958 ext. 12', 'c9', T0 + HOUR))).customerId).not.toBe(first.customerId);
    expect((await ingestion.ingest(call('020 7946 0958', 'c10', T0 + HOUR))).customerId).not.toBe(first.customerId);
    expect(await store.customers.count()).toBe(3);
  });
});
