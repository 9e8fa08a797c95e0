import { describe, expect, it } from 'vitest';
import { createConnectionService } from '../../../../electron/services/connection';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { customerMessage } from '../../../helpers/analysisHarness';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/**
 * Two server processes on one database: each keeps the explanations of the customers its consoles
 * look at. When the other process recomputes a customer's index (and tells the consoles), or changes
 * the workspace in bulk, or when what the others said may have been missed, the one kept here is not
 * what a console is shown next.
 */
describe.each(STORE_KINDS)('the connection index of two server processes on %s', (kind) => {
  it('shows the index another process recomputed, not the explanation kept here before', async () => {
    const { store } = await openTestStore(kind);
    let clock = NOW;
    const here = createEventBus();
    const there = createEventBus();
    const connectionHere = createConnectionService({ store, bus: here, now: () => clock });
    const connectionThere = createConnectionService({ store, bus: there, now: () => clock });
    try {
      const first = await createIngestionService(store, here).ingest(customerMessage('Where is my parcel?', { sentAt: NOW - 3_600_000 }), { notify: false });
      const customerId = first.customerId;
      const before = (await connectionHere.current(customerId))!;
      // kept: asked again, it is not computed again
      clock += 1_000;
      expect(await connectionHere.current(customerId)).toBe(before);

      // the other process stores a second conversation of theirs, recomputes their index, and says so
      clock += 1_000;
      await createIngestionService(store, there).ingest(customerMessage('Thank you, the parcel came', { sentAt: NOW }, 'email'), { notify: false });
      const recomputed = (await connectionThere.compute(customerId))!;
      here.receive('the other process', { name: 'connection.changed', payload: { customerIds: [customerId] } });
      const after = (await connectionHere.current(customerId))!;
      expect(after).toEqual(recomputed);
      expect(after.computedAt).toBeGreaterThan(before.computedAt);

      // a workspace changed in bulk by the other process: nothing kept here is shown again
      clock += 1_000;
      here.receive('the other process', { name: 'workspace.changed', payload: { reason: 'demo-loaded' } });
      expect((await connectionHere.current(customerId))!.computedAt).toBe(clock);
    } finally {
      connectionHere.close();
      connectionThere.close();
    }
  });

  it('shows the index again from the store once the team’s events may have been missed, not the explanation kept here', async () => {
    const { store } = await openTestStore(kind);
    let clock = NOW;
    const here = createEventBus();
    const there = createEventBus();
    const connectionHere = createConnectionService({ store, bus: here, now: () => clock });
    const connectionThere = createConnectionService({ store, bus: there, now: () => clock });
    try {
      const first = await createIngestionService(store, here).ingest(customerMessage('Where is my parcel?', { sentAt: NOW - 3_600_000 }), { notify: false });
      const customerId = first.customerId;
      const before = (await connectionHere.current(customerId))!;

      // the other process recomputes their index, but its word of it never comes here (the link dropped)
      clock += 1_000;
      await createIngestionService(store, there).ingest(customerMessage('Thank you, the parcel came', { sentAt: NOW }, 'email'), { notify: false });
      const recomputed = (await connectionThere.compute(customerId))!;
      expect(await connectionHere.current(customerId)).toBe(before);

      here.missed();
      const after = (await connectionHere.current(customerId))!;
      expect(after).toEqual(recomputed);
      expect(after.computedAt).toBeGreaterThan(before.computedAt);
    } finally {
      connectionHere.close();
      connectionThere.close();
    }
  });
});
