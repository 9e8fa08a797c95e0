import { Refusal } from '../common/refusal';
import { createConversationActions } from '../conversations';
import type { EventBus } from '../events/eventBus';
import type { IngestionService } from '../ingestion';
import type { Store } from '../store/store';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from './generateDemoWorkspace';
import { seedDemoTeams } from './seedDemoTeams';

export interface LoadDemoOptions {
  store: Store;
  ingestion: IngestionService;
  bus: EventBus;
  seed?: number | undefined;
  now: number;
}

/** The setting that says a demo load began and has not finished: what to generate again to finish it. */
const UNFINISHED_SETTING = 'demo.unfinished';

interface UnfinishedDemo {
  seed: number;
  now: number;
}

/** A demo load that began and never finished (the host was killed): the seed and time to resume it with. */
export async function unfinishedDemo(store: Store): Promise<UnfinishedDemo | null> {
  return await store.settings.get<UnfinishedDemo | null>(UNFINISHED_SETTING) ?? null;
}

/**
 * Fills an empty workspace with the generated demo (users, customers, a year of conversations, the
 * staff's teams and the open conversations in their queues), through the same ingestion path every
 * connector uses. Refuses a workspace that has conversations, unless they are a demo load that was
 * cut short: then it finishes that load. Teams it has already are kept (see seedDemoTeams).
 *
 * Why resumable rather than one transaction: the load takes ~0.7 s of SQLite work on a desk machine
 * (2,546 messages), and one synchronous transaction would hold every other call for all of it. A
 * transaction left open across event-loop turns (explicit BEGIN … COMMIT between chunks) is not
 * safe either: the store has one connection, so any other call's write in between would join the
 * demo's transaction and be lost with it on a crash, after it was acknowledged. So the load writes
 * in chunks (each one transaction, yielding between them), and the first transaction records
 * "demo unfinished" with the seed and the time it was generated for. The demo is deterministic and
 * ingestion drops messages it already holds, so generating it again and ingesting it all completes
 * exactly the workspace an uninterrupted load makes. The last transaction puts in the teams (found by
 * name, so never made twice), logs the load and clears the mark, together. The host resumes an
 * unfinished load when it starts (see createApi).
 */
export async function loadDemoWorkspace({ store, ingestion, bus, seed, now }: LoadDemoOptions) {
  const started = performance.now();
  const resuming = await unfinishedDemo(store);
  if (!resuming) {
    const existing = Object.values(await store.conversations.countByChannel()).reduce((sum, n) => sum + n, 0);
    if (existing > 0) {
      throw new Refusal('conflict', 'This workspace already has conversations; the demo is only loaded into an empty one.');
    }
  }
  const plan: UnfinishedDemo = resuming ?? { seed: seed ?? DEFAULT_DEMO_SEED, now };
  const demo = generateDemoWorkspace(plan);
  await store.transaction(async () => {
    for (const user of demo.users) await store.users.ensure(user, plan.now);
    await store.settings.set(UNFINISHED_SETTING, plan);
  });
  const label = (resuming ? 'Finishing the demo workspace' : 'Loading the demo workspace');
  bus.emit('progress', { task: 'demo.load', label, done: 0, total: demo.messages.length });
  const results = await ingestion.ingestMany(demo.messages, {
    notify: false,
    now: () => plan.now,
    onProgress: (done, total) => bus.emit('progress', { task: 'demo.load', label, done, total }),
  });
  const conversationIds = new Map(demo.messages.map((item, index) => [item.conversation.externalRef ?? '', results[index]!.conversationId]));
  await store.transaction(async () => {
    // given to their teams as the console assigns (and logs) one, at the demo's time
    const { assign } = createConversationActions(store, ingestion, () => plan.now);
    await seedDemoTeams(store, demo.teams, conversationIds, plan.now, assign);
    await store.sessionEvents.append({
      at: plan.now,
      kind: 'workspace.demo-loaded',
      conversationId: null,
      messageId: null,
      userId: null,
      payload: { seed: plan.seed, messages: results.length, ...(resuming ? { resumed: true } : {}) },
    });
    await store.settings.set(UNFINISHED_SETTING, null);
  });
  bus.emit('workspace.changed', { reason: 'demo-loaded' });
  return {
    customers: new Set(results.map((r) => r.customerId)).size,
    conversations: new Set(results.map((r) => r.conversationId)).size,
    // every message of the demo is in the workspace now, whether this call or an earlier one stored it
    messages: results.length,
    durationMs: Math.round(performance.now() - started),
  };
}
