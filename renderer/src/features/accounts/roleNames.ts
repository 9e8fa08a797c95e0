import type { Role } from '../../../../shared/contract/domain';
import { ROLE_LABELS } from '../../../../shared/contract/permissions';

const capitalised = (label: string) => label.charAt(0).toLocaleUpperCase('en') + label.slice(1);

/** The roles' names as a title or a badge says them ("Supervisor"), from the contract's one table of role labels. */
export const ROLE_NAMES = Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, label]) => [role, capitalised(label)])) as Record<Role, string>;

/** What each role may do, said where an admin chooses one. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  agent: 'Works the queue: replies, notes, follow-ups.',
  supervisor: 'An agent who also edits the coach’s playbook and the team’s macros, and coaches.',
  executive: 'Reads conversations and replays; does not write to customers.',
  admin: 'Invites and deactivates people.',
};
