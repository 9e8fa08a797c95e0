import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import type { Caller } from '../../../../electron/services/api/caller';
import { mayReceive } from '../../../../electron/services/api/authorize';
import { ROLES } from '../../../../shared/contract/domain';
import { METHOD_ROLES } from '../../../../shared/contract/permissions';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';

const NOW = Date.UTC(2026, 10, 28, 10, 0);
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A team server's api over a real workspace: Aisha (agent), Hannah (supervisor), Robert (executive), each at a console of their own. */
async function team() {
  const store = await testStore();
  const bus = createEventBus();
  const scheduler = manualScheduler();
  const ingestion = createIngestionService(store, bus);
  // Sam's chat, the conversation they are in (before the api: its arrival is not in the stream)
  const { conversationId: sams } = await ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
    conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - 60_000, externalId: 'sam-1' },
  });
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW + scheduler.now(), scheduler, live: { graceMs: 20_000, typingTtlMs: 6_000 } });
  closers.push(() => api.close());
  const person = (name: string, role: 'agent' | 'supervisor' | 'executive') => store.users.create({ name, email: `${name.toLowerCase()}@kinship.test`, role }, NOW);
  const at = (user: Awaited<ReturnType<typeof person>>, consoleId: string) => {
    const caller: Caller = { person: user, sessionId: `session-${consoleId}`, consoleId };
    const heard: KinshipEvent[] = [];
    const following = api.follow(caller, null, (event) => heard.push(event));
    const close = api.openConsole(caller);
    const call = async (method: string, input: unknown) => api.call(method, input, caller);
    return { caller, heard, following, close, call, user };
  };
  return { api, bus, scheduler, person, at, sams };
}

const activityOf = (events: KinshipEvent[]) => events.flatMap((event) => (event.name === 'activity.changed' ? [`${event.payload.name}:${event.payload.doing ?? 'gone'}`] : []));
const presenceOf = (events: KinshipEvent[]) => events.flatMap((event) => (event.name === 'presence.changed' ? [`${event.payload.userId}:${event.payload.state}`] : []));

describe('the live queue through the api', () => {
  it('"Aisha is viewing / typing a reply" reaches the others, never Aisha herself, and activity.list answers the same', async () => {
    const { person, at, sams } = await team();
    const aisha = at(await person('Aisha', 'agent'), 'c-aisha');
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    expect(await aisha.call('activity.report', { viewing: sams, typing: null })).toEqual({ ok: true, value: { reported: true } });
    await aisha.call('activity.report', { viewing: sams, typing: 'reply' });
    expect(activityOf(hannah.heard)).toEqual(['Aisha:viewing', 'Aisha:typing-reply']);
    expect(activityOf(aisha.heard)).toEqual([]);
    expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [{ conversationId: sams, userId: aisha.user.id, name: 'Aisha', doing: 'typing-reply' }] });
    expect(await aisha.call('activity.list', {})).toEqual({ ok: true, value: [] });
  });

  it('the executive, who may not write, is refused "typing" and changes nothing; viewing is fine', async () => {
    const { person, at, sams } = await team();
    const robert = at(await person('Robert', 'executive'), 'c-robert');
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    expect(await robert.call('activity.report', { viewing: sams, typing: 'reply' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await robert.call('activity.report', { viewing: null, typing: 'note' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(activityOf(hannah.heard)).toEqual([]);
    await robert.call('activity.report', { viewing: sams, typing: null });
    expect(activityOf(hannah.heard)).toEqual(['Robert:viewing']);
  });

  it('refuses to say anyone is in a conversation that is not there, tells nobody, and keeps what the console said before', async () => {
    const { person, at, sams } = await team();
    const aisha = at(await person('Aisha', 'agent'), 'c-aisha');
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    await aisha.call('activity.report', { viewing: sams, typing: null });
    for (const typing of [null, 'reply', 'note'] as const) {
      expect(await aisha.call('activity.report', { viewing: 9_999, typing })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no conversation 9999.' } });
    }
    expect(activityOf(hannah.heard)).toEqual(['Aisha:viewing']);
    expect(await hannah.call('activity.list', {})).toEqual({ ok: true, value: [{ conversationId: sams, userId: aisha.user.id, name: 'Aisha', doing: 'viewing' }] });
    // and there is no conversation a role that may report may not see: every one of them reads every conversation
    for (const role of ROLES) if (METHOD_ROLES['activity.report'].includes(role)) expect({ role, reads: METHOD_ROLES['conversations.get'].includes(role) }).toEqual({ role, reads: true });
  });

  it('"typing a note" goes to exactly those who read notes: everyone who reads the conversation, the executive included', async () => {
    const { person, at, sams } = await team();
    const aisha = at(await person('Aisha', 'agent'), 'c-aisha');
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    const robert = at(await person('Robert', 'executive'), 'c-robert');
    await aisha.call('activity.report', { viewing: sams, typing: 'note' });
    for (const other of [hannah, robert]) expect(activityOf(other.heard)).toEqual(['Aisha:typing-note']);
    // the rule itself, for every role: told someone is typing a note if and only if the note itself reaches them
    for (const role of ROLES) {
      const caller: Caller = { person: { ...robert.user, id: 999, role }, sessionId: null };
      const typing = mayReceive(caller, { name: 'activity.changed', payload: { conversationId: 5, userId: aisha.user.id, name: 'Aisha', doing: 'typing-note' } });
      const note = mayReceive(caller, { name: 'message.added', payload: { messageId: 1, conversationId: 5, customerId: 1, channel: 'chat', author: 'note', sentAt: NOW } });
      expect({ role, typing }).toEqual({ role, typing: note });
      expect({ role, note }).toEqual({ role, note: true });
    }
  });

  it('presence: online when a console opens, away when it says so, offline once gone for the grace period; others hear it', async () => {
    const { person, at, scheduler } = await team();
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    const aisha = at(await person('Aisha', 'agent'), 'c-aisha');
    const id = aisha.user.id;
    expect(await aisha.call('presence.report', { attention: 'idle' })).toMatchObject({ ok: true, value: { userId: id, state: 'away' } });
    aisha.close();
    scheduler.advance(19_999);
    const aishas = () => presenceOf(hannah.heard).filter((one) => one.startsWith(`${id}:`));
    expect(aishas()).toEqual([`${id}:online`, `${id}:away`]);
    scheduler.advance(1);
    expect(aishas()).toEqual([`${id}:online`, `${id}:away`, `${id}:offline`]);
    const listed = await hannah.call('presence.list', {});
    expect(listed.ok && (listed.value as { userId: number; state: string }[]).map((one) => `${one.userId}:${one.state}`)).toEqual([`${hannah.user.id}:online`, `${id}:offline`]);
  });

  it('a replay keeps to the permission table: a draft mark goes back only to its author; presence is never replayed', async () => {
    const { api, bus, person, at } = await team();
    const aisha = at(await person('Aisha', 'agent'), 'c-aisha');
    const hannah = at(await person('Hannah', 'supervisor'), 'c-hannah');
    const epoch = aisha.following.hello.epoch;
    bus.emit('draft.changed', { conversationId: 5, userId: aisha.user.id, hasDraft: true });
    bus.emit('workspace.changed', { reason: 'test' });
    const names = (caller: Caller) => api.follow(caller, { epoch, seq: 0 }, () => undefined).missed.map((item) => `${item.seq}:${item.event.name}`);
    expect(names(aisha.caller)).toEqual(['1:draft.changed', '2:workspace.changed']);
    expect(names(hannah.caller)).toEqual(['2:workspace.changed']);
    expect(api.follow(hannah.caller, { epoch, seq: 0 }, () => undefined).hello.resume).toEqual({ state: 'resumed', replayed: 1 });
    expect(api.follow(hannah.caller, { epoch: 'another-run', seq: 2 }, () => undefined).hello.resume).toEqual({ state: 'gap', reason: 'other-run' });
  });
});
