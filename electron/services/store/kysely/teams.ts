import type { Role } from '../../../../shared/contract/domain';
import type { Team, TeamRef } from '../../../../shared/contract/teams';
import type { StoreContext } from '../storeContext';

/**
 * Teams (named groups of people) and who is on them. Names are unique whatever their case; a person
 * may be on several teams. Which conversations a team has is the conversations' own (team_id).
 */
export function createTeamsRepository(ctx: StoreContext) {
  /** The teams (all, or the one with this id) with their members and open or pending conversations. */
  async function read(id: number | null): Promise<Team[]> {
    let teams = ctx.db().selectFrom('teams as t')
      .select(['t.id', 't.name'])
      .select((eb) => eb.selectFrom('conversations as c').select(eb.fn.countAll().as('n')).whereRef('c.team_id', '=', 't.id').where('c.status', 'in', ['open', 'pending']).as('open'))
      .orderBy((eb) => ctx.sql.caseless(eb.ref('t.name'))).orderBy('t.id');
    let members = ctx.db().selectFrom('team_members as tm').innerJoin('users as u', 'u.id', 'tm.user_id')
      .select(['tm.team_id', 'u.id', 'u.name', 'u.role']).orderBy('u.name').orderBy('u.id');
    if (id !== null) {
      teams = teams.where('t.id', '=', id);
      members = members.where('tm.team_id', '=', id);
    }
    const [teamRows, memberRows] = [await teams.execute(), await members.execute()];
    return teamRows.map((team) => ({
      id: team.id,
      name: team.name,
      open: Number(team.open),
      members: memberRows.filter((member) => member.team_id === team.id).map(({ id: memberId, name, role }) => ({ id: memberId, name, role: role as Role })),
    }));
  }

  /**
   * Inside a transaction: reads the team and holds it until the transaction ends, or null when there
   * is no such team (any more). PostgreSQL's row lock — FOR SHARE for an assignment, which only reads
   * the team, FOR NO KEY UPDATE for a change of the team itself — so that an assignment and a change
   * of the team (its members, its deletion) do not cross: whichever comes second waits for the first
   * to commit and then sees what it wrote. SQLite's write transaction (begun IMMEDIATE) holds the
   * whole file already. Lock order: a conversation's row (conversations.holdForWrite) before its team.
   */
  async function hold(id: number, mode: 'share' | 'change'): Promise<TeamRef | null> {
    let query = ctx.db().selectFrom('teams').select(['id', 'name']).where('id', '=', id);
    if (ctx.sql.kind === 'postgres') query = mode === 'share' ? query.forShare() : query.forNoKeyUpdate();
    return (await query.executeTakeFirst()) ?? null;
  }

  /**
   * The team held for a change (see hold) with its conversations — all of them (`keepIds` null), or
   * its unresolved ones held by someone not among `keepIds` — and who has each, in the order of
   * their ids, or null when there is no such team. On PostgreSQL the conversations are held too (as
   * conversations.holdForWrite holds one), before the team: the order an assignment holds them in.
   * They are read again once the team is held, so one given to the team in between is among them —
   * but that one is held after the team: if its assignment still holds it, waiting for the team we
   * hold, the two wait on each other in a ring; PostgreSQL finds the deadlock, fails one of them
   * (40P01) and the store runs that transaction again.
   */
  async function holdWithConversations(id: number, keepIds: readonly number[] | null): Promise<{ team: TeamRef; conversations: { id: number; assigneeId: number | null }[] } | null> {
    const ofTeam = async () => {
      let query = ctx.db().selectFrom('conversations').select(['id', 'assignee_id']).where('team_id', '=', id).orderBy('id');
      if (keepIds !== null) {
        query = query.where('status', '!=', 'resolved').where('assignee_id', 'is not', null);
        if (keepIds.length > 0) query = query.where('assignee_id', 'not in', [...keepIds]);
      }
      if (ctx.sql.kind === 'postgres') query = query.forNoKeyUpdate();
      return (await query.execute()).map((row) => ({ id: row.id, assigneeId: row.assignee_id }));
    };
    if (ctx.sql.kind === 'postgres') await ofTeam();
    const team = await hold(id, 'change');
    return team ? { team, conversations: await ofTeam() } : null;
  }

  return {
    /** The team, held against its deletion and changes of its members while an assignment to it is checked and written (see hold). */
    holdForAssignment: (id: number) => hold(id, 'share'),
    /**
     * Inside a transaction: the team held for its deletion (see hold), with the conversations assigned
     * to it and who has each, in the order of their ids, or null when there is no such team (see
     * holdWithConversations).
     */
    holdForDelete: (id: number) => holdWithConversations(id, null),
    /**
     * Inside a transaction: the team held for a change of its members (see hold), with its unresolved
     * conversations (open, pending, snoozed: they come back) held by someone not among `keepIds` (who has each, in the order of their
     * ids), or null when there is no such team (see holdWithConversations).
     */
    holdForMembers: (id: number, keepIds: readonly number[]) => holdWithConversations(id, keepIds),
    /** Every team by name, with its members by name and its open or pending conversations. */
    list: (): Promise<Team[]> => read(null),
    /** One team, as the list shows it (with its members and open work), or null. */
    async byId(id: number): Promise<Team | null> {
      return (await read(id))[0] ?? null;
    },
    async getById(id: number): Promise<TeamRef | null> {
      return (await ctx.db().selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
    },
    /** The team with this name, whatever its case. */
    async findByName(name: string): Promise<TeamRef | null> {
      return (await ctx.db().selectFrom('teams').select(['id', 'name']).where((eb) => eb(ctx.sql.caseless(eb.ref('name')), '=', ctx.sql.caseless(eb.val(name)))).executeTakeFirst()) ?? null;
    },
    async create(name: string, at: number): Promise<TeamRef> {
      const { id } = await ctx.db().insertInto('teams').values({ name, created_at: at }).returning('id').executeTakeFirstOrThrow();
      return { id, name };
    },
    /** Renames the team: false when there is no such team (any more). */
    async rename(id: number, name: string): Promise<boolean> {
      return (await ctx.db().updateTable('teams').set({ name }).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;
    },
    /** Deletes the team: its memberships go with it, its conversations keep their person and lose the team. */
    async delete(id: number): Promise<boolean> {
      return (await ctx.db().deleteFrom('teams').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
    },
    /** The ids of the team's members. */
    async memberIds(id: number): Promise<number[]> {
      return (await ctx.db().selectFrom('team_members').select('user_id').where('team_id', '=', id).orderBy('user_id').execute()).map((row) => row.user_id);
    },
    /** Makes the team's members exactly these people (those already on it keep when they joined). */
    async setMembers(id: number, userIds: readonly number[], at: number): Promise<void> {
      const keep = [...new Set(userIds)];
      let removal = ctx.db().deleteFrom('team_members').where('team_id', '=', id);
      if (keep.length > 0) removal = removal.where('user_id', 'not in', keep);
      await removal.execute();
      if (keep.length === 0) return;
      await ctx.db().insertInto('team_members').values(keep.map((userId) => ({ team_id: id, user_id: userId, added_at: at })))
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing()).execute();
    },
    /** Whether the person is on the team. */
    async isMember(id: number, userId: number): Promise<boolean> {
      return (await ctx.db().selectFrom('team_members').select('user_id').where('team_id', '=', id).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
    },
  };
}

export type TeamsRepository = ReturnType<typeof createTeamsRepository>;
