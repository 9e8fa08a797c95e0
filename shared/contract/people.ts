import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../passwordRules';
import { ROLES, type Role } from './domain';

/**
 * The team server's account endpoints (HTTP, same origin as the console): signing in and out, the
 * first admin's setup, taking up an invitation, and the admins' People page. They are plain HTTP
 * because a session lives in an HttpOnly cookie, which only an HTTP answer can set or clear; every
 * body is checked against these schemas before anything runs.
 */
export const AUTH_PATHS = {
  /** GET: who is signed in on this browser (200 SignedIn, 401 when nobody). */
  session: '/auth/session',
  signIn: '/auth/sign-in',
  signOut: '/auth/sign-out',
  /** POST { kind, token }: whether a setup link or an invitation still works, and what it is for (LinkInfo). */
  link: '/auth/link',
  /** POST SetupInput: makes the first admin, signed in. */
  setup: '/auth/setup',
  /** POST AcceptInvitationInput: takes up an invitation, signed in. */
  invitation: '/auth/invitation',
  /** Admins only. GET: everyone and the open invitations. */
  people: '/auth/people',
  /** Admins only. POST InviteInput → Invitation with its link (shown once). */
  invite: '/auth/people/invite',
  /** Admins only. POST { personId } */
  deactivate: '/auth/people/deactivate',
  /** An admin gives a person another role (POST { personId, role }). */
  changeRole: '/auth/people/role',
  reactivate: '/auth/people/reactivate',
  /** Admins only. POST { invitationId } */
  withdrawInvitation: '/auth/people/withdraw-invitation',
} as const;

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
