import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { manualScheduler, runUntilSettled } from '../../../helpers/manualScheduler';
import { ok, sendAnyway } from '../../../helpers/callApi';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0);

const changedFor = (events: KinshipEvent[], customerId: number) =>
  events.some((event) => event.name === 'connection.changed' && event.payload.customerIds.includes(customerId));

/** The index over a real workspace: messages through ingestion, read by the engine (lexicon), follow-ups through the api. */
describe('the connection index at work', () => {
  it('counts a complaint left unanswered, recovers when it is answered, and keeps the Customers page current', async () => {
    const { store, bus, ingestion, events, engine } = await startAnalysis({ models: [] });
    await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW - 400 * DAY);
    let clock = NOW;
    const scheduler = manualScheduler();
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => clock, scheduler });
    const message = (author: 'customer' | 'agent', body: string, at: number) =>
      ingestion.ingest({
        channel: 'email',
        customer: { displayName: 'Nadia Brooks', identities: [{ kind: 'email', value: 'nadia@example.com' }] },
        conversation: { externalRef: 'nadia-1', subject: 'Broken lamp' },
        message: { author, body, sentAt: at, externalId: `${author}-${at}`, ...(author === 'agent' ? { authorName: 'Priya Shah' } : {}) },
      });
    const complaint = await message('customer', 'This is terrible. The lamp arrived broken and I am very angry and disappointed.', NOW - 6 * DAY);
    // the message is read (live), then the index's timers run: no waiting on the clock
    await engine.readMessage(complaint.messageId);
    expect(changedFor(events, complaint.customerId)).toBe(false);
    await runUntilSettled(scheduler, () => changedFor(events, complaint.customerId));

    const ignored = await ok(api, 'customers.connection', { id: complaint.customerId });
    expect(ignored.stage).toBe('at-risk');
    const unanswered = ignored.contributions.find((item) => item.kind === 'unanswered');
    expect(unanswered?.points).toBeLessThan(-5);
    expect(unanswered?.label).toMatch(/unanswered for (5|6) days/);
    expect(ignored.risks.join(' ')).toMatch(/still unanswered after 6 days/);
    const page = await ok(api, 'customers.list', { stage: 'at-risk' });
    expect(page.items.map((row) => row.customerId)).toEqual([complaint.customerId]);
    expect(page.byStage['at-risk']).toBe(1);

    // answered (late) and a promise made and kept: the index rises, the risk is gone
    await message('agent', 'Nadia, I am so sorry. A new lamp is on its way and will be with you by Friday.', NOW - 1 * DAY);
    const followUp = await ok(api, 'followUps.create', { customerId: complaint.customerId, conversationId: complaint.conversationId, description: 'Check the new lamp arrived', dueAt: NOW + DAY });
    clock = NOW + 2 * 3_600_000;
    await ok(api, 'followUps.close', { id: followUp.id, status: 'done' });
    const answered = await ok(api, 'customers.connection', { id: complaint.customerId });
    expect(answered.score).toBeGreaterThan(ignored.score);
    expect(answered.contributions.map((item) => item.kind)).toContain('promise-kept');
    // the complaint is no longer open; what stays is the fall the late answer cost
    expect(answered.risks.join(' ')).not.toMatch(/unanswered/);
    expect(await api.call('followUps.close', { id: followUp.id, status: 'cancelled' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const log = (await store.sessionEvents.listForConversation(complaint.conversationId)).map((event) => event.kind);
    expect(log).toEqual(expect.arrayContaining(['follow-up.added', 'follow-up.closed']));
    api.close();
  });

  it('offers the promises in a sent reply as follow-ups, once', async () => {
    const { store, bus, ingestion } = await startAnalysis({ models: [] });
    await store.users.create({ name: 'Priya Shah', email: 'priya@kinship.example', role: 'agent' }, NOW - DAY);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW });
    const { conversationId, customerId } = await ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Leo Marsh', identities: [{ kind: 'chat', value: 'leo' }] },
      conversation: { externalRef: 'leo-1' },
      message: { author: 'customer', body: 'Where is my sofa?', sentAt: NOW - 60_000 },
    });
    const sent = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hi Leo, I’ll call you back tomorrow with the delivery slot.' });
    const offers = await ok(api, 'followUps.detect', { messageId: sent.id });
    expect(offers).toHaveLength(1);
    expect(offers[0]!.dueAt).toBeGreaterThan(NOW);
    expect(offers[0]!.dueAt).toBeLessThan(NOW + 2 * DAY);
    await ok(api, 'followUps.create', { customerId, conversationId, messageId: sent.id, description: offers[0]!.description, dueAt: offers[0]!.dueAt });
    expect(await ok(api, 'followUps.detect', { messageId: sent.id })).toEqual([]);
    expect(await api.call('followUps.create', { customerId, conversationId, messageId: sent.id, description: offers[0]!.description, dueAt: offers[0]!.dueAt }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.call('followUps.create', { customerId: customerId + 50, description: 'x', dueAt: NOW }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const profile = await ok(api, 'customers.profile', { id: customerId });
    expect(profile.followUps.map((item) => item.description)).toEqual([offers[0]!.description]);
    api.close();
  });
});
