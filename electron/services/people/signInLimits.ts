import { emailKey } from '../store/emailKey';
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

/** The account's count is kept under its e-mail as the store compares it (whatever its case or Unicode form). */
const accountKey = emailKey;

/** A try let in: the rows that count it, given back if it succeeds. */
export type Attempt = { allowed: true; counted: number[] } | Extract<LimitVerdict, { allowed: false }>;

export function createSignInLimits(store: Store, rules: SignInLimitRules = DEFAULT_SIGN_IN_LIMITS) {
  async function waitFor(scope: 'account' | 'address', key: string, limit: number, now: number): Promise<number> {
    const failures = await store.signInFailures.since(scope, key, now - rules.windowMs);
    if (failures.length < limit) return 0;
    // allowed again when enough of them have left the window to go under the limit
    return failures[failures.length - limit]! + rules.windowMs - now;
  }

  /** Whether a sign-in for this e-mail from this address may be tried now. */
  async function check(email: string, address: string, now: number): Promise<LimitVerdict> {
    const account = await waitFor('account', accountKey(email), rules.perAccount, now);
    const byAddress = await waitFor('address', address, rules.perAddress, now);
    if (account <= 0 && byAddress <= 0) return { allowed: true };
    return account >= byAddress ? { allowed: false, scope: 'account', retryAfterMs: account } : { allowed: false, scope: 'address', retryAfterMs: byAddress };
  }

  return {
    rules,
    check,
    /**
     * Takes one try, if the limits allow it. The try is counted at once, as a failure, under a hold
     * on the account's and the address's counts: of a burst of sign-ins at once, only as many as the
     * limit get past here, however long their passwords take to check. A right password gives its
     * try back (`succeeded`); a wrong one leaves it counted.
     */
    async attempt(email: string, address: string, now: number): Promise<Attempt> {
      return await store.transaction(async () => {
        await store.signInFailures.hold('account', accountKey(email));
        await store.signInFailures.hold('address', address);
        const verdict = await check(email, address, now);
        if (!verdict.allowed) return verdict;
        const counted = [await store.signInFailures.record('account', accountKey(email), now), await store.signInFailures.record('address', address, now)];
        await store.signInFailures.forgetUpTo(now - rules.windowMs);
        return { allowed: true as const, counted };
      });
    },
    /**
     * A right password: its try is given back, and the account's failures are cleared (not the
     * address's: one right password does not vouch for the others tried).
     */
    async succeeded(email: string, attempt: { counted: number[] }): Promise<void> {
      await store.transaction(async () => {
        await store.signInFailures.remove(attempt.counted);
        await store.signInFailures.clear('account', accountKey(email));
      });
    },
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;
