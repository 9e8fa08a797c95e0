import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import type { Caller } from '../../../../electron/services/api/caller';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion';
import type { KinshipEvent } from '../../../../shared/contract/events';
import type { Role } from '../../../../shared/contract/domain';
import { testStore } from '../../../helpers/testStore';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A team server's api over a real workspace: Aisha and Bilal (agents), Hannah (supervisor), Robert (executive), Ada (admin). */
async function workspace() {
  const store = await testStore();
  const bus = createEventBus();
  const ingestion = createIngestionService(store, bus);
  const { conversationId } = await ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
    conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
    message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - 60_000, externalId: 'sam-1' },
  });
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion }, now: () => NOW });
  closers.push(() => api.close());
  const person = async (name: string, role: Role) => {
    const user = await store.users.create({ name, email: `${name.toLowerCase()}@kinship.test`, role }, NOW);
    const caller: Caller = { person: user, sessionId: `session-${name}`, consoleId: `console-${name}` };
    const heard: KinshipEvent[] = [];
    const following = api.follow(caller, null, (event) => heard.push(event));
    closers.push(() => following.stop());
    const call = (method: string, input: unknown) => api.call(method, input, caller);
    const ok = async (method: string, input: unknown) => {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as never;
    };
    return { user, heard, call, ok };
  };
  return { store, api, conversationId, aisha: await person('Aisha', 'agent'), bilal: await person('Bilal', 'agent'), hannah: await person('Hannah', 'supervisor'), robert: await person('Robert', 'executive'), ada: await person('Ada', 'admin') };
}

const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) as unknown });

describe('teams through the api', () => {
  it('lets an admin edit a team whose member was deactivated since: only those joining are checked', async () => {
    const { store, aisha, bilal, ada } = await workspace();
    const team = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id] })) as { id: number };
    await store.people.setActive(aisha.user.id, false, NOW);
    // Bilal joins beside Aisha (still listed); then Aisha is taken off
    expect(await ada.ok('teams.setMembers', { id: team.id, memberIds: [aisha.user.id, bilal.user.id] })).toMatchObject({ members: [{ name: 'Aisha' }, { name: 'Bilal' }] });
    expect(await ada.ok('teams.setMembers', { id: team.id, memberIds: [bilal.user.id] })).toMatchObject({ members: [{ name: 'Bilal' }] });
    // and she cannot join again while deactivated
    expect(await ada.call('teams.setMembers', { id: team.id, memberIds: [aisha.user.id, bilal.user.id] })).toMatchObject(refused('invalid-input'));
  });

  it('lets only admins make, rename, staff and delete teams: an agent’s or supervisor’s direct call is refused and changes nothing', async () => {
    const { store, aisha, hannah, robert, ada, bilal } = await workspace();
    for (const someone of [aisha, hannah, robert]) {
      expect(await someone.call('teams.create', { name: 'Returns' })).toMatchObject(refused('forbidden'));
    }
    expect(await store.teams.list()).toEqual([]);
    const team = (await ada.ok('teams.create', { name: '  Returns ', memberIds: [aisha.user.id] })) as { id: number; name: string };
    expect(team).toMatchObject({ name: 'Returns', members: [{ id: aisha.user.id, name: 'Aisha' }], open: 0 });
    for (const someone of [aisha, hannah, robert]) {
      expect(await someone.call('teams.rename', { id: team.id, name: 'Mine now' })).toMatchObject(refused('forbidden'));
      expect(await someone.call('teams.setMembers', { id: team.id, memberIds: [] })).toMatchObject(refused('forbidden'));
      expect(await someone.call('teams.delete', { id: team.id })).toMatchObject(refused('forbidden'));
    }
    expect((await store.teams.list()).map((t) => [t.name, t.members.length])).toEqual([['Returns', 1]]);
    // everyone reads the teams
    expect(await robert.ok('teams.list', {})).toHaveLength(1);
    // a name another team has (whatever its case), no name, an executive on a team: refused
    expect(await ada.call('teams.create', { name: 'RETURNS' })).toMatchObject(refused('conflict'));
    expect(await ada.call('teams.create', { name: '   ' })).toMatchObject(refused('invalid-input'));
    expect(await ada.call('teams.setMembers', { id: team.id, memberIds: [robert.user.id] })).toMatchObject(refused('invalid-input'));
    expect(await ada.ok('teams.setMembers', { id: team.id, memberIds: [aisha.user.id, bilal.user.id] })).toMatchObject({ members: [{ name: 'Aisha' }, { name: 'Bilal' }] });
    expect(await ada.ok('teams.rename', { id: team.id, name: 'Returns & exchanges' })).toMatchObject({ name: 'Returns & exchanges' });
    expect(await ada.ok('teams.delete', { id: team.id })).toEqual({ id: team.id, unassigned: 0 });
    expect(await ada.call('teams.delete', { id: team.id })).toMatchObject(refused('not-found'));
    // each change was logged, by the admin who made it, and told to the consoles
    expect((await store.sessionEvents.listOfKind('team.changed')).map((event) => [event.userId, event.payload.change])).toEqual([
      [ada.user.id, 'created'], [ada.user.id, 'members'], [ada.user.id, 'renamed'], [ada.user.id, 'deleted'],
    ]);
    expect(robert.heard.filter((event) => event.name === 'teams.changed').map((event) => event.payload)).toEqual([
      { teamId: team.id, change: 'created' }, { teamId: team.id, change: 'members' }, { teamId: team.id, change: 'renamed' }, { teamId: team.id, change: 'deleted' },
    ]);
  });

  it('assigns to a team (and a person of it) as agents and supervisors may; the executive may not; the queue filters "my teams"; a person of the team takes it', async () => {
    const { store, conversationId, aisha, bilal, hannah, robert, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id, bilal.user.id] })) as { id: number };
    const billing = (await ada.ok('teams.create', { name: 'Billing', memberIds: [hannah.user.id] })) as { id: number };
    expect(await robert.call('conversations.assign', { id: conversationId, assignee: null, teamId: returns.id })).toMatchObject(refused('forbidden'));
    // an agent sends a conversation that is nobody's to a team's queue: attributed, logged, told
    expect(await hannah.ok('conversations.assign', { id: conversationId, assignee: null, teamId: billing.id })).toMatchObject({ team: { id: billing.id, name: 'Billing' }, assignee: null });
    expect(await aisha.ok('conversations.assign', { id: conversationId, assignee: null, teamId: returns.id })).toMatchObject({ team: { id: returns.id, name: 'Returns' }, assignee: null });
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed');
    expect(log.at(-1)).toMatchObject({ userId: aisha.user.id, payload: { from: null, to: null, fromTeam: billing.id, toTeam: returns.id } });
    for (const someone of [bilal, hannah, robert]) {
      expect(someone.heard.filter((event) => event.name === 'conversation.changed').map((event) => event.payload)).toEqual([
        { conversationId, reason: 'assigned' }, { conversationId, reason: 'assigned' },
      ]);
    }
    // a person given with a team must be on it; a team that does not exist is not found
    expect(await hannah.call('conversations.assign', { id: conversationId, assignee: hannah.user.id, teamId: returns.id })).toMatchObject(refused('invalid-input'));
    expect(await hannah.call('conversations.assign', { id: conversationId, assignee: null, teamId: 999 })).toMatchObject(refused('not-found'));
    // "my teams": Bilal's queue has it, Hannah's does not
    expect(await bilal.ok('conversations.list', { team: 'mine', assignee: 'unassigned' })).toMatchObject({ total: 1, items: [{ id: conversationId }] });
    expect(await hannah.ok('conversations.list', { team: 'mine' })).toMatchObject({ total: 0 });
    expect(await hannah.ok('conversations.list', { team: returns.id })).toMatchObject({ total: 1 });
    expect(await bilal.ok('messages.search', { query: 'parcel', team: 'mine' })).toMatchObject({ hits: [{ conversationId }] });
    // Bilal takes it from the team's queue; Aisha, a moment later, is told he has it
    expect(await bilal.ok('conversations.take', { id: conversationId })).toMatchObject({ assignee: { id: bilal.user.id }, team: { id: returns.id } });
    expect(await aisha.call('conversations.take', { id: conversationId })).toMatchObject(refused('conflict'));
    // a colleague's conversation is not an agent's to send to another team; a supervisor's to do
    expect(await aisha.call('conversations.assign', { id: conversationId, assignee: null, teamId: billing.id })).toMatchObject(refused('conflict'));
    expect(await hannah.ok('conversations.assign', { id: conversationId, assignee: hannah.user.id, teamId: billing.id })).toMatchObject({ assignee: { id: hannah.user.id }, team: { id: billing.id } });
    // the team deleted: the conversation keeps its person, and has no team
    expect(await ada.ok('teams.delete', { id: billing.id })).toEqual({ id: billing.id, unassigned: 1 });
    expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ assignee: { id: hannah.user.id }, team: null });
  });

  it('keeps a person on a conversation of a team only if they are on it: a person given alone is checked against the conversation’s team', async () => {
    const { store, conversationId, aisha, bilal, hannah, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id] })) as { id: number };
    await hannah.ok('conversations.assign', { id: conversationId, assignee: null, teamId: returns.id });
    // Bilal is not on Returns: the conversation stays in the team's queue with nobody, and nothing is logged
    const logged = (await store.sessionEvents.listForConversation(conversationId)).length;
    expect(await hannah.call('conversations.assign', { id: conversationId, assignee: bilal.user.id })).toMatchObject(refused('invalid-input'));
    expect(await bilal.call('conversations.assign', { id: conversationId, assignee: 'me' })).toMatchObject(refused('invalid-input'));
    expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ assignee: null, team: { id: returns.id } });
    expect(await store.sessionEvents.listForConversation(conversationId)).toHaveLength(logged);
    // Aisha is: she gets it and it stays the team's; unassigning keeps the team
    expect(await hannah.ok('conversations.assign', { id: conversationId, assignee: aisha.user.id })).toMatchObject({ assignee: { id: aisha.user.id }, team: { id: returns.id } });
    expect(await hannah.ok('conversations.assign', { id: conversationId, assignee: null })).toMatchObject({ assignee: null, team: { id: returns.id } });
    // taken out of the team, it may go to anyone
    expect(await hannah.ok('conversations.assign', { id: conversationId, assignee: bilal.user.id, teamId: null })).toMatchObject({ assignee: { id: bilal.user.id }, team: null });
  });

  it.each(['deleted', 'taken off'] as const)('checks the team in the assignment’s write: a team %s after the assignment was asked, before its write, refuses it cleanly', async (change) => {
    const { store, conversationId, aisha, bilal, hannah, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id, bilal.user.id] })) as { id: number };
    // the assignment is asked and checked as far as it is outside its transaction, then waits at its start
    const original = store.transaction;
    let reached!: () => void;
    const atWrite = new Promise<void>((resolve) => (reached = resolve));
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    store.transaction = (async <T>(work: () => Promise<T>): Promise<T> => {
      store.transaction = original;
      reached();
      await gate;
      return original(work);
    }) as typeof store.transaction;
    const assigning = hannah.call('conversations.assign', { id: conversationId, assignee: aisha.user.id, teamId: returns.id });
    await atWrite;
    if (change === 'deleted') await ada.ok('teams.delete', { id: returns.id });
    else await ada.ok('teams.setMembers', { id: returns.id, memberIds: [bilal.user.id] });
    go();
    expect(await assigning).toMatchObject(refused(change === 'deleted' ? 'not-found' : 'invalid-input'));
    expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ assignee: null, team: null });
    expect((await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed')).toEqual([]);
  });

  it('lets only someone on a conversation’s team take it: anyone else is refused, naming the team, and nothing is written', async () => {
    const { store, conversationId, aisha, hannah, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id] })) as { id: number };
    await hannah.ok('conversations.assign', { id: conversationId, assignee: null, teamId: returns.id });
    const logged = (await store.sessionEvents.listForConversation(conversationId)).length;
    const refusal = await hannah.call('conversations.take', { id: conversationId });
    expect(refusal).toMatchObject(refused('invalid-input'));
    expect(refusal).toMatchObject({ error: { message: expect.stringContaining('Hannah is not on Returns') as unknown } });
    expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ assignee: null, team: { id: returns.id } });
    expect(await store.sessionEvents.listForConversation(conversationId)).toHaveLength(logged);
    // Aisha is on it: she takes it, and the log says whose queue it was taken from
    expect(await aisha.ok('conversations.take', { id: conversationId })).toMatchObject({ assignee: { id: aisha.user.id }, team: { id: returns.id } });
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed');
    expect(log.at(-1)).toMatchObject({ userId: aisha.user.id, payload: { from: null, to: aisha.user.id, taken: true, fromTeam: returns.id, toTeam: returns.id } });
  });

  it('takes a person taken off a team off its conversations they had, and tells the consoles once (teams.changed)', async () => {
    const { store, conversationId, aisha, bilal, robert, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id, bilal.user.id] })) as { id: number };
    await aisha.ok('conversations.assign', { id: conversationId, assignee: 'me', teamId: returns.id });
    const heardBefore = robert.heard.length;
    await ada.ok('teams.setMembers', { id: returns.id, memberIds: [bilal.user.id] });
    expect((await store.conversations.getSummary(conversationId))!).toMatchObject({ assignee: null, team: { id: returns.id } });
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed');
    expect(log.at(-1)).toMatchObject({ userId: ada.user.id, payload: { from: aisha.user.id, to: null, fromTeam: returns.id, toTeam: returns.id } });
    expect(robert.heard.slice(heardBefore).map((event) => [event.name, event.payload])).toEqual([['teams.changed', { teamId: returns.id, change: 'members' }]]);
  });

  it('logs, for each conversation of a deleted team, its assignment changed (by whom, the team before and after), and tells the consoles once', async () => {
    const { store, conversationId, aisha, hannah, robert, ada } = await workspace();
    const returns = (await ada.ok('teams.create', { name: 'Returns', memberIds: [aisha.user.id] })) as { id: number };
    await hannah.ok('conversations.assign', { id: conversationId, assignee: aisha.user.id, teamId: returns.id });
    const heardBefore = robert.heard.length;
    expect(await ada.ok('teams.delete', { id: returns.id })).toEqual({ id: returns.id, unassigned: 1 });
    const log = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'assignment.changed');
    expect(log.at(-1)).toMatchObject({ userId: ada.user.id, payload: { from: aisha.user.id, to: aisha.user.id, fromTeam: returns.id, toTeam: null } });
    // one teams.changed has every console read its queues and conversations again (not once per conversation)
    expect(robert.heard.slice(heardBefore).map((event) => [event.name, event.payload])).toEqual([['teams.changed', { teamId: returns.id, change: 'deleted' }]]);
  });
});
