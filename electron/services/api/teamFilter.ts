/** The queue's team filter as the store takes it: one team's conversations, or those of the teams `me` is on ('mine'). */
export const teamFilter = (team: number | 'mine' | undefined, me: number): { teamId?: number; teamsOf?: number } =>
  team === 'mine' ? { teamsOf: me } : team !== undefined ? { teamId: team } : {};
