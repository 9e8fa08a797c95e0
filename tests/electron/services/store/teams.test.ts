import { describe, expect, it } from 'vitest';
import { createConversationActions } from '../../../../electron/services/conversations/conversationActions';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { Store } from '../../../../electron/services/store/store';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import { createTeamActions } from '../../../../electron/services/teams';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { countingStore } from '../../../helpers/countingStore';
import { blockedOrDone } from '../../../helpers/lockWaits';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/** Teams on every store (SQLite and PostgreSQL): the same calls, the same answers. */
const T0 = Date.UTC(2026, 10, 2, 9, 0);
const MIN = 60_000;

/**
 * Pauses the next assignment inside its transaction once it holds its team: `held` settles when it
 * does (or fails if the assignment ends without ever holding one); `go` lets it write.
 */
function pauseOnceTeamHeld(store: Store) {
  const original = store.teams.holdForAssignment;
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  store.teams.holdForAssignment = async (id: number) => {
    store.teams.holdForAssignment = original;
    const team = await original(id);
    reached();
    await gate;
    return team;
  };
  return { held, go };
}

/**
 * Settles once `work` has finished, or is seen waiting for another transaction: on PostgreSQL a
 * backend of the database waits on a lock (lockWaits' blockedOrDone); on SQLite it has asked for its
 * transaction (the file has one writer: it waits for the one open).
 */
async function finishedOrWaiting(kind: StoreKind, store: Store, work: () => Promise<unknown>): Promise<{ running: Promise<unknown> }> {
  let asked!: () => void;
  const askedFor = new Promise<void>((resolve) => (asked = resolve));
  const original = store.transaction;
  store.transaction = (<T>(inner: () => Promise<T>): Promise<T> => {
    store.transaction = original;
    asked();
    return original(inner);
  }) as Store['transaction'];
  const running = work();
  const ended = running.then(() => undefined, () => undefined);
  if (kind === 'sqlite') await Promise.race([askedFor, ended]);
  else await blockedOrDone(await testPostgresDatabase(), running);
  return { running };
}

describe.each(STORE_KINDS)('teams on %s', (kind) => {
  async function seed() {
    const { store, exec } = await openTestStore(kind);
    const priya = await store.users.create({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, T0);
    const bilal = await store.users.create({ name: 'Bilal Haddad', email: 'bilal@larkspur.example', role: 'agent' }, T0);
    const customerId = await store.customers.create('Marcus Reed', T0);
    const conversation = (ref: string, assigneeId: number | null = null) =>
      store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'general', assigneeId, externalRef: ref, createdAt: T0 });
    return { store, exec, priya, bilal, conversation };
  }

  it('makes, renames and deletes teams, names unique whatever their case, listed by name with members and open work', async () => {
    const { store, priya, bilal, conversation } = await seed();
    const returns = await store.teams.create('Returns', T0);
    const billing = await store.teams.create('billing', T0);
    await expect(store.teams.create('RETURNS', T0)).rejects.toThrow();
    expect(await store.teams.findByName('ReTuRnS')).toEqual(returns);
    await store.teams.setMembers(returns.id, [priya.id, bilal.id, priya.id], T0);
    await store.teams.setMembers(billing.id, [bilal.id], T0);
    // the same again, and fewer: those kept stay, the one left out goes
    await store.teams.setMembers(returns.id, [bilal.id], T0 + MIN);
    expect(await store.teams.memberIds(returns.id)).toEqual([bilal.id]);
    expect(await store.teams.isMember(returns.id, priya.id)).toBe(false);
    const id = await conversation('c-1');
    expect(await store.conversations.setAssignee(id, null, T0, returns.id)).toBe(true);
    expect(await store.teams.list()).toEqual([
      { id: billing.id, name: 'billing', open: 0, members: [{ id: bilal.id, name: 'Bilal Haddad', role: 'agent' }] },
      { id: returns.id, name: 'Returns', open: 1, members: [{ id: bilal.id, name: 'Bilal Haddad', role: 'agent' }] },
    ]);
    expect(await store.teams.rename(returns.id, 'Returns & exchanges')).toBe(true);
    expect((await store.conversations.getSummary(id))!.team).toEqual({ id: returns.id, name: 'Returns & exchanges' });
    // deleting a team leaves its conversations with their person and no team, and its memberships go with it
    expect(await store.teams.delete(returns.id)).toBe(true);
    expect(await store.teams.delete(returns.id)).toBe(false);
    expect(await store.teams.rename(returns.id, 'Gone')).toBe(false);
    expect((await store.conversations.getSummary(id))!.team).toBeNull();
    expect(await store.teams.memberIds(returns.id)).toEqual([]);
    expect((await store.teams.list()).map((team) => team.name)).toEqual(['billing']);
  });

  it('refuses a team with no name (the database’s own check)', async () => {
    const { exec } = await seed();
    await expect(exec("INSERT INTO teams (name, created_at) VALUES ('', 0)")).rejects.toThrow(/CHECK|check constraint/);
  });

  it('filters the queue by a team and by the teams a person is on; assigning keeps the team unless one is given', async () => {
    const { store, priya, bilal, conversation } = await seed();
    const returns = await store.teams.create('Returns', T0);
    const billing = await store.teams.create('Billing', T0);
    await store.teams.setMembers(returns.id, [priya.id], T0);
    await store.teams.setMembers(billing.id, [bilal.id], T0);
    const toReturns = await conversation('c-returns');
    const toBilling = await conversation('c-billing');
    const noTeam = await conversation('c-none');
    await store.conversations.setAssignee(toReturns, null, T0, returns.id);
    await store.conversations.setAssignee(toBilling, bilal.id, T0, billing.id);
    const ids = async (filter: Parameters<typeof store.conversations.list>[0]) => (await store.conversations.list(filter, 50, 0)).items.map((c) => c.id).sort();
    expect(await ids({ teamId: returns.id })).toEqual([toReturns]);
    expect(await ids({ teamsOf: priya.id })).toEqual([toReturns]);
    expect(await ids({ teamsOf: bilal.id })).toEqual([toBilling]);
    expect(await ids({ teamsOf: bilal.id, assignee: 'unassigned' })).toEqual([]);
    expect(await store.conversations.count({ teamsOf: priya.id, assignee: 'unassigned' })).toBe(1);
    // a person assigned without a team given: the team stays
    await store.conversations.setAssignee(toReturns, priya.id, T0 + MIN);
    expect((await store.conversations.getSummary(toReturns))!).toMatchObject({ assignee: { id: priya.id }, team: { id: returns.id, name: 'Returns' } });
    // an agent's hand-on of a conversation that is nobody's, to a team
    expect(await store.conversations.assignIfUnassignedOrOwn(noTeam, null, bilal.id, T0, billing.id)).toBe(true);
    expect((await store.conversations.getSummary(noTeam))!.team).toMatchObject({ id: billing.id });
    // search looks only where the queue does
    expect(await store.search.find('Marcus', { teamId: billing.id }, 10).then((hits) => hits.map((hit) => hit.conversationId).sort())).toEqual([toBilling, noTeam].sort());
    expect(await store.search.find('Marcus', { teamsOf: priya.id }, 10).then((hits) => hits.map((hit) => hit.conversationId))).toEqual([toReturns]);
  });

  it('lets one of two people of a team take its conversation at once; the team stays and the log says whose queue it was', async () => {
    const { store, priya, bilal, conversation } = await seed();
    const returns = await store.teams.create('Returns', T0);
    await store.teams.setMembers(returns.id, [priya.id, bilal.id], T0);
    const actions = createConversationActions(store, createIngestionService(store, createEventBus()), () => T0 + MIN);
    const id = await conversation('c-take');
    await actions.assign({ conversationId: id, assigneeId: null, teamId: returns.id, user: priya, mayReassign: false });
    const outcomes = await Promise.allSettled([actions.take({ conversationId: id, user: priya }), actions.take({ conversationId: id, user: bilal })]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const summary = (await store.conversations.getSummary(id))!;
    expect(summary.team).toEqual({ id: returns.id, name: 'Returns' });
    expect([priya.id, bilal.id]).toContain(summary.assignee?.id);
    const log = (await store.sessionEvents.listForConversation(id)).filter((event) => event.kind === 'assignment.changed');
    expect(log[0]).toMatchObject({ userId: priya.id, payload: { from: null, to: null, fromTeam: null, toTeam: returns.id } });
    expect(log).toHaveLength(2);
  });

  it.each(['delete', 'members'] as const)('holds the team while an assignment to it is checked and written: a team change (%s) meanwhile waits for it and then sees it', async (change) => {
    const { store, priya, bilal, conversation } = await seed();
    const bus = createEventBus();
    const teams = createTeamActions(store, bus, () => T0 + 2 * MIN);
    const actions = createConversationActions(store, createIngestionService(store, bus), () => T0 + MIN);
    const returns = await teams.create({ name: 'Returns', memberIds: [priya.id, bilal.id], user: null });
    const id = await conversation('c-held');
    const pause = pauseOnceTeamHeld(store);
    const assigning = actions.assign({ conversationId: id, assigneeId: priya.id, teamId: returns.id, user: bilal, mayReassign: true });
    await Promise.race([pause.held, assigning.then(() => Promise.reject(new Error('the assignment never held its team')))]);
    // the team changes while the assignment holds it, checked and not yet written
    const { running: changing } = await finishedOrWaiting(kind, store, () => (change === 'delete' ? teams.delete({ id: returns.id, user: bilal }) : teams.setMembers({ id: returns.id, memberIds: [bilal.id], user: bilal })));
    pause.go();
    const [assigned, changed] = await Promise.allSettled([assigning, changing]);
    // the assignment went first, whole (its log says what it wrote); the change after it, seeing it
    expect([assigned.status, changed.status]).toEqual(['fulfilled', 'fulfilled']);
    const log = (await store.sessionEvents.listForConversation(id)).filter((event) => event.kind === 'assignment.changed');
    const teamLog = (await store.sessionEvents.listOfKind('team.changed')).filter((event) => event.payload.change === (change === 'delete' ? 'deleted' : 'members'));
    expect(log[0]).toMatchObject({ userId: bilal.id, payload: { from: null, to: priya.id, fromTeam: null, toTeam: returns.id } });
    expect(log[0]!.id).toBeLessThan(teamLog[0]!.id);
    if (change === 'delete') {
      expect(changed).toMatchObject({ value: { unassigned: 1 } });
      expect((await store.conversations.getSummary(id))!).toMatchObject({ assignee: { id: priya.id }, team: null });
      expect(log[1]).toMatchObject({ userId: bilal.id, payload: { from: priya.id, to: priya.id, fromTeam: returns.id, toTeam: null } });
    } else {
      // Priya, taken off the team, loses the conversation she was given just before: it stays the team's
      expect(await store.teams.memberIds(returns.id)).toEqual([bilal.id]);
      expect((await store.conversations.getSummary(id))!).toMatchObject({ assignee: null, team: { id: returns.id } });
      expect(log[1]).toMatchObject({ userId: bilal.id, payload: { from: priya.id, to: null, fromTeam: returns.id, toTeam: returns.id } });
    }
  });

  it('takes those taken off a team off its unresolved conversations: they stay the team’s, with nobody, logged by whoever changed the team', async () => {
    const { store, priya, bilal, conversation } = await seed();
    const hannah = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, T0);
    const teams = createTeamActions(store, createEventBus(), () => T0 + MIN);
    const returns = await teams.create({ name: 'Returns', memberIds: [priya.id, bilal.id], user: null });
    const billing = await teams.create({ name: 'Billing', memberIds: [priya.id], user: null });
    const given = async (ref: string, assigneeId: number, teamId: number, status: 'open' | 'resolved' = 'open') => {
      const id = await conversation(ref);
      await store.conversations.setAssignee(id, assigneeId, T0, teamId);
      if (status !== 'open') await store.conversations.setStatus(id, status, T0);
      return id;
    };
    const priyas = await given('c-priya', priya.id, returns.id);
    const resolved = await given('c-resolved', priya.id, returns.id, 'resolved');
    const bilals = await given('c-bilal', bilal.id, returns.id);
    const otherTeam = await given('c-billing', priya.id, billing.id);
    await teams.setMembers({ id: returns.id, memberIds: [bilal.id], user: hannah });
    expect((await store.conversations.getSummary(priyas))!).toMatchObject({ assignee: null, team: { id: returns.id } });
    // a resolved one is left as it was; Bilal's stays his; Priya keeps hers on the team she is still on
    expect((await store.conversations.getSummary(resolved))!).toMatchObject({ assignee: { id: priya.id }, team: { id: returns.id } });
    expect((await store.conversations.getSummary(bilals))!).toMatchObject({ assignee: { id: bilal.id } });
    expect((await store.conversations.getSummary(otherTeam))!).toMatchObject({ assignee: { id: priya.id }, team: { id: billing.id } });
    const log = (await store.sessionEvents.listOfKind('assignment.changed')).map(({ conversationId, userId, payload }) => ({ conversationId, userId, payload }));
    expect(log).toEqual([{ conversationId: priyas, userId: hannah.id, payload: { from: priya.id, to: null, fromTeam: returns.id, toTeam: returns.id, leftTeam: true } }]);
    expect((await store.teams.byId(returns.id))!.open).toBe(2);
  });

  it('leaves alone a conversation of the team held by someone never on it when the members change: only those leaving lose theirs', async () => {
    const { store, priya, bilal, conversation } = await seed();
    const hannah = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, T0);
    const teams = createTeamActions(store, createEventBus(), () => T0 + MIN);
    const returns = await teams.create({ name: 'Returns', memberIds: [priya.id], user: null });
    // given to the team with Hannah, who was never on it (as a take did before a team's conversation needed a member)
    const hannahs = await conversation('c-hannah');
    await store.conversations.setAssignee(hannahs, hannah.id, T0, returns.id);
    await teams.setMembers({ id: returns.id, memberIds: [priya.id, bilal.id], user: hannah });
    expect((await store.conversations.getSummary(hannahs))!).toMatchObject({ assignee: { id: hannah.id }, team: { id: returns.id } });
    expect(await store.sessionEvents.listOfKind('assignment.changed')).toEqual([]);
    expect((await store.teams.byId(returns.id))!.members.map(({ id }) => id).sort()).toEqual([priya.id, bilal.id].sort());
  });

  it('reads one team (not all) and the people of a team in one query', async () => {
    const { store, priya, bilal } = await seed();
    const hannah = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, T0);
    const spy = countingStore(store);
    const teams = createTeamActions(spy.store, createEventBus(), () => T0);
    await teams.create({ name: 'Orders', memberIds: [priya.id, bilal.id, hannah.id], user: null });
    // (before: every team read to answer with one, and each of the three people read alone)
    expect([spy.count('teams.list'), spy.count('teams.byId'), spy.count('people.byId'), spy.count('people.byIds')]).toEqual([0, 1, 0, 1]);
    const returns = await store.teams.create('Returns', T0);
    await store.teams.create('Billing', T0);
    await store.teams.setMembers(returns.id, [priya.id, bilal.id], T0);
    expect(await store.teams.byId(returns.id)).toEqual({ id: returns.id, name: 'Returns', open: 0, members: [{ id: bilal.id, name: 'Bilal Haddad', role: 'agent' }, { id: priya.id, name: 'Priya Shah', role: 'agent' }] });
    expect(await store.teams.byId(999)).toBeNull();
    const people = await store.people.byIds([priya.id, 999, priya.id, bilal.id]);
    expect([...people.keys()].sort()).toEqual([priya.id, bilal.id].sort());
    expect(people.get(priya.id)).toMatchObject({ user: { name: 'Priya Shah' }, active: true });
  });
});
