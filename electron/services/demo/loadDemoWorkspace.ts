import { ApiError } from '../../../shared/contract/errors';
import type { EventBus } from '../events/eventBus';
import type { IngestionService } from '../ingestion/ingestionService';
import type { Store } from '../store/store';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from './generateDemoWorkspace';

export interface LoadDemoOptions {
  store: Store;
  ingestion: IngestionService;
  bus: EventBus;
  seed?: number | undefined;
  now: number;
}

/**
 * Fills an empty workspace with the generated demo (users, customers, a year of conversations),
 * through the same ingestion path every connector uses. Refuses a workspace that has data.
 */
export async function loadDemoWorkspace({ store, ingestion, bus, seed, now }: LoadDemoOptions) {
  const started = performance.now();
  const existing = Object.values(store.conversations.countByChannel()).reduce((sum, n) => sum + n, 0);
  if (existing > 0) {
    throw new ApiError('conflict', 'This workspace already has conversations; the demo is only loaded into an empty one.');
  }
  const demo = generateDemoWorkspace({ seed: seed ?? DEFAULT_DEMO_SEED, now });
  store.transaction(() => {
    for (const user of demo.users) store.users.ensure(user, now);
  });
  const label = 'Loading the demo workspace';
  bus.emit('progress', { task: 'demo.load', label, done: 0, total: demo.messages.length });
  const results = await ingestion.ingestMany(demo.messages, {
    notify: false,
    now: () => now,
    onProgress: (done, total) => bus.emit('progress', { task: 'demo.load', label, done, total }),
  });
  store.sessionEvents.append({
    at: now,
    kind: 'workspace.demo-loaded',
    conversationId: null,
    messageId: null,
    userId: null,
    payload: { seed: seed ?? DEFAULT_DEMO_SEED, messages: results.length },
  });
  bus.emit('workspace.changed', { reason: 'demo-loaded' });
  return {
    customers: new Set(results.map((r) => r.customerId)).size,
    conversations: new Set(results.map((r) => r.conversationId)).size,
    messages: results.filter((r) => r.created).length,
    durationMs: Math.round(performance.now() - started),
  };
}
