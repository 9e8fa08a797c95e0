import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { Refusal } from '../../../../electron/services/common/refusal';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { UniqueViolation } from '../../../../electron/services/store/storeErrors';
import { DEFAULT_INBOX_VIEW } from '../../../../shared/contract/views';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const T0 = Date.UTC(2026, 2, 3, 10, 14);
const DAY = 86_400_000;

/** What a write refused for a key already stored rejects with: the typed conflict, never an internal fault. */
async function refusedAsConflict(write: Promise<unknown>) {
  const error = await write.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(UniqueViolation);
  expect(error).toBeInstanceOf(Refusal);
  expect((error as Refusal).kind).toBe('conflict');
  return error as UniqueViolation;
}

describe.each(STORE_KINDS)('writes another one got to first, on %s', (kind) => {
  it('a unique key stored already is a conflict (tags, people, saved views, request ids), whichever table', async () => {
    const { store } = await openTestStore(kind);
    await store.tags.create('Refund', null, T0);
    expect((await refusedAsConflict(store.tags.create('Refund', null, T0))).message).toMatch(/already exists\); nothing was changed/);
    const ana = await store.users.create({ name: 'Ana', email: 'ana@larkspur.example', role: 'agent' }, T0);
    await refusedAsConflict(store.users.create({ name: 'Ana again', email: 'ANA@larkspur.example', role: 'agent' }, T0));
    await store.savedViews.create(ana.id, 'Mine', DEFAULT_INBOX_VIEW, T0);
    await refusedAsConflict(store.savedViews.create(ana.id, 'MINE', DEFAULT_INBOX_VIEW, T0));
    await store.appliedRequests.record('req-1', { method: 'drafts.save', fingerprint: 'f', result: 'null' }, T0);
    await refusedAsConflict(store.appliedRequests.record('req-1', { method: 'drafts.save', fingerprint: 'f', result: 'null' }, T0));
  });

  it('inside a transaction the conflict undoes the whole of it, and the store goes on working', async () => {
    const { store } = await openTestStore(kind);
    await store.tags.create('Refund', null, T0);
    await refusedAsConflict(
      store.transaction(async () => {
        await store.settings.set('half', true);
        await store.tags.create('Refund', null, T0);
      }),
    );
    expect(await store.settings.get('half')).toBeUndefined();
    expect((await store.tags.create('Delivery', null, T0)).name).toBe('Delivery');
  });

  it('a follow-up closed by two people at once: one closes it, the other is told it is taken, and one close is logged', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const ingestion = createIngestionService(store, bus);
    await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, T0 - DAY);
    const { customerId } = await ingestion.ingest({
      channel: 'chat', customer: { displayName: 'Leo Marsh', identities: [{ kind: 'chat', value: 'leo' }] }, conversation: { externalRef: 'leo-1' },
      message: { author: 'customer', body: 'Where is my sofa?', sentAt: T0 - 60_000 },
    });
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => T0 });
    const caller = await api.deskCaller(null);
    const created = await api.call('followUps.create', { customerId, description: 'Call back', dueAt: T0 + DAY }, caller);
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    // both read it open before either closes it (as two consoles, or two server processes, may)
    const read = store.followUps.getById.bind(store.followUps);
    let reads = 0;
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    store.followUps.getById = async (followUpId) => {
      const found = await read(followUpId);
      if (++reads === 2) bothRead();
      if (reads <= 2) await barrier;
      return found;
    };
    const answers = await Promise.all([api.call('followUps.close', { id, status: 'done' }, caller), api.call('followUps.close', { id, status: 'cancelled' }, caller)]);
    store.followUps.getById = read;
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok)).toMatchObject([{ error: { code: 'conflict' } }]);
    const logged = await store.sessionEvents.listOfKind('follow-up.closed');
    expect(logged).toHaveLength(1);
    api.close();
  });
});
