import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { manualScheduler, runUntilSettled } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';
import { ok, sendAnyway } from '../../../helpers/callApi';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0);

async function setup() {
  const store = await testStore();
  const bus = createEventBus();
  const ingestion = createIngestionService(store, bus);
  await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW - DAY);
  const { customerId, conversationId } = await ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Leo Marsh', identities: [{ kind: 'chat', value: 'leo' }] },
    conversation: { externalRef: 'leo-1' },
    message: { author: 'customer', body: 'Where is my sofa?', sentAt: NOW - 60_000 },
  });
  const scheduler = manualScheduler();
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW, scheduler });
  return { api, store, scheduler, customerId, conversationId };
}

describe('times in follow-ups', () => {
  it('refuses a due time outside the contract’s range or in the past, and stores nothing', async () => {
    const { api, store, customerId } = await setup();
    for (const dueAt of [2 ** 53 - 1, Date.UTC(2100, 0, 1), 1.5e12 + 0.5, -1, 0]) {
      expect(await api.call('followUps.create', { customerId, description: 'Call back', dueAt }, await api.deskCaller(null)), String(dueAt)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'dueAt' }] } });
    }
    const past = await api.call('followUps.create', { customerId, description: 'Call back', dueAt: NOW - DAY }, await api.deskCaller(null));
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'A follow-up must be due from now on, not in the past.', issues: [{ path: 'dueAt' }] } });
    expect(await store.followUps.listForCustomer(customerId)).toEqual([]);
    // a minute or two late (the time it took to type) is still now
    await ok(api, 'followUps.create', { customerId, description: 'Call back', dueAt: NOW - 2 * 60_000 });
    await ok(api, 'followUps.create', { customerId, description: 'Renew the warranty', dueAt: Date.UTC(2099, 0, 1) });
    expect(await store.followUps.listForCustomer(customerId)).toHaveLength(2);
    api.close();
  });

  it('offers no follow-up for a promise beyond the horizon, and the index stays computable', async () => {
    const { api, scheduler, customerId, conversationId } = await setup();
    for (const body of ['I’ll call you back in 145000000000 minutes.', 'We will refund you within 99999999 days.', 'We will refund you within 99999999 working days.']) {
      const sent = await sendAnyway(api, { conversationId, kind: 'reply', body });
      expect(await api.call('followUps.detect', { messageId: sent.id }, await api.deskCaller(null)), body).toEqual({ ok: true, value: [] });
    }
    await runUntilSettled(scheduler, async () => (await ok(api, 'workspace.background', {})).index.settled);
    expect((await ok(api, 'customers.connection', { id: customerId })).customerId).toBe(customerId);
    expect((await ok(api, 'workspace.background', {})).index).toEqual({ pending: 0, failed: 0, settled: true });
    api.close();
  });
});
