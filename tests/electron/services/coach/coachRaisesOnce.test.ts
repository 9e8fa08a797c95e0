import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../../shared/contract/analysis';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { createCoachService } from '../../../../electron/services/coach/coachService';
import { createEventBus, type EventBus } from '../../../../electron/services/events/eventBus';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const T0 = Date.UTC(2026, 10, 23, 10, 0);
const angry: Reading = {
  analyzer: 'model', modelId: 'ekman', modelVersion: 'v1', sentiment: -0.85, sentimentClass: 'negative',
  emotions: { anger: 0.86, neutral: 0.14 }, dominant: { emotion: 'anger', score: 0.86 }, labels: {}, words: 14, windows: 1, truncated: false,
};

/** A bus whose listeners' later work can be waited for (the coach reads the store after an event). */
function watchedBus(): { bus: EventBus; settled: () => Promise<unknown>; events: KinshipEvent[] } {
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
async function upsetCustomer(kind: (typeof STORE_KINDS)[number]) {
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
  return { store, conversationId, messageId };
}

describe.each(STORE_KINDS)('the coach on %s', (kind) => {
  it('raises a message’s prompts once when two readings (two server processes) raise them at the same moment', async () => {
    const { store, conversationId, messageId } = await upsetCustomer(kind);
    const one = watchedBus();
    const other = watchedBus();
    // two coaches over one database, as two server processes have
    const coaches = [one, other].map(({ bus }) => createCoachService({ store, bus, now: () => T0, templates: () => [] }));
    const answers = await Promise.all([coaches[0]!.prompts(conversationId), coaches[1]!.prompts(conversationId), coaches[0]!.prompts(conversationId), coaches[1]!.prompts(conversationId)]);

    const stored = await store.coachPrompts.listForMessage(messageId);
    expect(stored.length).toBeGreaterThan(0);
    // one prompt per rule, one 'shown' each, and every caller answered with the same ones
    expect(new Set(stored.map((prompt) => prompt.ruleId)).size).toBe(stored.length);
    const shown = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'prompt.shown');
    expect(shown.map((event) => event.payload.promptId).sort()).toEqual(stored.map((prompt) => prompt.id).sort());
    for (const answer of answers) expect(answer.map((prompt) => prompt.id)).toEqual(stored.map((prompt) => prompt.id));
    for (const coach of coaches) coach.close();
  });

  it('tells the console once when the same message is read twice at once', async () => {
    const { store, conversationId, messageId } = await upsetCustomer(kind);
    const watched = [watchedBus(), watchedBus()];
    const coaches = watched.map(({ bus }) => createCoachService({ store, bus, now: () => T0, templates: () => [] }));
    const result = { messageId, conversationId, draftId: null, analyzer: 'model' as const, modelId: 'ekman', sentiment: -0.85, sentimentClass: 'negative' as const, emotions: angry.emotions, dominant: angry.dominant, latencyMs: 3 };
    for (const { bus } of watched) bus.emit('analysis.result', result);
    for (const { bus } of watched) bus.emit('analysis.result', result);
    await Promise.all(watched.map(({ settled }) => settled()));
    const told = watched.flatMap(({ events }) => events.filter((event) => event.name === 'coach.prompts'));
    expect(told).toHaveLength(1);
    expect(told[0]!.name === 'coach.prompts' && told[0]!.payload.prompts.map((prompt) => prompt.id)).toEqual((await store.coachPrompts.listForMessage(messageId)).map((prompt) => prompt.id));
    for (const coach of coaches) coach.close();
  });
});
