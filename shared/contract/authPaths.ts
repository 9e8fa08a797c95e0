/**
 * The team server's account endpoints (HTTP, same origin as the console): signing in and out, the
 * first admin's setup, taking up an invitation, and the admins' People page. They are plain HTTP
 * because a session lives in an HttpOnly cookie, which only an HTTP answer can set or clear; every
 * body is checked against the schemas in people.ts before anything runs. Import-free, so the
 * Electron main process (which asks a team server whether it is one) carries no libraries.
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
