import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { manualScheduler, runUntilSettled } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';
import { ok } from '../../../helpers/callApi';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0);

/** A workspace of `count` customers, each with a conversation, on a clock and timers the test moves. */
async function workspace(count: number) {
  const store = await testStore();
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const ingestion = createIngestionService(store, bus);
  const customerIds: number[] = [];
  for (let n = 1; n <= count; n++) {
    const { customerId } = await ingestion.ingest(
      {
        channel: 'chat',
        customer: { displayName: `Customer ${n}`, identities: [{ kind: 'chat', value: `customer-${n}` }] },
        conversation: { externalRef: `chat-${n}` },
        message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - n * DAY },
      },
      { notify: false, now: () => NOW },
    );
    customerIds.push(customerId);
  }
  const scheduler = manualScheduler();
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW, scheduler });
  return { store, bus, events, ingestion, scheduler, api, customerIds };
}

describe('the connection index in the background', () => {
  it('computes everyone once the sweep runs, and says when it has settled', async () => {
    const { api, scheduler, events, customerIds } = await workspace(12);
    // nothing has run yet: the sweep waits for the console's first answers
    expect(await ok(api, 'workspace.background', {})).toMatchObject({ index: { pending: 12, failed: 0, settled: false }, settled: false });
    expect(await runUntilSettled(scheduler, async () => (await ok(api, 'workspace.background', {})).settled)).toBeGreaterThan(0);
    expect(await ok(api, 'workspace.background', {})).toEqual({
      analysis: { queued: 0, done: 0, total: 0, settled: true },
      index: { pending: 0, failed: 0, settled: true },
      settled: true,
    });
    expect((await ok(api, 'customers.list', {})).total).toBe(customerIds.length);
    // the console heard of it: the indexes changed, then the work settled
    const told = events.filter((event) => event.name === 'connection.changed' || event.name === 'workspace.background').map((event) => event.name);
    expect(told.at(-1)).toBe('workspace.background');
    expect(told).toContain('connection.changed');
    api.close();
  });

  it('keeps computing everyone else when one customer’s data cannot be computed', async () => {
    const { api, store, scheduler, customerIds } = await workspace(80);
    // a follow-up stored before the contract bounded times: 2^53 − 1 ms is no date at all
    const poisoned = customerIds[0]!;
    await store.followUps.create({ customerId: poisoned, conversationId: null, messageId: null, createdBy: null, description: 'Call back', dueAt: 2 ** 53 - 1, createdAt: NOW - DAY });
    await store.followUps.create({ customerId: customerIds[40]!, conversationId: null, messageId: null, createdBy: null, description: 'Call back', dueAt: -(2 ** 53 - 1), createdAt: NOW - DAY });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await runUntilSettled(scheduler, async () => (await ok(api, 'workspace.background', {})).index.settled);
      const background = await ok(api, 'workspace.background', {});
      expect(background.index).toEqual({ pending: 0, failed: 2, settled: true });
      const listed = await ok(api, 'customers.list', { limit: 500 });
      expect(listed.total).toBe(78);
      expect(new Set(listed.items.map((row) => row.customerId))).toEqual(new Set(customerIds.filter((id) => id !== poisoned && id !== customerIds[40])));
      // each failure is reported once, with whose it is
      expect(errors.mock.calls.filter(([message]) => String(message).includes(`customer ${poisoned} `))).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
    api.close();
  });
});
