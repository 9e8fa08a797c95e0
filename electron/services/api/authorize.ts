import type { MethodName } from '../../../shared/contract/methods';
import { EVENT_READERS, METHOD_ROLES, ROLE_LABELS } from '../../../shared/contract/permissions';
import type { KinshipEvent } from '../../../shared/contract/events';
import { rolesOf, type Caller } from './caller';

/** Whether the caller may call the method (one table: shared/contract/permissions.ts). */
export function mayCall(caller: Caller, method: MethodName): boolean {
  return rolesOf(caller).every((role) => METHOD_ROLES[method].includes(role));
}

/** A refusal's words: who may, in the terms a person reads. */
export function forbiddenMessage(caller: Caller, method: MethodName): string {
  const allowed = new Intl.ListFormat('en', { type: 'disjunction' }).format(METHOD_ROLES[method].map((role) => `${ROLE_LABELS[role]}s`));
  // whoever's role refuses it: the person's own, else the one the console is viewed as
  const ownRoleRefuses = !METHOD_ROLES[method].includes(caller.person.role);
  const who = ownRoleRefuses || !caller.viewAs ? `${caller.person.name} (${ROLE_LABELS[caller.person.role]})` : `${caller.viewAs.name} (${ROLE_LABELS[caller.viewAs.role]}, viewed as)`;
  return `${who} may not call ${method}: only ${allowed} may.`;
}

/** Whether an event may go to this caller's console: the table's reader method, and a draft's change only to its author. */
export function mayReceive(caller: Caller, event: KinshipEvent): boolean {
  if (!mayCall(caller, EVENT_READERS[event.name])) return false;
  if (event.name === 'draft.changed') return event.payload.userId === caller.person.id;
  // someone else's viewing and typing (a note's too: whoever reads the conversation reads its notes); never one's own
  if (event.name === 'activity.changed') return event.payload.userId !== caller.person.id;
  return true;
}
