import type { Role, User } from '../../../shared/contract/domain';
import type { Invitation, LinkInfo, PeopleList } from '../../../shared/contract/people';
import { passwordProblem } from '../../../shared/passwordRules';
import { tryAgainIn } from '../../../shared/tryAgainIn';
import { Refusal } from '../common/refusal';
import type { Store } from '../store/store';
import type { OneTimeLink } from '../store/kysely/oneTimeLinks';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwordHashing';
import { hashSecretToken, newSecretToken } from './secretTokens';
import { createSignInLimits, DEFAULT_SIGN_IN_LIMITS, type SignInLimitRules } from './signInLimits';
import { createSignInSessions, DEFAULT_SESSION_RULES, type LiveSession, type SessionRules } from './signInSessions';

export interface PeopleOptions {
  store: Store;
  now?: () => number;
  sessions?: Partial<SessionRules>;
  limits?: Partial<SignInLimitRules>;
  /** Tests lower it; a real server keeps the default. */
  scryptCost?: ScryptCost;
  setupLinkMs?: number;
  invitationMs?: number;
  /** Told after a person is added, deactivated, reactivated or given another role (the host re-reads who may receive what). */
  onChange?: (personId: number) => void;
}

/** Where a sign-in comes from: the client's address (for rate limiting) and its browser, kept with the session. */
export interface RequestMeta {
  address: string;
  userAgent: string | null;
}

/** A sign-in refused: wrong e-mail or password, a deactivated account, or too many tries (with when to try again). */
export class SignInRefused extends Error {
  readonly code: 'wrong-credentials' | 'deactivated' | 'rate-limited';
  readonly retryAfterMs: number | undefined;

  constructor(code: SignInRefused['code'], message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'SignInRefused';
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A signed-in session, with its secret token (to go into the cookie; never stored). */
export interface Started {
  token: string;
  session: LiveSession;
}

/** How long a setup link and an invitation work. */
export const LINK_LIFETIMES = { setupMs: 3_600_000, invitationMs: 7 * 24 * 3_600_000 };

const WRONG = 'That e-mail address and password do not match an account here.';

/**
 * People who sign in to a team server: accounts, passwords, sessions, the first admin's setup
 * link, invitations and deactivation. Plain Node over the store; the web host binds it to HTTP
 * and to each console's connection.
 */
export function createPeopleService(options: PeopleOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const cost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  const sessions = createSignInSessions(store, now, { ...DEFAULT_SESSION_RULES, ...options.sessions });
  const limits = createSignInLimits(store, { ...DEFAULT_SIGN_IN_LIMITS, ...options.limits });
  const setupLinkMs = options.setupLinkMs ?? LINK_LIFETIMES.setupMs;
  const invitationMs = options.invitationMs ?? LINK_LIFETIMES.invitationMs;
  // an unknown e-mail still costs one hash, so how fast the answer comes says nothing about who has an account
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= hashPassword(newSecretToken(), cost));

  const changed = (personId: number) => options.onChange?.(personId);

  async function requireAdmin(actor: User): Promise<void> {
    const account = await store.people.byId(actor.id);
    if (!account || !account.active || account.user.role !== 'admin') throw new Refusal('forbidden', 'Only an admin can manage the people who sign in.');
  }

  function checkPassword(password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new Refusal('invalid-input', problem);
  }

  const usedAlready = (kind: OneTimeLink['kind']) =>
    new Refusal('conflict', kind === 'setup' ? 'This setup link has already been used: sign in instead.' : 'This invitation has already been taken up: sign in instead.');

  async function openLink(token: string, kind: OneTimeLink['kind']): Promise<OneTimeLink> {
    const link = await store.oneTimeLinks.byTokenHash(hashSecretToken(token));
    const what = kind === 'setup' ? 'setup link' : 'invitation';
    if (!link || link.kind !== kind) throw new Refusal('not-found', `This ${what} is not one this server made. Check that the whole link was copied.`);
    return stillOpen(link);
  }

  /** The link, if it still works; else why not (used, withdrawn, expired). */
  function stillOpen(link: OneTimeLink): OneTimeLink {
    const { kind } = link;
    if (link.usedAt !== null) throw usedAlready(kind);
    if (link.revokedAt !== null) throw new Refusal('conflict', kind === 'setup' ? 'This setup link was replaced by a newer one (printed when the server last started).' : 'This invitation was withdrawn. Ask an admin for a new one.');
    if (link.expiresAt <= now()) throw new Refusal('conflict', kind === 'setup' ? 'This setup link has expired. Restart the server for a new one.' : 'This invitation has expired. Ask an admin for a new one.');
    return link;
  }

  /**
   * Inside the transaction that makes the account: marks the link used where it is still open (one
   * UPDATE … WHERE used_at IS NULL), or refuses. Of two people using one link at once, the second's
   * claim waits for the first to commit, then finds the link used: refused, with nothing made.
   */
  async function claim(link: OneTimeLink): Promise<void> {
    if (await store.oneTimeLinks.use(link.id, null, now())) return;
    // not claimed: say why (used, withdrawn or expired a moment ago)
    const latest = await store.oneTimeLinks.byId(link.id);
    stillOpen(latest ?? link);
    throw usedAlready(link.kind);
  }

  /**
   * The team keeps an active admin who can sign in: refuses a change that would take the last one
   * away (deactivation, another role). Call under the admins' hold.
   */
  async function keepAnAdmin(target: { user: User; active: boolean; passwordHash: string | null }): Promise<void> {
    const counts = target.user.role === 'admin' && target.active && target.passwordHash !== null;
    if (counts && (await store.people.countActiveAdmins()) <= 1) {
      throw new Refusal('conflict', `${target.user.name} is the only admin who can sign in: make someone else an admin first.`);
    }
  }

  const toInvitation = (link: OneTimeLink): Invitation => ({
    id: link.id,
    email: link.email ?? '',
    name: link.name,
    role: link.role ?? 'agent',
    invitedBy: link.createdByName,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
  });

  return {
    sessions,
    limits,

    /** Whether the server still needs its first admin. */
    async needsFirstAdmin(): Promise<boolean> {
      return await store.people.countActiveAdmins() === 0;
    },

    /**
     * A new one-time setup link's token, when no admin can sign in yet (null otherwise). Any older
     * setup link stops working: only the one printed last opens.
     */
    async issueSetupLink(): Promise<{ token: string; expiresAt: number } | null> {
      if (await store.people.countActiveAdmins() > 0) return null;
      const token = newSecretToken();
      const at = now();
      const expiresAt = at + setupLinkMs;
      await store.transaction(async () => {
        await store.oneTimeLinks.revokeOpen('setup', at);
        await store.oneTimeLinks.create({ kind: 'setup', tokenHash: hashSecretToken(token), now: at, expiresAt });
      });
      return { token, expiresAt };
    },

    /** What a link is for, before the form is filled in. */
    async describeLink(token: string, kind: OneTimeLink['kind']): Promise<LinkInfo> {
      try {
        const link = await openLink(token, kind);
        if (kind === 'setup') {
          if (await store.people.countActiveAdmins() > 0) return { valid: false, message: 'This server already has an admin: sign in instead.' };
          return { valid: true, kind: 'setup', expiresAt: link.expiresAt };
        }
        return { valid: true, kind: 'invite', email: link.email ?? '', name: link.name, role: link.role ?? 'agent', expiresAt: link.expiresAt };
      } catch (error) {
        if (error instanceof Refusal) return { valid: false, message: error.message };
        throw error;
      }
    },

    /** The first admin, from the setup link (which then works no more); they are signed in. */
    async setUpFirstAdmin(input: { token: string; name: string; email: string; password: string }, meta: RequestMeta): Promise<Started> {
      await openLink(input.token, 'setup');
      checkPassword(input.password, input.email);
      const hash = await hashPassword(input.password, cost);
      const admin = await store.transaction(async () => {
        // checked again inside the write, under the admins' hold: two people with the link (or with
        // two links) at once make one admin, and the link is claimed before anything is made
        await store.people.holdAdmins();
        const link = await openLink(input.token, 'setup');
        if (await store.people.countActiveAdmins() > 0) throw new Refusal('conflict', 'This server already has an admin: sign in instead.');
        await claim(link);
        const existing = await store.people.byEmail(input.email);
        if (existing?.passwordHash) throw new Refusal('conflict', `${input.email} already has an account here.`);
        const person = await store.people.createOrClaim({ name: input.name, email: input.email, role: 'admin' }, now());
        await store.people.setPasswordHash(person.id, hash, now());
        await store.oneTimeLinks.setUsedBy(link.id, person.id);
        return person;
      });
      changed(admin.id);
      return sessions.start(admin, meta);
    },

    async signIn(input: { email: string; password: string }, meta: RequestMeta): Promise<Started> {
      // the try is counted before the password is checked (and given back if it is right)
      const attempt = await limits.attempt(input.email, meta.address, now());
      if (!attempt.allowed) {
        const who = attempt.scope === 'account' ? 'this account' : 'this address';
        throw new SignInRefused('rate-limited', `Too many failed sign-ins for ${who}. ${tryAgainIn(attempt.retryAfterMs)}`, attempt.retryAfterMs);
      }
      const account = await store.people.byEmail(input.email);
      const right = await verifyPassword(input.password, account?.passwordHash ?? (await decoyHash()));
      if (!account?.passwordHash || !right) throw new SignInRefused('wrong-credentials', WRONG);
      await limits.succeeded(input.email, attempt);
      // only someone who knows the password learns that the account is deactivated
      if (!account.active) throw new SignInRefused('deactivated', 'This account has been deactivated. Ask an admin of this server if you need it again.');
      if (needsRehash(account.passwordHash, cost)) await store.people.setPasswordHash(account.user.id, await hashPassword(input.password, cost), now());
      return sessions.start(account.user, meta);
    },

    async signOut(sessionId: string): Promise<void> {
      await sessions.end(sessionId, 'signed-out');
    },

    /** An invitation: a one-time link (returned once) for this e-mail and role. */
    async invite(actor: User, input: { email: string; name?: string | undefined; role: Role }): Promise<{ token: string; invitation: Invitation }> {
      await requireAdmin(actor);
      const existing = await store.people.byEmail(input.email);
      if (existing?.passwordHash) {
        throw new Refusal(
          'conflict',
          existing.active ? `${existing.user.name} (${existing.user.email}) already has an account here.` : `${existing.user.name} (${existing.user.email}) has a deactivated account here: reactivate it instead.`,
        );
      }
      const token = newSecretToken();
      const at = now();
      const id = await store.transaction(async () => {
        // a new invitation replaces any earlier one for the same address
        await store.oneTimeLinks.revokeInvitesFor(input.email, at);
        return await store.oneTimeLinks.create({ kind: 'invite', tokenHash: hashSecretToken(token), email: input.email, name: input.name ?? null, role: input.role, createdBy: actor.id, now: at, expiresAt: at + invitationMs });
      });
      return { token, invitation: toInvitation((await store.oneTimeLinks.byId(id))!) };
    },

    /** Takes up an invitation: the account is made with the invited role, and its person signed in. */
    async acceptInvitation(input: { token: string; name: string; password: string }, meta: RequestMeta): Promise<Started> {
      const invited = await openLink(input.token, 'invite');
      checkPassword(input.password, invited.email ?? '');
      const hash = await hashPassword(input.password, cost);
      const person = await store.transaction(async () => {
        const link = await openLink(input.token, 'invite');
        // claimed first: of two people taking it up at once, one makes the account, the other is told
        await claim(link);
        const email = link.email ?? '';
        const existing = await store.people.byEmail(email);
        if (existing?.passwordHash) throw new Refusal('conflict', `${email} already has an account here: sign in instead.`);
        const made = await store.people.createOrClaim({ name: input.name, email, role: link.role ?? 'agent' }, now());
        await store.people.setPasswordHash(made.id, hash, now());
        await store.oneTimeLinks.setUsedBy(link.id, made.id);
        return made;
      });
      changed(person.id);
      return sessions.start(person, meta);
    },

    async withdrawInvitation(actor: User, invitationId: number): Promise<void> {
      await requireAdmin(actor);
      const link = await store.oneTimeLinks.byId(invitationId);
      if (!link || link.kind !== 'invite') throw new Refusal('not-found', 'There is no such invitation.');
      if (!await store.oneTimeLinks.revoke(invitationId, now())) throw new Refusal('conflict', 'This invitation has already been taken up or withdrawn.');
    },

    /** Deactivates a person: they cannot sign in, and every session of theirs ends now (open consoles are signed out). */
    async deactivate(actor: User, personId: number): Promise<void> {
      await requireAdmin(actor);
      if (personId === actor.id) throw new Refusal('forbidden', 'You cannot deactivate yourself: another admin can.');
      const done = await store.transaction(async () => {
        // checked again under the admins' hold: two admins deactivating each other at once leave one
        await store.people.holdAdmins();
        await requireAdmin(actor);
        const target = await store.people.byId(personId);
        if (!target) throw new Refusal('not-found', 'There is no such person.');
        if (!target.active) return false;
        await keepAnAdmin(target);
        await store.people.setActive(personId, false, now());
        await sessions.endAllFor(personId, 'deactivated');
        return true;
      });
      if (done) changed(personId);
    },

    /**
     * Gives a person another role. What they may call follows at their next call and what their
     * consoles receive at the next event; the team keeps at least one admin who can sign in.
     */
    async changeRole(actor: User, personId: number, role: Role): Promise<void> {
      await requireAdmin(actor);
      const unchanged = await store.transaction(async () => {
        // read again under the admins' hold: two admins demoted at once never leave none, and an
        // admin demoted or deactivated a moment ago demotes nobody
        await store.people.holdAdmins();
        await requireAdmin(actor);
        const target = await store.people.byId(personId);
        if (!target) throw new Refusal('not-found', 'There is no such person.');
        if (target.user.role === role) return true;
        if (role !== 'admin') await keepAnAdmin(target);
        await store.people.setRole(personId, role);
        return false;
      });
      if (!unchanged) changed(personId);
    },

    async reactivate(actor: User, personId: number): Promise<void> {
      await requireAdmin(actor);
      await store.transaction(async () => {
        await store.people.holdAdmins();
        await requireAdmin(actor);
        const target = await store.people.byId(personId);
        if (!target) throw new Refusal('not-found', 'There is no such person.');
        // an account left aside for another with the same address (see migration 17) stays aside
        const owner = await store.people.byEmail(target.user.email);
        if (owner && owner.user.id !== personId) {
          throw new Refusal('conflict', `${target.user.email} signs in to ${owner.user.name}'s account: this one, with the same address, stays deactivated.`);
        }
        await store.people.setActive(personId, true, now());
      });
      changed(personId);
    },

    async list(actor: User): Promise<PeopleList> {
      await requireAdmin(actor);
      return { people: await store.people.list(now()), invitations: (await store.oneTimeLinks.open('invite', now())).map(toInvitation) };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
