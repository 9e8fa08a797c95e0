import type { User } from '../../../shared/contract/domain';
import { roleMayCall } from '../../../shared/contract/permissions';
import type { Team } from '../../../shared/contract/teams';
import { Refusal } from '../common/refusal';
import type { EventBus } from '../events/eventBus';
import type { Store } from '../store/store';

type Change = 'created' | 'renamed' | 'members' | 'deleted';

/**
 * The workspace's teams: made, renamed, given members and deleted (by admins: the permission
 * table). Each change is one write with its entry in the session log, by whoever made it, and is
 * told to every console (teams.changed); a refusal changes nothing.
 */
export function createTeamActions(store: Store, bus: EventBus, now: () => number) {
  async function teamOf(id: number): Promise<Team> {
    const team = await store.teams.byId(id);
    if (!team) throw new Refusal('not-found', `There is no team ${id}.`);
    return team;
  }

  /** Only active people who answer customers are on teams (a team is who conversations go to). */
  async function checkMembers(memberIds: readonly number[]): Promise<void> {
    const accounts = await store.people.byIds(memberIds);
    for (const id of new Set(memberIds)) {
      const account = accounts.get(id);
      if (!account) throw new Refusal('not-found', `There is no person ${id}.`);
      const person = account.user;
      if (!account.active) throw new Refusal('invalid-input', `${person.name} has been deactivated: teams are of people who work here now.`);
      if (!roleMayCall(person.role, 'conversations.send')) throw new Refusal('invalid-input', `${person.name} does not answer customers: a team is of people conversations are assigned to.`);
    }
  }

  async function nameFree(name: string, except: number | null): Promise<void> {
    const clash = await store.teams.findByName(name);
    if (clash && clash.id !== except) throw new Refusal('conflict', `There is a team called “${clash.name}” already.`);
  }

  async function logged(user: User | null, teamId: number, change: Change, payload: Record<string, unknown>, at: number): Promise<void> {
    await store.sessionEvents.append({ at, kind: 'team.changed', conversationId: null, messageId: null, userId: user?.id ?? null, payload: { teamId, change, ...payload } });
  }

  function told(teamId: number, change: Change): void {
    bus.emit('teams.changed', { teamId, change });
  }

  return {
    list: () => store.teams.list(),

    async create(input: { name: string; memberIds: readonly number[]; user: User | null }): Promise<Team> {
      const at = now();
      const id = await store.transaction(async () => {
        await nameFree(input.name, null);
        await checkMembers(input.memberIds);
        const team = await store.teams.create(input.name, at);
        await store.teams.setMembers(team.id, input.memberIds, at);
        await logged(input.user, team.id, 'created', { name: input.name, memberIds: [...new Set(input.memberIds)] }, at);
        return team.id;
      });
      told(id, 'created');
      return teamOf(id);
    },

    async rename(input: { id: number; name: string; user: User | null }): Promise<Team> {
      const at = now();
      const changed = await store.transaction(async () => {
        const team = await store.teams.getById(input.id);
        if (!team) throw new Refusal('not-found', `There is no team ${input.id}.`);
        if (team.name === input.name) return false;
        await nameFree(input.name, team.id);
        if (!await store.teams.rename(team.id, input.name)) throw new Refusal('not-found', `There is no team ${input.id}.`);
        await logged(input.user, team.id, 'renamed', { from: team.name, to: input.name }, at);
        return true;
      });
      if (changed) told(input.id, 'renamed');
      return teamOf(input.id);
    },

    /**
     * Makes the team's members exactly these people. Those taken off it lose the team's unresolved
     * conversations they have (the conversations stay the team's, with nobody: a conversation
     * of a team keeps a person only if they are on it), each with its entry in the assignment log by
     * whoever changed the team. One teams.changed tells the consoles: it has them read the queues and
     * conversations again.
     */
    async setMembers(input: { id: number; memberIds: readonly number[]; user: User | null }): Promise<Team> {
      const at = now();
      const after = [...new Set(input.memberIds)].sort((a, b) => a - b);
      const changed = await store.transaction(async () => {
        // held, with the conversations of anyone not staying (before the team: an assignment's lock order):
        // an assignment to the team checks its members before this change or after it, never across it
        const held = await store.teams.holdForMembers(input.id, after);
        if (!held) throw new Refusal('not-found', `There is no team ${input.id}.`);
        const before = await store.teams.memberIds(input.id);
        // only those leaving lose theirs: one held by someone never on the team (given it before a
        // team's conversation needed a member) is not this change's to take
        const leaving = held.conversations.filter(({ assigneeId }) => assigneeId !== null && before.includes(assigneeId));
        // only those joining are checked: someone on the team since deactivated (or given a role that
        // answers no customer) stays until taken off, and never stops the team's members being edited
        await checkMembers(after.filter((id) => !before.includes(id)));
        if (before.length === after.length && before.every((id, n) => id === after[n])) return false;
        await store.teams.setMembers(input.id, after, at);
        for (const { id } of leaving) await store.conversations.setAssignee(id, null, at);
        await store.sessionEvents.appendMany(leaving.map(({ id, assigneeId }) => ({
          at, kind: 'assignment.changed', conversationId: id, messageId: null, userId: input.user?.id ?? null,
          payload: { from: assigneeId, to: null, fromTeam: input.id, toTeam: input.id, leftTeam: true },
        })));
        await logged(input.user, input.id, 'members', { from: before, to: after }, at);
        return true;
      });
      if (changed) told(input.id, 'members');
      return teamOf(input.id);
    },

    /**
     * Deletes the team: its conversations keep their person and have no team, each with its entry in
     * the assignment log (by whoever deleted the team: the team before and after, as an assignment
     * logs it). One teams.changed tells the consoles: it has them read the queues and conversations
     * again (one conversation.changed each would have every console read its lists once per conversation).
     */
    async delete(input: { id: number; user: User | null }): Promise<{ id: number; unassigned: number }> {
      const at = now();
      const userId = input.user?.id ?? null;
      const left = await store.transaction(async () => {
        // held with its conversations: an assignment to it is written before the deletion, or refused after it
        const held = await store.teams.holdForDelete(input.id);
        if (!held) throw new Refusal('not-found', `There is no team ${input.id}.`);
        const { team, conversations: had } = held;
        if (!await store.teams.delete(team.id)) throw new Refusal('not-found', `There is no team ${input.id}.`);
        await store.sessionEvents.appendMany(had.map(({ id, assigneeId }) => ({
          at, kind: 'assignment.changed', conversationId: id, messageId: null, userId,
          payload: { from: assigneeId, to: assigneeId, fromTeam: team.id, toTeam: null, teamDeleted: true },
        })));
        await logged(input.user, team.id, 'deleted', { name: team.name, conversations: had.length }, at);
        return had;
      });
      told(input.id, 'deleted');
      return { id: input.id, unassigned: left.length };
    },
  };
}

export type TeamActions = ReturnType<typeof createTeamActions>;
