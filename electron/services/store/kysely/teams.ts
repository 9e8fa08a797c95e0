import type { Role } from '../../../../shared/contract/domain';
import type { Team, TeamRef } from '../../../../shared/contract/teams';
import type { StoreContext } from '../storeContext';

/**
 * Teams (named groups of people) and who is on them. Names are unique whatever their case; a person
 * may be on several teams. Which conversations a team has is the conversations' own (team_id).
 */
export function createTeamsRepository(ctx: StoreContext) {
  return {
    /** Every team by name, with its members by name and its open or pending conversations. */
    async list(): Promise<Team[]> {
      const teams = await ctx.db().selectFrom('teams as t')
        .select(['t.id', 't.name'])
        .select((eb) => eb.selectFrom('conversations as c').select(eb.fn.countAll().as('n')).whereRef('c.team_id', '=', 't.id').where('c.status', 'in', ['open', 'pending']).as('open'))
        .orderBy((eb) => ctx.sql.caseless(eb.ref('t.name'))).orderBy('t.id').execute();
      const members = await ctx.db().selectFrom('team_members as tm').innerJoin('users as u', 'u.id', 'tm.user_id')
        .select(['tm.team_id', 'u.id', 'u.name', 'u.role']).orderBy('u.name').orderBy('u.id').execute();
      return teams.map((team) => ({
        id: team.id,
        name: team.name,
        open: Number(team.open),
        members: members.filter((member) => member.team_id === team.id).map(({ id, name, role }) => ({ id, name, role: role as Role })),
      }));
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
