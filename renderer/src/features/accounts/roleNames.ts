import type { Role } from '../../../../shared/contract/domain';

export const ROLE_NAMES: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', executive: 'Executive', admin: 'Admin' };

/** What each role may do, said where an admin chooses one. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  agent: 'Works the queue: replies, notes, follow-ups.',
  supervisor: 'An agent who also edits the coach’s playbook and the team’s macros, and coaches.',
  executive: 'Reads conversations and replays; does not write to customers.',
  admin: 'Invites and deactivates people.',
};
