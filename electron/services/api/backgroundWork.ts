import type { BackgroundWork } from '../../../shared/contract/background';
import type { AnalysisEngine } from '../analysis';
import type { ConnectionService } from '../connection';
import type { EventBus } from '../events/eventBus';

interface BackgroundWorkOptions {
  bus: EventBus;
  /** Null when nothing is analysed (no workspace): nothing to wait for. */
  analysis: () => AnalysisEngine | null;
  connection: ConnectionService | null;
}

/**
 * Whether the host's background work has settled, from the analysis engine's status (models ready,
 * backlog read) and the connection index's sweep; tells the console ('workspace.background') when
 * it starts or settles, and as the backlog moves on (the engine reports that a few times a second).
 */
export function createBackgroundWork({ bus, analysis, connection }: BackgroundWorkOptions) {
  function snapshot(): BackgroundWork {
    const engine = analysis();
    let reading: BackgroundWork['analysis'] = { queued: 0, done: 0, total: 0, settled: true };
    if (engine) {
      const status = engine.status();
      const { done, total } = status.backlog;
      reading = { queued: Math.max(0, total - done), done, total, settled: status.state === 'ready' && done >= total };
    }
    const index: BackgroundWork['index'] = connection ? connection.sweepState() : { pending: 0, failed: 0, settled: true };
    return { analysis: reading, index, settled: reading.settled && index.settled };
  }

  let last = '';
  function check(): void {
    const now = snapshot();
    // the sweep's pending count moves with every slice: the console hears of starts, ends and backlog progress
    const key = JSON.stringify([now.analysis, now.index.settled, now.index.failed]);
    if (key === last) return;
    last = key;
    bus.emit('workspace.background', now);
  }

  const unsubscribe = bus.subscribe((event) => {
    if ((event.name === 'progress' && event.payload.task === 'analysis.backlog') || event.name === 'analysis.status') check();
  });
  const unwatch = connection?.onSweepChange(check);

  return {
    snapshot,
    close(): void {
      unsubscribe();
      unwatch?.();
    },
  };
}

export type BackgroundWorkMonitor = ReturnType<typeof createBackgroundWork>;
