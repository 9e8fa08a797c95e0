import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * Events raised inside a store transaction are announced only once it has committed (never if it
 * rolls back), and listeners run outside the writer's transaction: what a listener reads or writes
 * is its own, never part of (or lost with) the write that raised the event.
 */
describe.each(STORE_KINDS)('events and transactions on %s', (kind) => {
  it('delivers an event raised inside a transaction only after the commit, outside the transaction', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const heard: { event: KinshipEvent; inTransaction: boolean; saw: unknown }[] = [];
    bus.subscribe(async (event) => {
      const inTransaction = store.inTransaction();
      heard.push({ event, inTransaction, saw: await store.settings.get('written') });
    });
    let heardBeforeCommit = -1;
    await store.transaction(async () => {
      await store.settings.set('written', 'yes');
      bus.emit('workspace.changed', { reason: 'started-empty' });
      heardBeforeCommit = heard.length;
    });
    expect(heardBeforeCommit).toBe(0);
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toMatchObject({ event: { name: 'workspace.changed' }, inTransaction: false, saw: 'yes' });
  });

  it('never delivers an event raised inside a transaction that rolls back', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const heard: KinshipEvent[] = [];
    bus.subscribe((event) => void heard.push(event));
    await expect(
      store.transaction(async () => {
        await store.settings.set('written', 'yes');
        bus.emit('workspace.changed', { reason: 'started-empty' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.settings.get('written')).toBeUndefined();
    // a later committed write's event is heard: the rolled-back one was dropped, not delayed
    await store.transaction(async () => bus.emit('workspace.changed', { reason: 'demo-loaded' }));
    expect(heard.map((event) => event.name === 'workspace.changed' && event.payload.reason)).toEqual(['demo-loaded']);
  });

  it('delivers in the order raised, after the outermost of nested transactions commits', async () => {
    const { store } = await openTestStore(kind);
    const bus = createEventBus();
    const heard: string[] = [];
    bus.subscribe((event) => void heard.push(event.name === 'workspace.changed' ? event.payload.reason : event.name));
    let afterInner = -1;
    await store.transaction(async () => {
      bus.emit('workspace.changed', { reason: 'started-empty' });
      await store.transaction(async () => bus.emit('workspace.changed', { reason: 'demo-loaded' }));
      afterInner = heard.length;
    });
    expect(afterInner).toBe(0);
    expect(heard).toEqual(['started-empty', 'demo-loaded']);
  });
});
