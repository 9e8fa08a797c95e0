import { AUTH_PATHS, type AuthRefusal, type LinkInfo, type NewInvitation, type PeopleList, type SignedIn } from '../../../shared/contract/people';
import type { Role } from '../../../shared/contract/domain';

/** A refused account request, with its typed code (and, rate-limited, how long to wait). */
export class AccountError extends Error {
  readonly code: AuthRefusal['code'] | 'transport' | 'not-a-team-server';
  readonly retryAfterMs: number | undefined;
  readonly needsFirstAdmin: boolean;

  constructor(refusal: { code: AccountError['code']; message: string; retryAfterMs?: number | undefined; needsFirstAdmin?: boolean | undefined }) {
    super(refusal.message);
    this.name = 'AccountError';
    this.code = refusal.code;
    this.retryAfterMs = refusal.retryAfterMs;
    this.needsFirstAdmin = refusal.needsFirstAdmin ?? false;
  }
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, body === undefined ? { credentials: 'same-origin' } : { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new AccountError({ code: 'transport', message: 'The Kinship server cannot be reached. Is it still running?' });
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    throw new AccountError({ code: 'not-a-team-server', message: 'This address is not a Kinship team server.' });
  }
  const json = (await response.json()) as T | AuthRefusal;
  if (!response.ok) throw new AccountError(json as AuthRefusal);
  return json as T;
}

/** The team server's account endpoints (shared/contract/people.ts), from the browser. The session travels in its cookie, never in script. */
export const accountsApi = {
  session: () => request<SignedIn>(AUTH_PATHS.session),
  signIn: (email: string, password: string) => request<SignedIn>(AUTH_PATHS.signIn, { email, password }),
  signOut: () => request<{ signedOut: true }>(AUTH_PATHS.signOut, {}),
  describeLink: (kind: 'setup' | 'invite', token: string) => request<LinkInfo>(AUTH_PATHS.link, { kind, token }),
  setUp: (input: { token: string; name: string; email: string; password: string }) => request<SignedIn>(AUTH_PATHS.setup, input),
  acceptInvitation: (input: { token: string; name: string; password: string }) => request<SignedIn>(AUTH_PATHS.invitation, input),
  people: () => request<PeopleList>(AUTH_PATHS.people),
  invite: (input: { email: string; name?: string; role: Role }) => request<NewInvitation>(AUTH_PATHS.invite, input),
  changeRole: (personId: number, role: Role) => request<PeopleList>(AUTH_PATHS.changeRole, { personId, role }),
  deactivate: (personId: number) => request<PeopleList>(AUTH_PATHS.deactivate, { personId }),
  reactivate: (personId: number) => request<PeopleList>(AUTH_PATHS.reactivate, { personId }),
  withdrawInvitation: (invitationId: number) => request<PeopleList>(AUTH_PATHS.withdrawInvitation, { invitationId }),
};
