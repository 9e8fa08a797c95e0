import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { CALL_OUTCOMES } from '../../../../shared/contract/callOutcomes';
import { CALL_DISPOSITIONS } from '../../../../shared/contract/domain';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';
import { ok } from '../../../helpers/callApi';

const DAY = 86_400_000;
/** Monday 23 November 2026, 12:00 UTC (12:00 in London, 07:00 in New York). */
const NOW = Date.UTC(2026, 10, 23, 12, 0);

async function setup(status: 'open' | 'resolved' = 'resolved') {
  const store = await testStore();
  const bus = createEventBus();
  const ingestion = createIngestionService(store, bus);
  await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW - DAY);
  const { customerId, conversationId } = await ingestion.ingest({
    channel: 'voice',
    customer: { displayName: 'Finn Byrne', identities: [{ kind: 'phone', value: '+441632960001' }] },
    conversation: { externalRef: 'finn-1', status },
    message: { author: 'customer', body: 'Voicemail: please call me about my order', sentAt: NOW - 60 * 60_000 },
  });
  const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW, scheduler: manualScheduler() });
  return { api, store, customerId, conversationId };
}

describe('what a call’s disposition implies', () => {
  it('is one table: the status each ending sets and the follow-up it promises', () => {
    const implied = Object.fromEntries(CALL_DISPOSITIONS.map((d) => [d, { status: CALL_OUTCOMES[d].status, followUp: CALL_OUTCOMES[d].followUp?.defaultDue ?? null }]));
    expect(implied).toEqual({
      resolved: { status: 'resolved', followUp: null },
      'follow-up': { status: 'open', followUp: 'next-working-day-end' },
      'call-back': { status: 'open', followUp: 'next-working-morning' },
      escalated: { status: 'open', followUp: null },
      'no-answer': { status: 'open', followUp: 'in-two-hours' },
    });
  });

  it.each(CALL_DISPOSITIONS)('ending a call as %s sets the status the table says and offers its follow-up', async (disposition) => {
    const { api, conversationId } = await setup('resolved');
    await ok(api, 'calls.start', { conversationId });
    const ended = await ok(api, 'calls.end', { conversationId, disposition, summary: '', timeZone: 'Europe/London' });
    expect(ended.status).toBe(CALL_OUTCOMES[disposition].status);
    expect((await ok(api, 'conversations.get', { id: conversationId })).conversation.status).toBe(CALL_OUTCOMES[disposition].status);
    expect(ended.followUp?.description ?? null).toBe(CALL_OUTCOMES[disposition].followUp?.description ?? null);
  });
});

describe('calls.end with a wrap-up that promises a call back', () => {
  it('offers a follow-up at the time the wrap-up names, in the agent’s time zone, and writes none until accepted', async () => {
    const { api, store, customerId, conversationId } = await setup('open');
    await ok(api, 'calls.start', { conversationId });
    const ended = await ok(api, 'calls.end', { conversationId, disposition: 'call-back', summary: 'Parcel lost in transit. Call Finn back on Tuesday at 2pm', timeZone: 'Europe/London' });
    expect(ended.status).toBe('open');
    expect(ended.followUp).toMatchObject({
      customerId,
      conversationId,
      description: 'Call Finn back',
      dueAt: Date.UTC(2026, 10, 24, 14, 0),
      excerpt: 'Call Finn back on Tuesday at 2pm',
      timeSaid: true,
    });
    const thread = await ok(api, 'conversations.get', { id: conversationId });
    expect(thread.messages.find((m) => m.id === ended.followUp!.messageId)).toMatchObject({ author: 'note', body: 'Wrap-up: Parcel lost in transit. Call Finn back on Tuesday at 2pm' });
    // offered, not made: the agent confirms it
    expect(await store.followUps.listForCustomer(customerId)).toEqual([]);
    const { customerId: c, conversationId: v, messageId, description, dueAt } = ended.followUp!;
    await ok(api, 'followUps.create', { customerId: c, conversationId: v, messageId, description, dueAt });
    expect(await store.followUps.listForCustomer(customerId)).toMatchObject([{ description: 'Call Finn back', dueAt: Date.UTC(2026, 10, 24, 14, 0), status: 'open' }]);
  });

  it('reads "Tuesday at 2pm" on the agent’s own clock', async () => {
    const { api, conversationId } = await setup('open');
    await ok(api, 'calls.start', { conversationId });
    const ended = await ok(api, 'calls.end', { conversationId, disposition: 'call-back', summary: 'Tuesday 2pm: call back with the courier’s answer.', timeZone: 'America/New_York' });
    expect(ended.followUp).toMatchObject({ description: 'Call back with the courier’s answer', dueAt: Date.UTC(2026, 10, 24, 19, 0), timeSaid: true });
  });

  it('offers the disposition’s own follow-up at its default time when the wrap-up names none', async () => {
    const { api, conversationId } = await setup('open');
    await ok(api, 'calls.start', { conversationId });
    const ended = await ok(api, 'calls.end', { conversationId, disposition: 'call-back', summary: 'Wants to talk it over with her partner first.', timeZone: 'Europe/London' });
    // the next working day at 10:00
    expect(ended.followUp).toMatchObject({ description: 'Call the customer back', dueAt: Date.UTC(2026, 10, 24, 10, 0), timeSaid: false });
  });

  it('keeps "follow-up needed" in open work though the conversation was resolved, and logs the change', async () => {
    const { api, store, conversationId } = await setup('resolved');
    await ok(api, 'calls.start', { conversationId });
    const ended = await ok(api, 'calls.end', { conversationId, disposition: 'follow-up', summary: '', timeZone: 'Europe/London' });
    expect(ended).toMatchObject({ status: 'open', followUp: { description: 'Follow up with the customer', dueAt: Date.UTC(2026, 10, 24, 17, 0), timeSaid: false } });
    expect((await store.sessionEvents.listForConversation(conversationId)).filter((e) => e.kind === 'status.changed').map((e) => e.payload)).toEqual([{ from: 'resolved', to: 'open' }]);
  });

  it('refuses a time zone it does not know, and ends nothing', async () => {
    const { api, conversationId } = await setup('open');
    await ok(api, 'calls.start', { conversationId });
    expect(await api.call('calls.end', { conversationId, disposition: 'call-back', summary: '', timeZone: 'Mars/Olympus' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'timeZone' }] } });
    expect((await ok(api, 'conversations.get', { id: conversationId })).activeCallStartedAt).toBe(NOW);
  });
});
