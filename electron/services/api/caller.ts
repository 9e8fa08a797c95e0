import type { User } from '../../../shared/contract/domain';

/** Who makes a call: the signed-in person, and their session (null where nobody signs in, as on the desk). */
export type Caller = { person: User; sessionId: string | null };
