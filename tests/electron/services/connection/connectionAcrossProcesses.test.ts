import { describe, expect, it } from 'vitest';
import { createConnectionService, type ConnectionService } from '../../../../electron/services/connection';
import { createEventBus, type EventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { customerMessage } from '../../../helpers/analysisHarness';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import type { ConnectionIndex } from '../../../../shared/contract/connection';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/**
 * Two server processes on one database: each keeps the explanations of the customers its consoles
 * look at. When the other process recomputes a customer's index (and tells the consoles), or changes
 * the workspace in bulk, or when what the others said may have been missed, the one kept here is not
 * what a console is shown next.
 */
/** What a test sees of two processes on one store: this one's bus and service, and a customer whose explanation is kept here. */
interface TwoProcesses {
  here: EventBus;
  connectionHere: ConnectionService;
  customerId: number;
  /** The explanation kept here, made when the test began. */
  before: ConnectionIndex;
  /** Moves the clock on a second; returns the time now. */
  tick(): number;
  /** The other process stores a second conversation of the customer's and recomputes their index (telling nobody here). */
  theyRecompute(): Promise<ConnectionIndex>;
}

async function withTwoProcesses(kind: StoreKind, test: (processes: TwoProcesses) => Promise<void>): Promise<void> {
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
    await test({
      here,
      connectionHere,
      customerId,
      before,
      tick: () => (clock += 1_000),
      theyRecompute: async () => {
        await createIngestionService(store, there).ingest(customerMessage('Thank you, the parcel came', { sentAt: NOW }, 'email'), { notify: false });
        return (await connectionThere.compute(customerId))!;
      },
    });
  } finally {
    connectionHere.close();
    connectionThere.close();
  }
}

describe.each(STORE_KINDS)('the connection index of two server processes on %s', (kind) => {
  it('shows the index another process recomputed, not the explanation kept here before', () =>
    withTwoProcesses(kind, async ({ here, connectionHere, customerId, before, tick, theyRecompute }) => {
      // kept: asked again, it is not computed again
      tick();
      expect(await connectionHere.current(customerId)).toBe(before);

      // the other process stores a second conversation of theirs, recomputes their index, and says so
      tick();
      const recomputed = await theyRecompute();
      here.receive('the other process', { name: 'connection.changed', payload: { customerIds: [customerId] } });
      const after = (await connectionHere.current(customerId))!;
      expect(after).toEqual(recomputed);
      expect(after.computedAt).toBeGreaterThan(before.computedAt);

      // a workspace changed in bulk by the other process: nothing kept here is shown again
      const now = tick();
      here.receive('the other process', { name: 'workspace.changed', payload: { reason: 'demo-loaded' } });
      expect((await connectionHere.current(customerId))!.computedAt).toBe(now);
    }));

  it('shows the index again from the store once the team’s events may have been missed, not the explanation kept here', () =>
    withTwoProcesses(kind, async ({ here, connectionHere, customerId, before, tick, theyRecompute }) => {
      // the other process recomputes their index, but its word of it never comes here (the link dropped)
      tick();
      const recomputed = await theyRecompute();
      expect(await connectionHere.current(customerId)).toBe(before);

      here.missed();
      const after = (await connectionHere.current(customerId))!;
      expect(after).toEqual(recomputed);
      expect(after.computedAt).toBeGreaterThan(before.computedAt);
    }));
});
