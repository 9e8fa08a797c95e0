import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../passwordRules';
import { ROLES, type Role } from './domain';

export { AUTH_PATHS } from './authPaths';

/** The address fragments of the one-time links: #setup=…, #invite=… (a fragment never reaches a server's logs). */
export const SETUP_HASH = 'setup';
export const INVITE_HASH = 'invite';

const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'This does not look like an e-mail address.' }));
const name = z.string().trim().min(1, 'A name is needed.').max(120);
const password = z.string().min(1, 'A password is needed.').max(PASSWORD_MAX_LENGTH * 4);
const token = z.string().min(16).max(200);

export const signInInput = z.object({ email, password });
export type SignInInput = z.infer<typeof signInInput>;

export const setupInput = z.object({ token, name, email, password });
export type SetupInput = z.infer<typeof setupInput>;

export const acceptInvitationInput = z.object({ token, name, password });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const inviteInput = z.object({ email, name: name.optional(), role: z.enum(ROLES) });
export type InviteInput = z.infer<typeof inviteInput>;

export const personIdInput = z.object({ personId: z.number().int().positive() });
export const changeRoleInput = z.object({ personId: z.number().int().positive(), role: z.enum(ROLES) });
export const invitationIdInput = z.object({ invitationId: z.number().int().positive() });

/** Someone who can (or could) sign in, as the People page lists them. */
export interface Person {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** Has a password (people of the demo cast, for instance, have none and cannot sign in). */
  canSignIn: boolean;
  /** Sessions open now. */
  openSessions: number;
  lastSignInAt: number | null;
  deactivatedAt: number | null;
  /** Why, when it was not an admin's doing (an upgrade that found the same address on two accounts). */
  deactivatedReason: string | null;
}

export interface Invitation {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface PeopleList {
  people: Person[];
  invitations: Invitation[];
}

/** What inviting answers: the invitation and its link, shown to the admin once (only its hash is kept). */
export interface NewInvitation {
  invitation: Invitation;
  link: string;
}

/** The person signed in on this browser. */
export interface SignedIn {
  person: { id: number; name: string; email: string; role: Role };
  expiresAt: number;
}

/** What a setup or invitation link is for, before it is used (GET). */
export type LinkInfo =
  | { valid: true; kind: 'setup'; expiresAt: number }
  | { valid: true; kind: 'invite'; email: string; name: string | null; role: Role; expiresAt: number }
  | { valid: false; message: string };

/** A refused account request: a typed code and words to show (429 carries when to try again). */
export interface AuthRefusal {
  code: 'invalid-input' | 'unauthenticated' | 'forbidden' | 'rate-limited' | 'conflict' | 'not-found' | 'internal';
  message: string;
  retryAfterMs?: number;
  issues?: { path: string; message: string }[];
  /** On GET session when nobody is signed in: the server has no admin yet (its console printed a setup link). */
  needsFirstAdmin?: boolean;
}
