import type { Store } from '../store/store';

/**
 * How many failed sign-ins are allowed before more are refused unheard: per account (the e-mail
 * typed, known or not, so the limit says nothing about who has an account) and per address (one
 * machine trying many accounts). A window slides: the oldest failure in it leaving lets one more in.
 */
export interface SignInLimitRules {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitRules = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

export type LimitVerdict = { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAfterMs: number };

const accountKey = (email: string) => email.trim().toLowerCase();

export function createSignInLimits(store: Store, rules: SignInLimitRules = DEFAULT_SIGN_IN_LIMITS) {
  async function waitFor(scope: 'account' | 'address', key: string, limit: number, now: number): Promise<number> {
    const failures = await store.signInFailures.since(scope, key, now - rules.windowMs);
    if (failures.length < limit) return 0;
    // allowed again when enough of them have left the window to go under the limit
    return failures[failures.length - limit]! + rules.windowMs - now;
  }

  return {
    rules,
    /** Whether a sign-in for this e-mail from this address may be tried now. */
    async check(email: string, address: string, now: number): Promise<LimitVerdict> {
      const account = await waitFor('account', accountKey(email), rules.perAccount, now);
      const byAddress = await waitFor('address', address, rules.perAddress, now);
      if (account <= 0 && byAddress <= 0) return { allowed: true };
      return account >= byAddress ? { allowed: false, scope: 'account', retryAfterMs: account } : { allowed: false, scope: 'address', retryAfterMs: byAddress };
    },
    async failed(email: string, address: string, now: number): Promise<void> {
      await store.transaction(async () => {
        await store.signInFailures.record('account', accountKey(email), now);
        await store.signInFailures.record('address', address, now);
        await store.signInFailures.forgetUpTo(now - rules.windowMs);
      });
    },
    /** A right password clears the account's failures (not the address's: one right password does not vouch for the others tried). */
    async succeeded(email: string): Promise<void> {
      await store.signInFailures.clear('account', accountKey(email));
    },
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;
