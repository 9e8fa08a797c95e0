import { describe, expect, it } from 'vitest';
import { responseClock, timeLeft } from '../../../../electron/services/store/responseClock';
import { DEFAULT_RESPONSE_TARGETS, type ResponseTargets } from '../../../../shared/contract/triage';
import { ok } from '../../../helpers/callApi';
import { HOUR, MINUTE, NOW, triageWorkspace } from './triageFixture';

const targets: ResponseTargets = {
  chat: { firstMinutes: 2, nextMinutes: 5 },
  email: { firstMinutes: 240, nextMinutes: 480 },
  voice: { firstMinutes: 60, nextMinutes: null },
};

describe('the response clock (pure)', () => {
  it('counts a first response from the first customer message, a next response from the oldest unanswered one after a reply', () => {
    const first = responseClock({ channel: 'chat', status: 'open', waitingSince: NOW - MINUTE, firstReplyAt: null }, targets);
    expect(first).toEqual({ kind: 'first', since: NOW - MINUTE, dueAt: NOW + MINUTE, targetMinutes: 2 });
    expect(timeLeft(first!, NOW)).toEqual({ leftMs: MINUTE, breached: false });
    const next = responseClock({ channel: 'email', status: 'pending', waitingSince: NOW - HOUR, firstReplyAt: NOW - 2 * HOUR }, targets);
    expect(next).toEqual({ kind: 'next', since: NOW - HOUR, dueAt: NOW + 7 * HOUR, targetMinutes: 480 });
    // breached: time left goes below zero
    expect(timeLeft(responseClock({ channel: 'chat', status: 'open', waitingSince: NOW - 10 * MINUTE, firstReplyAt: null }, targets)!, NOW)).toEqual({ leftMs: -8 * MINUTE, breached: true });
  });

  it('runs no clock when answered, snoozed, resolved, or where the channel has no target', () => {
    expect(responseClock({ channel: 'chat', status: 'open', waitingSince: null, firstReplyAt: NOW }, targets)).toBeNull();
    expect(responseClock({ channel: 'chat', status: 'snoozed', waitingSince: NOW, firstReplyAt: null }, targets)).toBeNull();
    expect(responseClock({ channel: 'chat', status: 'resolved', waitingSince: NOW, firstReplyAt: null }, targets)).toBeNull();
    expect(responseClock({ channel: 'voice', status: 'open', waitingSince: NOW, firstReplyAt: NOW - HOUR }, targets)).toBeNull();
  });
});

describe('the response clock in the queue', () => {
  it('follows what happens in a conversation: notes are not replies; a reply stops it; the customer writing again starts a next response', async () => {
    const { api, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - 3 * MINUTE);
    await write('a1', 'customer', NOW - 2 * MINUTE);
    const clockOf = async () => (await ok(api, 'conversations.get', { id })).conversation.responseClock;
    expect(await clockOf()).toEqual({ kind: 'first', since: NOW - 3 * MINUTE, dueAt: NOW - MINUTE, targetMinutes: DEFAULT_RESPONSE_TARGETS.chat.firstMinutes });
    await write('a1', 'note', NOW - MINUTE);
    expect(await clockOf()).toMatchObject({ kind: 'first', since: NOW - 3 * MINUTE });
    await write('a1', 'agent', NOW - 30_000);
    expect(await clockOf()).toBeNull();
    await write('a1', 'customer', NOW - 10_000);
    expect(await clockOf()).toEqual({ kind: 'next', since: NOW - 10_000, dueAt: NOW - 10_000 + 5 * MINUTE, targetMinutes: 5 });
    await ok(api, 'conversations.setStatus', { id, status: 'resolved' });
    expect(await clockOf()).toBeNull();
    api.close();
  });

  it('sorts by time left (the longest breached first, no clock last) and filters the breached', async () => {
    const { api, write } = await triageWorkspace();
    const chatBreached = await write('a1', 'customer', NOW - 10 * MINUTE); // due 8 min ago
    const emailSoon = await write('e1', 'customer', NOW - 230 * MINUTE, 'email'); // due in 10 min
    const chatLeft = await write('b2', 'customer', NOW - MINUTE); // due in 1 min
    const emailBreached = await write('e2', 'customer', NOW - 5 * HOUR, 'email'); // due an hour ago
    const answered = await write('c3', 'customer', NOW - HOUR);
    await write('c3', 'agent', NOW - 50 * MINUTE);
    const snoozed = await write('d4', 'customer', NOW - HOUR);
    await ok(api, 'conversations.snooze', { id: snoozed, until: NOW + HOUR });

    const sorted = await ok(api, 'conversations.list', { sort: 'target' });
    expect(sorted.items.map((item) => item.id).slice(0, 4)).toEqual([emailBreached, chatBreached, chatLeft, emailSoon]);
    expect(sorted.items.slice(4).map((item) => item.responseClock)).toEqual([null, null]);
    expect(sorted.items.slice(4).map((item) => item.id).sort()).toEqual([answered, snoozed].sort());

    const breached = await ok(api, 'conversations.list', { breached: true, sort: 'target' });
    expect(breached.items.map((item) => item.id)).toEqual([emailBreached, chatBreached]);
    expect(breached.total).toBe(2);
    api.close();
  });

  it('lets only a supervisor change the targets; the queue follows them at once; a refusal changes nothing', async () => {
    const { api, priya, write } = await triageWorkspace();
    const id = await write('a1', 'customer', NOW - 3 * MINUTE);
    const changed = { ...DEFAULT_RESPONSE_TARGETS, chat: { firstMinutes: 10, nextMinutes: 15 } };
    expect(await priya.ok('responseTargets.get', {})).toEqual({ targets: DEFAULT_RESPONSE_TARGETS, isDefault: true, canEdit: false });
    expect(await priya.call('responseTargets.save', { targets: changed })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await ok(api, 'conversations.list', { breached: true })).items.map((item) => item.id)).toEqual([id]);

    // the supervisor (the desk's owner)
    for (const bad of [{ ...changed, chat: { firstMinutes: 0, nextMinutes: 5 } }, { ...changed, chat: { firstMinutes: 1.5, nextMinutes: 5 } }, { chat: changed.chat }]) {
      expect(await api.call('responseTargets.save', { targets: bad as never }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect((await ok(api, 'responseTargets.get', {})).isDefault).toBe(true);
    expect(await ok(api, 'responseTargets.save', { targets: changed })).toEqual({ targets: changed, isDefault: false, canEdit: true });
    expect((await ok(api, 'conversations.list', { breached: true })).items).toEqual([]);
    expect((await ok(api, 'conversations.get', { id })).conversation.responseClock).toMatchObject({ dueAt: NOW + 7 * MINUTE, targetMinutes: 10 });
    // null restores the defaults
    expect(await ok(api, 'responseTargets.save', { targets: null })).toMatchObject({ targets: DEFAULT_RESPONSE_TARGETS, isDefault: true });
    expect((await ok(api, 'conversations.list', { sort: 'target', breached: true })).items.map((item) => item.id)).toEqual([id]);
    api.close();
  });
});
