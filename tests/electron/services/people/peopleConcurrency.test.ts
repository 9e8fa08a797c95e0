import { describe, expect, it } from 'vitest';
import { Refusal } from '../../../../electron/services/common/refusal';
import { createPeopleService, type PeopleService, type SignInRefused } from '../../../../electron/services/people';
import type { Store } from '../../../../electron/services/store/store';
import type { User } from '../../../../shared/contract/domain';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * People's changes made at the same moment, on both stores. On PostgreSQL the two calls really run
 * at once (the store's pool gives each transaction its own connection); on SQLite they interleave
 * on its one writer. Whatever the timing, the rules hold: a one-time link makes one account, the
 * team keeps an admin,
 * and a person deactivated while signing in keeps no session.
 */
const LOW = { ln: 10, r: 8, p: 1 };
const here = { address: '10.0.0.7', userAgent: 'test' };
const PASSWORD = 'purple kettle on the stairs';

async function setUp(kind: (typeof STORE_KINDS)[number]) {
  const { store } = await openTestStore(kind);
  const at = Date.UTC(2026, 10, 28, 9);
  const people = createPeopleService({ store, now: () => at, scryptCost: LOW });
  return { store, people };
}

async function twoAdmins(people: PeopleService): Promise<[User, User]> {
  const link = (await people.issueSetupLink())!;
  const ada = (await people.setUpFirstAdmin({ token: link.token, name: 'Ada', email: 'ada@kinship.test', password: PASSWORD }, here)).session.person;
  const { token } = await people.invite(ada, { email: 'bea@kinship.test', role: 'admin' });
  const bea = (await people.acceptInvitation({ token, name: 'Bea', password: PASSWORD }, here)).session.person;
  return [ada, bea];
}

/** The refusals among settled calls, and how many succeeded. */
function outcome(results: PromiseSettledResult<unknown>[]) {
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
  return { succeeded: results.length - refused.length, refused };
}

/**
 * On PostgreSQL, the next `parties` transactions each wait, once begun, until all of them have
 * begun: their work then truly overlaps (each on its own connection), whatever the machine's load.
 * SQLite has one writer, so its transactions cannot overlap at all: there the calls interleave.
 */
function overlapTransactions(kind: (typeof STORE_KINDS)[number], store: Store, parties = 2): void {
  if (kind !== 'postgres') return;
  const original = store.transaction;
  let waiting = parties;
  let release!: () => void;
  const allBegun = new Promise<void>((resolve) => (release = resolve));
  store.transaction = (<T>(work: () => Promise<T>): Promise<T> => {
    if (waiting === 0) return original(work);
    waiting -= 1;
    if (waiting === 0) {
      store.transaction = original;
      release();
    }
    return original(async () => {
      await allBegun;
      return work();
    });
  }) as Store['transaction'];
}

const activeAdmins = async (store: Store) => (await store.people.list(0)).filter((p) => p.role === 'admin' && p.active && p.canSignIn).length;

describe.each(STORE_KINDS)('people changed at once, on %s', (kind) => {
  it('one setup link used twice at once makes one admin; the other is told the link was used', async () => {
    const { store, people } = await setUp(kind);
    const link = (await people.issueSetupLink())!;
    overlapTransactions(kind, store);
    const results = await Promise.allSettled([
      people.setUpFirstAdmin({ token: link.token, name: 'Ada', email: 'ada@kinship.test', password: PASSWORD }, here),
      people.setUpFirstAdmin({ token: link.token, name: 'Mallory', email: 'mallory@kinship.test', password: PASSWORD }, here),
    ]);
    const { succeeded, refused } = outcome(results);
    expect(succeeded).toBe(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(Refusal);
    expect((refused[0] as Refusal).kind).toBe('conflict');
    expect(refused[0]!.message).toMatch(/already (been used|has an admin)/);
    expect(await activeAdmins(store)).toBe(1);
    expect((await store.people.list(0)).filter((p) => p.canSignIn)).toHaveLength(1);
  });

  it('one invitation taken up twice at once makes one account; the other is told it was taken up', async () => {
    const { store, people } = await setUp(kind);
    const link = (await people.issueSetupLink())!;
    const ada = (await people.setUpFirstAdmin({ token: link.token, name: 'Ada', email: 'ada@kinship.test', password: PASSWORD }, here)).session.person;
    const { token } = await people.invite(ada, { email: 'agnes@kinship.test', role: 'supervisor' });
    overlapTransactions(kind, store);
    const results = await Promise.allSettled([
      people.acceptInvitation({ token, name: 'Agnes', password: PASSWORD }, here),
      people.acceptInvitation({ token, name: 'Agnes again', password: PASSWORD }, here),
    ]);
    const { succeeded, refused } = outcome(results);
    expect(succeeded).toBe(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(Refusal);
    expect(refused[0]!.message).toMatch(/already been taken up|already has an account/);
    expect((await store.people.list(0)).filter((p) => p.canSignIn)).toHaveLength(2);
  });

  it('two admins deactivating each other at once leave one admin; the other is refused', async () => {
    const { store, people } = await setUp(kind);
    const [ada, bea] = await twoAdmins(people);
    overlapTransactions(kind, store);
    const { succeeded, refused } = outcome(await Promise.allSettled([people.deactivate(ada, bea.id), people.deactivate(bea, ada.id)]));
    expect(succeeded).toBe(1);
    expect(refused[0]).toBeInstanceOf(Refusal);
    expect(await activeAdmins(store)).toBe(1);
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const { store, people } = await setUp(kind);
    const [ada, bea] = await twoAdmins(people);
    overlapTransactions(kind, store);
    const demoted = outcome(await Promise.allSettled([people.changeRole(ada, bea.id, 'agent'), people.changeRole(bea, ada.id, 'agent')]));
    expect(demoted.succeeded).toBe(1);
    expect(demoted.refused[0]).toBeInstanceOf(Refusal);
    expect(await activeAdmins(store)).toBe(1);
  });

  it('one admin demoting the other while that one deactivates the first leaves one admin', async () => {
    const { store, people } = await setUp(kind);
    const [ada, bea] = await twoAdmins(people);
    overlapTransactions(kind, store);
    const mixed = outcome(await Promise.allSettled([people.changeRole(ada, bea.id, 'supervisor'), people.deactivate(bea, ada.id)]));
    expect(mixed.succeeded).toBe(1);
    expect(mixed.refused[0]).toBeInstanceOf(Refusal);
    expect(await activeAdmins(store)).toBe(1);
  });

  it('the last active admin is never deactivated or demoted, whoever asks', async () => {
    const { store, people } = await setUp(kind);
    const [ada, bea] = await twoAdmins(people);
    await people.deactivate(ada, bea.id);
    await expect(people.changeRole(ada, ada.id, 'agent')).rejects.toThrow(/only admin/);
    // the deactivated admin can do nothing to the last one
    await expect(people.deactivate(bea, ada.id)).rejects.toThrow(/Only an admin/);
    await expect(people.changeRole(bea, ada.id, 'agent')).rejects.toThrow(/Only an admin/);
    expect(await activeAdmins(store)).toBe(1);
  });

  it('a person deactivated while signing in is left with no live session', async () => {
    const { people } = await setUp(kind);
    const [ada, bea] = await twoAdmins(people);
    const [signedIn] = await Promise.allSettled([people.signIn({ email: 'bea@kinship.test', password: PASSWORD }, here), people.deactivate(ada, bea.id)]);
    if (signedIn.status === 'fulfilled') expect(await people.sessions.byToken(signedIn.value.token)).toBeNull();
    else expect((signedIn.reason as SignInRefused).code).toBe('deactivated');
  });
});
