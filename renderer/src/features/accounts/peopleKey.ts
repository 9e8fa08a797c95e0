/** The cache key of Settings → People: the team's people and open invitations. */
export const peopleKey = ['accounts.people'] as const;
