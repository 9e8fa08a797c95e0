import type { Reading } from '../../../../shared/contract/analysis';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { createEventBus, type EventBus } from '../../../../electron/services/events/eventBus';
import { openTestStore, type STORE_KINDS } from '../../../helpers/bothStores';

/** The coach's tests over a real store: an upset customer's message, read, and a bus whose listeners can be waited for. */

export const T0 = Date.UTC(2026, 10, 23, 10, 0);
export const angry: Reading = {
  analyzer: 'model', modelId: 'ekman', modelVersion: 'v1', sentiment: -0.85, sentimentClass: 'negative',
  emotions: { anger: 0.86, neutral: 0.14 }, dominant: { emotion: 'anger', score: 0.86 }, labels: {}, words: 14, windows: 1, truncated: false,
};

/** A bus whose listeners' later work can be waited for (the coach reads the store after an event). */
export function watchedBus(): { bus: EventBus; settled: () => Promise<unknown>; events: KinshipEvent[] } {
  const bus = createEventBus();
  const pending: unknown[] = [];
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => void events.push(event));
  return {
    bus: { ...bus, emit: bus.emit, subscribe: (listener, options) => bus.subscribe((event, from) => { const later = listener(event, from); pending.push(later); return later; }, options) },
    settled: () => Promise.all(pending),
    events,
  };
}

/** An upset customer's message, read, in an open conversation that Priya answers. */
export async function upsetCustomer(kind: (typeof STORE_KINDS)[number]) {
  const { store } = await openTestStore(kind);
  const agent = await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, T0);
  const customerId = await store.customers.create('Sam Carter', T0);
  const conversationId = await store.conversations.create({
    customerId, channel: 'chat', status: 'open', subject: 'Missing parcel', queue: 'general', assigneeId: agent.id, externalRef: 'chat-sam', createdAt: T0,
  });
  const sentAt = T0 - 3 * 3_600_000;
  const messageId = (await store.messages.insert({
    conversationId, author: 'customer', authorName: 'Sam Carter', authorUserId: null, sentAt, createdAt: sentAt, externalId: null, dedupeKey: 'sam-1', meta: {},
    body: 'This is awful. My parcel is lost again and nobody has answered me. I am angry and disappointed.',
  }))!;
  await store.conversations.recordMessage(conversationId, messageId, sentAt, 'customer');
  await store.analyses.insert({ messageId, draftId: null, textHash: 'h', reading: angry, latencyMs: 3, createdAt: sentAt + 5 });
  return { store, customerId, conversationId, messageId };
}

/** What the analysis engine tells when it has read the message (the `angry` reading). */
export const analysisResult = (messageId: number, conversationId: number) => ({
  messageId, conversationId, draftId: null, analyzer: 'model' as const, modelId: 'ekman', sentiment: -0.85, sentimentClass: 'negative' as const, emotions: angry.emotions, dominant: angry.dominant, latencyMs: 3,
});
