import type { User } from '../../../shared/contract/domain';
import { afterCommit } from '../common/afterCommit';
import type { Store } from '../store/store';
import { hashSecretToken, newSecretToken, newSessionId } from './secretTokens';

/**
 * How long a session lasts: it ends after `idleMs` without a call from its console, and after
 * `absoluteMs` whatever happens (a shift, then sign in again). `touchEveryMs` bounds how often a
 * busy console's activity is written down.
 */
export interface SessionRules {
  idleMs: number;
  absoluteMs: number;
  touchEveryMs: number;
}

export const DEFAULT_SESSION_RULES: SessionRules = { idleMs: 8 * 3_600_000, absoluteMs: 24 * 3_600_000, touchEveryMs: 60_000 };

/** A session that is still good, and who it belongs to. */
export interface LiveSession {
  sessionId: string;
  person: User;
  /** When it ends unless used (idle) or at the latest (absolute), whichever is sooner. */
  expiresAt: number;
  /** When it ends at the latest. */
  endsAt: number;
}

export type SessionEndReason = 'signed-out' | 'deactivated' | 'expired';

export function createSignInSessions(store: Store, now: () => number, rules: SessionRules = DEFAULT_SESSION_RULES) {
  const listeners = new Set<(sessionIds: string[], reason: SessionEndReason) => void>();
  // told once the ending is stored (never if it rolls back): a console closed before the commit
  // could come back in on a session that still looks live, or be signed out of one that stays
  const ended = (ids: string[], reason: SessionEndReason) => {
    if (ids.length === 0) return;
    afterCommit(() => {
      for (const listener of listeners) listener(ids, reason);
    });
  };

  async function live(row: Awaited<ReturnType<Store['signInSessions']['byId']>>, touch = true): Promise<LiveSession | null> {
    if (!row || row.endedAt !== null) return null;
    const at = now();
    const expiresAt = Math.min(row.expiresAt, row.lastSeenAt + rules.idleMs);
    if (at >= expiresAt) return null;
    const account = await store.people.byId(row.userId);
    if (!account || !account.active || account.passwordHash === null) return null;
    if (touch && at - row.lastSeenAt >= rules.touchEveryMs) await store.signInSessions.touch(row.id, at);
    return { sessionId: row.id, person: account.user, expiresAt: Math.min(row.expiresAt, Math.max(row.lastSeenAt, at) + rules.idleMs), endsAt: row.expiresAt };
  }

  return {
    rules,
    /** Starts a session for a person who has just proved who they are; the token is returned once and only its hash is kept. */
    async start(person: User, meta: { address: string | null; userAgent: string | null }): Promise<{ token: string; session: LiveSession }> {
      const token = newSecretToken();
      const at = now();
      const sessionId = newSessionId();
      const endsAt = at + rules.absoluteMs;
      await store.signInSessions.create({ id: sessionId, userId: person.id, tokenHash: hashSecretToken(token), now: at, expiresAt: endsAt, address: meta.address, userAgent: meta.userAgent?.slice(0, 300) ?? null });
      return { token, session: { sessionId, person, expiresAt: Math.min(endsAt, at + rules.idleMs), endsAt } };
    },
    /** The session a token opens, counting this as activity; null when it has ended, expired or its person was deactivated. */
    async byToken(token: string): Promise<LiveSession | null> {
      if (token.length > 200) return null;
      return live(await store.signInSessions.byTokenHash(hashSecretToken(token)));
    },
    /** The same, by a session's id (a console's connection holds the id, not the token). */
    async byId(sessionId: string): Promise<LiveSession | null> {
      return live(await store.signInSessions.byId(sessionId));
    },
    /** Whether a session is still good, without counting the question as its console's activity (a heartbeat's look). */
    async isLive(sessionId: string): Promise<boolean> {
      return (await live(await store.signInSessions.byId(sessionId), false)) !== null;
    },
    async end(sessionId: string, reason: SessionEndReason): Promise<void> {
      if (await store.signInSessions.end(sessionId, reason, now())) ended([sessionId], reason);
    },
    /** Ends every session of a person at once (their consoles are signed out). */
    async endAllFor(userId: number, reason: SessionEndReason): Promise<void> {
      ended(await store.signInSessions.endAllFor(userId, reason, now()), reason);
    },
    /** Called with the ids of sessions as they are ended (sign-out, deactivation), so their connections can be closed. */
    onEnded(listener: (sessionIds: string[], reason: SessionEndReason) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Forgets sessions over for more than a day (kept that long to say why one ended). */
    async sweep(): Promise<number> {
      return await store.signInSessions.forgetEndedBefore(now() - 24 * 3_600_000);
    },
  };
}

export type SignInSessions = ReturnType<typeof createSignInSessions>;
