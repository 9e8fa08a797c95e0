import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../../../electron/services/demo';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from '../../../../electron/services/demo/generateDemoWorkspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { Store } from '../../../../electron/services/store/store';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: NOW });

async function load(store: Store) {
  const bus = createEventBus();
  return loadDemoWorkspace({ store, ingestion: createIngestionService(store, bus), bus, now: NOW });
}

/** Every team with its members, and every conversation given to one (with its person), by id. */
async function teamsIn(store: Store) {
  const teams = await store.teams.list();
  const conversations = [];
  for (const team of teams) {
    const { items } = await store.conversations.list({ teamId: team.id }, 500, 0);
    conversations.push(...items.map((item) => ({ id: item.id, status: item.status, team: item.team, assignee: item.assignee })));
  }
  return { teams, conversations };
}

/**
 * The demo comes with teams of its cast, so a new user sees the Teams feature at work: the teams in
 * "Assign to", a team on queue rows, "My teams" for Hannah, the demo's team lead. Loaded again, or
 * finished after a crash, it makes no team twice; loaded beside teams a workspace has, it keeps them.
 */
describe.each(STORE_KINDS)('the demo’s teams on %s', (kind) => {
  it('are two teams of its cast with open conversations (some with a person on the team), never made twice', async () => {
    const { store } = await openTestStore(kind);
    await load(store);
    const loaded = await teamsIn(store);

    expect(loaded.teams.map((team) => [team.name, team.members.map((member) => member.name)])).toEqual([
      ['Order Care', ['Aisha Khan', 'Hannah Cole', "Liam O'Connor", 'Tom Beckett']],
      ['Product Help', ['Grace Adeyemi', 'Sofia Marin']],
    ]);
    for (const team of loaded.teams) {
      const planned = demo.teams.find((candidate) => candidate.name === team.name)!;
      const mine = loaded.conversations.filter((conversation) => conversation.team?.id === team.id);
      expect(mine, team.name).toHaveLength(planned.conversations.length);
      expect(team.open, team.name).toBeGreaterThan(0);
      expect(mine.every((conversation) => conversation.status !== 'resolved')).toBe(true);
      const withPerson = mine.filter((conversation) => conversation.assignee !== null);
      expect(withPerson.length, team.name).toBeGreaterThanOrEqual(2);
      expect(mine.length - withPerson.length, team.name).toBeGreaterThanOrEqual(2);
      for (const { assignee } of withPerson) expect(team.members.map((member) => member.id)).toContain(assignee!.id);
    }
    // "My teams" shows the team lead her team's queue
    const hannah = (await store.users.getByEmail('hannah.cole@larkspur.example'))!;
    const orders = loaded.teams.find((team) => team.name === 'Order Care')!;
    expect((await store.conversations.list({ teamsOf: hannah.id }, 500, 0)).items.map((item) => item.id).sort())
      .toEqual(loaded.conversations.filter((conversation) => conversation.team?.id === orders.id).map((conversation) => conversation.id).sort());

    // each conversation given to a team is in the assignment log, as an assignment in the console logs it
    const logged = await store.sessionEvents.listOfKind('assignment.changed');
    expect(logged.map((event) => [event.conversationId, event.at, event.userId, event.payload]).sort((a, b) => Number(a[0]) - Number(b[0])))
      .toEqual(loaded.conversations.map((conversation) => [conversation.id, NOW, null, { from: conversation.assignee?.id ?? null, to: conversation.assignee?.id ?? null, fromTeam: null, toTeam: conversation.team!.id }])
        .sort((a, b) => Number(a[0]) - Number(b[0])));

    // loading again is refused (the workspace has conversations) and changes nothing
    await expect(load(store)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await teamsIn(store)).toEqual(loaded);

    // a load finished after a crash (its mark still set) runs the teams again: it finds them, making none
    // twice, and logs no assignment twice
    await store.settings.set('demo.unfinished', { seed: DEFAULT_DEMO_SEED, now: NOW });
    await load(store);
    expect(await teamsIn(store)).toEqual(loaded);
    expect(await store.sessionEvents.listOfKind('assignment.changed')).toHaveLength(logged.length);
  }, 180_000);

  it('keeps the teams a workspace has: one of the same name (any case) is the demo’s, its members kept', async () => {
    const { store } = await openTestStore(kind);
    const nia = await store.users.create({ name: 'Nia Okoro', email: 'nia@larkspur.example', role: 'agent' }, NOW);
    const orders = await store.teams.create('order care', NOW);
    await store.teams.setMembers(orders.id, [nia.id], NOW);
    const escalations = await store.teams.create('Escalations', NOW);
    await store.teams.setMembers(escalations.id, [nia.id], NOW);

    await load(store);
    const { teams, conversations } = await teamsIn(store);
    expect(teams.map((team) => [team.id, team.name, team.members.map((member) => member.name)])).toEqual([
      [escalations.id, 'Escalations', ['Nia Okoro']],
      [orders.id, 'order care', ['Aisha Khan', 'Hannah Cole', "Liam O'Connor", 'Nia Okoro', 'Tom Beckett']],
      [expect.any(Number), 'Product Help', ['Grace Adeyemi', 'Sofia Marin']],
    ]);
    const planned = demo.teams.find((team) => team.name === 'Order Care')!;
    expect(conversations.filter((conversation) => conversation.team?.id === orders.id)).toHaveLength(planned.conversations.length);
    expect(conversations.some((conversation) => conversation.team?.id === escalations.id)).toBe(false);
  }, 180_000);
});
