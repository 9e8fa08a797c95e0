import type { Role, User } from '../../../shared/contract/domain';

/**
 * The person making a call, as the host knows them: every call carries one, and everything a call
 * writes is attributed to `person`. The desk's hosts pass the desk's owner; a team server passes
 * the signed-in person.
 */
export interface Caller {
  person: User;
  /** The signed-in session (or the desk's connection) the call came through; null for the services' own work. */
  sessionId: string | null;
  /**
   * The console (one connection) the call came through, set by a host that has one per connection
   * (the web hosts): presence and "viewing" / "typing" are per console. Absent: not one of those.
   */
  consoleId?: string | null;
  /**
   * The desk only, set by the api (never by a host): the person the console is viewed as. It narrows
   * what the console shows and permits to theirs; it never changes who acts.
   */
  viewAs?: User | null;
}

/** The role the console shows: the viewed person's while viewing as them, else the person's own. */
export function shownRole(caller: Caller): Role {
  return caller.viewAs?.role ?? caller.person.role;
}

/** The roles a call must be allowed for: the person's own and, while viewing as someone, theirs too (a view never grants more). */
export function rolesOf(caller: Caller): Role[] {
  return caller.viewAs ? [caller.person.role, caller.viewAs.role] : [caller.person.role];
}
