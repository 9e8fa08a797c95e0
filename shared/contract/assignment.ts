import type { User } from './domain';

/** Someone a conversation may be assigned to (a person who answers customers), with their open work. */
export interface Assignee {
  user: User;
  /** Their open or pending conversations now. */
  open: number;
}
