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
