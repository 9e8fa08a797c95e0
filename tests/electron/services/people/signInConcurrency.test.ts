import { describe, expect, it } from 'vitest';
import { createPeopleService, type SignInRefused } from '../../../../electron/services/people';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * Sign-ins at once, on both stores (on PostgreSQL each on its own connection of the pool): a burst
 * of wrong passwords gets no more tries than the limit, however long each password takes to check.
 */
const LOW = { ln: 10, r: 8, p: 1 };
const MINUTE = 60_000;
const here = { address: '10.0.0.7', userAgent: 'test' };
const PASSWORD = 'purple kettle on the stairs';

async function setUp(kind: (typeof STORE_KINDS)[number], limits: { windowMs: number; perAccount: number; perAddress: number }) {
  const { store } = await openTestStore(kind);
  const at = Date.UTC(2026, 10, 28, 9);
  const people = createPeopleService({ store, now: () => at, scryptCost: LOW, limits });
  return { store, people };
}

async function withAdmin(people: Awaited<ReturnType<typeof setUp>>['people']) {
  const link = (await people.issueSetupLink())!;
  await people.setUpFirstAdmin({ token: link.token, name: 'Ada', email: 'ada@kinship.test', password: PASSWORD }, here);
}

const codes = (results: PromiseSettledResult<unknown>[]) => results.map((r) => (r.status === 'rejected' ? (r.reason as SignInRefused).code : 'signed-in'));

describe.each(STORE_KINDS)('sign-ins at once, on %s', (kind) => {
  it('a burst of wrong passwords at once gets no more tries than the limit', async () => {
    const { people } = await setUp(kind, { windowMs: 15 * MINUTE, perAccount: 3, perAddress: 100 });
    await withAdmin(people);
    const burst = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => people.signIn({ email: i % 2 ? 'ADA@kinship.test' : 'ada@kinship.test', password: `wrong password ${i}` }, here)));
    expect(codes(burst).filter((c) => c === 'wrong-credentials')).toHaveLength(3);
    expect(codes(burst).filter((c) => c === 'rate-limited')).toHaveLength(9);
    // and the right password waits too
    await expect(people.signIn({ email: 'ada@kinship.test', password: PASSWORD }, here)).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('a burst from one address over many accounts gets no more tries than the address limit', async () => {
    const { people } = await setUp(kind, { windowMs: 15 * MINUTE, perAccount: 100, perAddress: 4 });
    const burst = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => people.signIn({ email: `someone${i}@kinship.test`, password: 'wrong password here' }, here)));
    expect(codes(burst).filter((c) => c === 'wrong-credentials')).toHaveLength(4);
    expect(codes(burst).filter((c) => c === 'rate-limited')).toHaveLength(6);
  });

  it('right passwords at once are not refused for one another, and leave no failures behind', async () => {
    const { people } = await setUp(kind, { windowMs: 15 * MINUTE, perAccount: 2, perAddress: 100 });
    await withAdmin(people);
    const burst = await Promise.allSettled(Array.from({ length: 2 }, () => people.signIn({ email: 'ada@kinship.test', password: PASSWORD }, here)));
    expect(burst.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // none of them counted: two wrong ones are still allowed, the third is not
    for (let i = 0; i < 2; i++) await expect(people.signIn({ email: 'ada@kinship.test', password: 'wrong password' }, here)).rejects.toMatchObject({ code: 'wrong-credentials' });
    await expect(people.signIn({ email: 'ada@kinship.test', password: 'wrong password' }, here)).rejects.toMatchObject({ code: 'rate-limited' });
  });
});
