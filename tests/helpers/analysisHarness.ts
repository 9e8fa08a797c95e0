import path from 'node:path';
import { afterEach } from 'vitest';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisEngineOptions } from '../../electron/services/analysis/analysisEngine';
import type { ModelLocation } from '../../electron/services/analysis/models/findModels';
import { createEventBus } from '../../electron/services/events/eventBus';
import { createIngestionService } from '../../electron/services/ingestion/ingestionService';
import { openSqliteStore, type Store } from '../../electron/services/store/store';
import type { KinshipEvent } from '../../shared/contract/events';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { BUILT_WORKER, SHARED_MODELS_DIR } from './analysisFixtures';
import { tempDir } from './tempDir';

const running: { engine: AnalysisEngine; store: Store }[] = [];

afterEach(async () => {
  while (running.length) {
    const { engine, store } = running.pop()!;
    await engine.close();
    try {
      await store.close();
    } catch {
      // closed by the test
    }
  }
});

/** A real workspace file, the real worker and the shared models (unless told otherwise). */
export async function startAnalysis(options: { dir?: string; models?: ModelLocation[]; engine?: Partial<AnalysisEngineOptions>; start?: boolean } = {}) {
  const dir = options.dir ?? tempDir();
  const store = await openSqliteStore(path.join(dir, 'kinship.sqlite'));
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const ingestion = createIngestionService(store, bus);
  const engine = createAnalysisEngine({
    store,
    bus,
    locations: () => options.models ?? [{ dir: SHARED_MODELS_DIR, source: 'models folder' }],
    workerUrl: BUILT_WORKER,
    ...options.engine,
  });
  running.push({ engine, store });
  if (options.start ?? true) await engine.start();
  return { dir, store, bus, events, ingestion, engine };
}

let counter = 0;
export function customerMessage(body: string, extra: Partial<IngestMessage['message']> = {}, channel: IngestMessage['channel'] = 'chat'): IngestMessage {
  counter += 1;
  return {
    channel,
    customer: { displayName: 'Test Customer', identities: [{ kind: 'chat', value: 'test-customer' }] },
    conversation: { externalRef: `t-${channel}` },
    message: { author: 'customer', body, sentAt: Date.UTC(2026, 10, 1) + counter, externalId: `m-${counter}`, ...extra },
  };
}
