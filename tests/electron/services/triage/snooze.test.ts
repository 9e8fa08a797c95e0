import { describe, expect, it, vi } from 'vitest';
import { ok, sendAnyway } from '../../../helpers/callApi';
import { DAY, HOUR, MINUTE, NOW, triageWorkspace } from './triageFixture';

describe('snoozing a conversation until a time', () => {
  it('leaves open work and comes back open and unread, with an entry in the log, when the time comes', async () => {
    const { api, store, scheduler, write, events } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - 10 * MINUTE);
    await ok(api, 'conversations.markRead', { id });
    expect((await ok(api, 'conversations.list', { status: 'active' })).items.map((item) => item.id)).toEqual([id]);

    const snoozed = await ok(api, 'conversations.snooze', { id, until: NOW + HOUR });
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: NOW + HOUR, responseClock: null });
    expect((await ok(api, 'conversations.list', { status: 'active' })).items).toEqual([]);
    expect((await ok(api, 'conversations.list', { status: 'snoozed' })).items.map((item) => item.id)).toEqual([id]);
    expect((await store.sessionEvents.listForConversation(id)).map((event) => event.kind)).toEqual(expect.arrayContaining(['snooze.set', 'status.changed']));

    await scheduler.advanceAsync(HOUR - 1);
    expect((await ok(api, 'conversations.get', { id })).conversation.status).toBe('snoozed');
    await scheduler.advanceAsync(1);
    await vi.waitFor(() => expect(events.some((event) => event.name === 'conversation.changed' && event.payload.reason === 'snooze-ended')).toBe(true), { timeout: 60_000, interval: 5 });
    const back = (await ok(api, 'conversations.get', { id })).conversation;
    expect(back).toMatchObject({ status: 'open', unread: true, snoozedUntil: null });
    expect((await ok(api, 'conversations.list', { status: 'active' })).items.map((item) => item.id)).toEqual([id]);
    expect((await store.sessionEvents.listForConversation(id)).filter((event) => event.kind === 'snooze.ended')).toEqual([
      expect.objectContaining({ at: NOW + HOUR, payload: { reason: 'time', until: NOW + HOUR } }),
    ]);
    expect(events.filter((event) => event.name === 'conversation.changed').map((event) => event.payload)).toEqual([
      { conversationId: id, reason: 'snoozed' },
      { conversationId: id, reason: 'snooze-ended' },
    ]);
    api.close();
  });

  it('wakes each of several snoozes at its own time, an earlier one moving the timer forward', async () => {
    const { api, scheduler, write, events } = await triageWorkspace();
    const later = await write('a1', 'customer', NOW - MINUTE);
    const sooner = await write('b2', 'customer', NOW - MINUTE);
    await ok(api, 'conversations.snooze', { id: later, until: NOW + 3 * DAY });
    await ok(api, 'conversations.snooze', { id: sooner, until: NOW + 2 * HOUR });
    // the timer's wake is its own write: it is done when it says so
    const woken = (id: number) => events.some((event) => event.name === 'conversation.changed' && event.payload.conversationId === id && event.payload.reason === 'snooze-ended');
    await scheduler.advanceAsync(2 * HOUR);
    await vi.waitFor(() => expect(woken(sooner)).toBe(true), { timeout: 60_000, interval: 5 });
    expect((await ok(api, 'conversations.get', { id: sooner })).conversation.status).toBe('open');
    expect((await ok(api, 'conversations.get', { id: later })).conversation.status).toBe('snoozed');
    await scheduler.advanceAsync(3 * DAY - 2 * HOUR);
    await vi.waitFor(() => expect(woken(later)).toBe(true), { timeout: 60_000, interval: 5 });
    expect((await ok(api, 'conversations.get', { id: later })).conversation.status).toBe('open');
    api.close();
  });

  it('comes back at once when the customer writes', async () => {
    const { api, store, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - 10 * MINUTE);
    await ok(api, 'conversations.snooze', { id, until: NOW + DAY });
    await write('a1', 'customer', NOW, 'chat', 'Hello? Any news on my order?');
    const back = (await ok(api, 'conversations.get', { id })).conversation;
    expect(back).toMatchObject({ status: 'open', unread: true, snoozedUntil: null });
    expect((await store.sessionEvents.listForConversation(id)).filter((event) => event.kind === 'snooze.ended')).toEqual([
      expect.objectContaining({ payload: { reason: 'customer', until: NOW + DAY } }),
    ]);
    // an agent's reply or a note does not wake it
    await ok(api, 'conversations.snooze', { id, until: NOW + DAY });
    await sendAnyway(api, { conversationId: id, kind: 'note', body: 'Waiting for the warehouse' });
    await sendAnyway(api, { conversationId: id, kind: 'reply', body: 'I will be back to you tomorrow.' });
    expect((await ok(api, 'conversations.get', { id })).conversation.status).toBe('snoozed');
    api.close();
  });

  it('wakes the snoozes that fell due while the workspace was closed as soon as it opens again', async () => {
    const first = await triageWorkspace();
    const id = await first.write('a1', 'customer', NOW - MINUTE);
    const keep = await first.write('b2', 'customer', NOW - MINUTE);
    await ok(first.api, 'conversations.snooze', { id, until: NOW + HOUR });
    await ok(first.api, 'conversations.snooze', { id: keep, until: NOW + 5 * HOUR });
    first.api.close();

    // the host starts again two hours later: what fell due wakes at start, the rest waits for its time
    const second = await triageWorkspace(first.store, { startAt: NOW + 2 * HOUR });
    expect(await second.store.conversations.getSummary(id)).toMatchObject({ status: 'open', unread: true });
    expect((await second.store.sessionEvents.listForConversation(id)).at(-2)).toMatchObject({ kind: 'snooze.ended', at: NOW + 2 * HOUR, payload: { reason: 'time' } });
    expect((await second.store.conversations.getSummary(keep))!.status).toBe('snoozed');
    await second.scheduler.advanceAsync(3 * HOUR);
    await vi.waitFor(() => expect(second.events.some((event) => event.name === 'conversation.changed' && event.payload.conversationId === keep && event.payload.reason === 'snooze-ended')).toBe(true), { timeout: 60_000, interval: 5 });
    expect((await second.store.conversations.getSummary(keep))!.status).toBe('open');
    second.api.close();
  });

  it('refuses a time that has passed or is over a year away, and a snooze with no time; a refusal changes nothing', async () => {
    const { api, store, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - MINUTE);
    const logged = (await store.sessionEvents.listForConversation(id)).length;
    expect(await api.call('conversations.snooze', { id, until: NOW - MINUTE }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('passed') } });
    expect(await api.call('conversations.snooze', { id, until: NOW }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('conversations.snooze', { id, until: NOW + 400 * DAY }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('conversations.snooze', { id, until: 12 }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('conversations.snooze', { id: 9999, until: NOW + HOUR }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.call('conversations.setStatus', { id, status: 'snoozed' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await store.conversations.getSummary(id)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(await store.sessionEvents.listForConversation(id)).toHaveLength(logged);
    api.close();
  });

  it('reopened by hand, it is not woken again later', async () => {
    const { api, store, scheduler, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - MINUTE);
    await ok(api, 'conversations.snooze', { id, until: NOW + HOUR });
    await ok(api, 'conversations.setStatus', { id, status: 'resolved' });
    expect((await store.conversations.getSummary(id))!.snoozedUntil).toBeNull();
    await scheduler.advanceAsync(2 * HOUR);
    expect((await store.conversations.getSummary(id))!.status).toBe('resolved');
    expect((await store.sessionEvents.listForConversation(id)).some((event) => event.kind === 'snooze.ended')).toBe(false);
    api.close();
  });
});
