import { describe, expect, it } from 'vitest';
import { createPeopleService } from '../../../../electron/services/people';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

/**
 * An e-mail address is one account whatever its case, in every script, on both stores: sign-in
 * finds it, and the database itself refuses a second account for it.
 */
const LOW = { ln: 10, r: 8, p: 1 };
const here = { address: '10.0.0.7', userAgent: 'test' };
const PASSWORD = 'purple kettle on the stairs';
const T0 = Date.UTC(2026, 10, 28, 9);

async function setUp(kind: (typeof STORE_KINDS)[number]) {
  const { store, exec } = await openTestStore(kind);
  const people = createPeopleService({ store, now: () => T0, scryptCost: LOW });
  const link = (await people.issueSetupLink())!;
  const admin = (await people.setUpFirstAdmin({ token: link.token, name: 'Ann', email: 'Ann@Example.com', password: PASSWORD }, here)).session.person;
  return { store, exec, people, admin };
}

describe.each(STORE_KINDS)('e-mail addresses whatever their case, on %s', (kind) => {
  it('Ann@Example.com and ann@example.com are one account: sign-in finds it, and no second one can be made', async () => {
    const { store, people, admin } = await setUp(kind);
    expect((await people.signIn({ email: 'ann@example.com', password: PASSWORD }, here)).session.person.id).toBe(admin.id);
    expect((await store.people.byEmail('  ANN@EXAMPLE.COM '))?.user.id).toBe(admin.id);
    await expect(people.invite(admin, { email: 'ann@EXAMPLE.com', role: 'agent' })).rejects.toThrow(/already has an account/);
    await expect(store.users.create({ name: 'Ann again', email: 'ann@example.com', role: 'agent' }, T0)).rejects.toThrow();
  });

  it('the same holds beyond ASCII: Élodie@… and élodie@… are one account', async () => {
    const { store, people, admin } = await setUp(kind);
    const { token } = await people.invite(admin, { email: 'Élodie.Müller@Example.com', role: 'agent' });
    const elodie = (await people.acceptInvitation({ token, name: 'Élodie', password: PASSWORD }, here)).session.person;
    expect((await people.signIn({ email: 'élodie.müller@example.com', password: PASSWORD }, here)).session.person.id).toBe(elodie.id);
    // the same letters decomposed (e + combining accent) are the same address
    expect((await store.users.getByEmail('E\u0301lodie.mu\u0308ller@example.com'))?.id).toBe(elodie.id);
    await expect(people.invite(admin, { email: 'ÉLODIE.MÜLLER@example.com', role: 'agent' })).rejects.toThrow(/already has an account/);
    await expect(store.users.create({ name: 'Élodie again', email: 'élodie.müller@example.com', role: 'agent' }, T0)).rejects.toThrow();
    expect((await store.people.list(T0)).filter((p) => p.email.toLowerCase().startsWith('élodie'))).toHaveLength(1);
  });

  it('an account set aside on upgrade for another with the same address stays aside: its reason is listed, reactivation refused', async () => {
    const { store, exec, people, admin } = await setUp(kind);
    const { token } = await people.invite(admin, { email: 'édith@example.com', role: 'agent' });
    const edith = (await people.acceptInvitation({ token, name: 'Édith', password: PASSWORD }, here)).session.person;
    // what migration 17 leaves of a second account under another spelling of her address
    await exec(`INSERT INTO users (name, email, email_key, role, created_at, deactivated_at, deactivated_reason)
      VALUES ('Édith (old)', 'ÉDITH@example.com', '#90 DUPLICATE OF édith@example.com', 'agent', 0, 1, 'Deactivated on upgrade: Édith <édith@example.com> has the same e-mail address (compared whatever its case) and is the account kept.')`);
    const aside = (await store.people.list(T0)).find((p) => p.name === 'Édith (old)')!;
    expect(aside).toMatchObject({ active: false, deactivatedReason: expect.stringMatching(/^Deactivated on upgrade: Édith/) });
    await store.people.setPasswordHash(aside.id, 'x', T0);
    await expect(people.reactivate(admin, aside.id)).rejects.toThrow(/signs in to Édith's account/);
    expect((await store.people.byId(aside.id))?.active).toBe(false);
    expect((await store.people.byEmail('ÉDITH@example.com'))?.user.id).toBe(edith.id);
  });
});
