import { z } from 'zod';
import type { Role } from './domain';

/** The longest name a team may have. */
export const TEAM_NAME_MAX = 60;

/** A team's name as typed: trimmed, 1–60 characters (unique whatever its case). */
export const teamNameSchema = z.string().trim().min(1, 'A team needs a name').max(TEAM_NAME_MAX, `A team’s name is at most ${TEAM_NAME_MAX} characters`);

/** How many people one team may have (a bound on one call's work, not a policy). */
export const TEAM_MEMBERS_MAX = 500;

/** Someone on a team. */
export interface TeamMember {
  id: number;
  name: string;
  role: Role;
}

/**
 * A named group of people (Zendesk's groups, Front's teams) a conversation can be assigned to, with
 * or without a person of it; the queue can show one team's conversations, or those of the caller's teams.
 */
export interface Team {
  id: number;
  name: string;
  /** By name. */
  members: TeamMember[];
  /** Its open or pending conversations now. */
  open: number;
}

/** The team a conversation is assigned to, as a row or header shows it. */
export interface TeamRef {
  id: number;
  name: string;
}
