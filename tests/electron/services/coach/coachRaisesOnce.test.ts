import { describe, expect, it } from 'vitest';
import { createCoachService } from '../../../../electron/services/coach/coachService';
import { STORE_KINDS } from '../../../helpers/bothStores';
import { analysisResult, T0, upsetCustomer, watchedBus } from './coachOverStore';

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
    const result = analysisResult(messageId, conversationId);
    for (const { bus } of watched) bus.emit('analysis.result', result);
    for (const { bus } of watched) bus.emit('analysis.result', result);
    await Promise.all(watched.map(({ settled }) => settled()));
    const told = watched.flatMap(({ events }) => events.filter((event) => event.name === 'coach.prompts'));
    expect(told).toHaveLength(1);
    expect(told[0]!.name === 'coach.prompts' && told[0]!.payload.prompts.map((prompt) => prompt.id)).toEqual((await store.coachPrompts.listForMessage(messageId)).map((prompt) => prompt.id));
    for (const coach of coaches) coach.close();
  });
});
