import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPeopleService, SignInRefused, type PeopleService } from '../../../../electron/services/people';
import { Refusal } from '../../../../electron/services/common/refusal';
import { testStore } from '../../../helpers/testStore';

const LOW = { ln: 10, r: 8, p: 1 };
const HOUR = 3_600_000;
const MINUTE = 60_000;
const here = { address: '10.0.0.7', userAgent: 'test' };
const ADMIN_PASSWORD = 'purple kettle on the stairs';
const AGENT_PASSWORD = 'seven green bottles hanging';

async function setUp(options: Partial<Parameters<typeof createPeopleService>[0]> = {}) {
  const store = await testStore();
  const clock = { at: Date.UTC(2026, 10, 28, 9) };
  const people = createPeopleService({ store, now: () => clock.at, scryptCost: LOW, ...options });
  return { store, clock, people };
}

async function withAdmin(people: PeopleService) {
  const link = (await people.issueSetupLink())!;
  const started = await people.setUpFirstAdmin({ token: link.token, name: 'Ada Admin', email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
  return started.session.person;
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<Error> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('first admin', () => {
  it('a new server issues a setup link; it makes one admin, signed in, and works once', async () => {
    const { people } = await setUp();
    expect(await people.needsFirstAdmin()).toBe(true);
    const link = (await people.issueSetupLink())!;
    expect(await people.describeLink(link.token, 'setup')).toMatchObject({ valid: true, kind: 'setup' });
    const started = await people.setUpFirstAdmin({ token: link.token, name: 'Ada Admin', email: 'Ada@Kinship.test', password: ADMIN_PASSWORD }, here);
    expect(started.session.person).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    expect((await people.sessions.byToken(started.token))?.person.id).toBe(started.session.person.id);
    expect(await people.needsFirstAdmin()).toBe(false);
    // the same link again: refused, and no second admin
    const again = await refusal(people.setUpFirstAdmin({ token: link.token, name: 'Mallory', email: 'mallory@evil.test', password: 'another long password' }, here));
    expect(again).toBeInstanceOf(Refusal);
    expect(again.message).toMatch(/already been used/);
    expect(await people.describeLink(link.token, 'setup')).toMatchObject({ valid: false });
    // once there is an admin, no new setup link is issued
    expect(await people.issueSetupLink()).toBeNull();
  });

  it('a setup link expires, and a newer one replaces it', async () => {
    const { people, clock } = await setUp({ setupLinkMs: HOUR });
    const first = (await people.issueSetupLink())!;
    const second = (await people.issueSetupLink())!;
    expect((await refusal(people.setUpFirstAdmin({ token: first.token, name: 'A', email: 'a@k.test', password: ADMIN_PASSWORD }, here))).message).toMatch(/replaced/);
    clock.at += HOUR;
    expect((await refusal(people.setUpFirstAdmin({ token: second.token, name: 'A', email: 'a@k.test', password: ADMIN_PASSWORD }, here))).message).toMatch(/expired/);
    expect(await people.needsFirstAdmin()).toBe(true);
  });

  it('refuses a weak password and a made-up token, and changes nothing', async () => {
    const { people } = await setUp();
    const link = (await people.issueSetupLink())!;
    expect((await refusal(people.setUpFirstAdmin({ token: link.token, name: 'A', email: 'a@k.test', password: 'short' }, here))).message).toMatch(/at least 12/);
    expect((await refusal(people.setUpFirstAdmin({ token: 'x'.repeat(43), name: 'A', email: 'a@k.test', password: ADMIN_PASSWORD }, here))).message).toMatch(/not one this server made/);
    expect(await people.needsFirstAdmin()).toBe(true);
    expect(await people.describeLink(link.token, 'setup')).toMatchObject({ valid: true });
  });

  it('only a hash of a link or a session token is stored', async () => {
    const { store, people } = await setUp();
    const link = (await people.issueSetupLink())!;
    const started = await people.setUpFirstAdmin({ token: link.token, name: 'Ada', email: 'ada@k.test', password: ADMIN_PASSWORD }, here);
    // every byte of the workspace (the file and its write-ahead log)
    const dump = [store.path, `${store.path}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file).toString('latin1')).join('');
    expect(dump).toContain('ada@k.test');
    expect(dump).not.toContain(link.token);
    expect(dump).not.toContain(started.token);
    expect(dump).not.toContain(ADMIN_PASSWORD);
  });
});

describe('signing in', () => {
  it('signs in with the right password whatever the e-mail’s case, and refuses a wrong one in the same words as an unknown e-mail', async () => {
    const { people } = await setUp();
    await withAdmin(people);
    const started = await people.signIn({ email: 'ADA@kinship.test', password: ADMIN_PASSWORD }, here);
    expect(started.session.person.email).toBe('ada@kinship.test');
    const wrong = await refusal(people.signIn({ email: 'ada@kinship.test', password: 'not the password at all' }, here));
    const unknown = await refusal(people.signIn({ email: 'nobody@kinship.test', password: 'not the password at all' }, here));
    expect(wrong).toBeInstanceOf(SignInRefused);
    expect(wrong.message).toBe(unknown.message);
  });

  it('a person of the demo cast (no password) cannot sign in', async () => {
    const { store, people } = await setUp();
    await store.users.create({ name: 'Hannah', email: 'hannah@kinship.test', role: 'agent' }, 0);
    expect(((await refusal(people.signIn({ email: 'hannah@kinship.test', password: 'whatever it may be' }, here))) as SignInRefused).code).toBe('wrong-credentials');
  });
});

describe('sessions', () => {
  it('end after the idle time without use, and activity keeps them going (injected clock)', async () => {
    const { people, clock } = await setUp({ sessions: { idleMs: 2 * HOUR, absoluteMs: 24 * HOUR, touchEveryMs: MINUTE } });
    await withAdmin(people);
    const { token } = await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    clock.at += 2 * HOUR - 1;
    expect(await people.sessions.byToken(token)).not.toBeNull();
    // that use counted: another nearly two hours are fine
    clock.at += 2 * HOUR - 1;
    expect(await people.sessions.byToken(token)).not.toBeNull();
    clock.at += 2 * HOUR;
    expect(await people.sessions.byToken(token)).toBeNull();
  });

  it('end at the absolute limit however busy', async () => {
    const { people, clock } = await setUp({ sessions: { idleMs: 2 * HOUR, absoluteMs: 10 * HOUR, touchEveryMs: MINUTE } });
    await withAdmin(people);
    const { token, session } = await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    for (let i = 0; i < 9; i++) {
      clock.at += HOUR;
      expect(await people.sessions.byId(session.sessionId)).not.toBeNull();
    }
    clock.at += HOUR;
    expect(await people.sessions.byToken(token)).toBeNull();
    expect(await people.sessions.byId(session.sessionId)).toBeNull();
  });

  it('sign-out ends one session, not the person’s others, and says so to listeners', async () => {
    const { people } = await setUp();
    await withAdmin(people);
    const one = await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    const two = await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    const ended: string[][] = [];
    people.sessions.onEnded((ids) => ended.push(ids));
    await people.signOut(one.session.sessionId);
    expect(await people.sessions.byToken(one.token)).toBeNull();
    expect(await people.sessions.byToken(two.token)).not.toBeNull();
    expect(ended).toEqual([[one.session.sessionId]]);
    // signing out twice says nothing more
    await people.signOut(one.session.sessionId);
    expect(ended).toHaveLength(1);
  });

  it('a password hashed at a lower cost is hashed again at the current one on sign-in', async () => {
    const { store, people } = await setUp();
    await withAdmin(people);
    const higher = createPeopleService({ store, scryptCost: { ln: 11, r: 8, p: 1 } });
    await higher.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    expect((await store.people.byEmail('ada@kinship.test'))!.passwordHash).toMatch(/^\$scrypt\$ln=11,/);
  });
});

describe('invitations and deactivation', () => {
  it('an admin invites an agent; the link works once and makes an agent who is signed in', async () => {
    const { people } = await setUp();
    const admin = await withAdmin(people);
    const { token, invitation } = await people.invite(admin, { email: 'Agnes@Kinship.test', name: 'Agnes', role: 'agent' });
    expect(invitation).toMatchObject({ email: 'Agnes@Kinship.test', role: 'agent', invitedBy: 'Ada Admin' });
    expect(await people.describeLink(token, 'invite')).toMatchObject({ valid: true, email: 'Agnes@Kinship.test', role: 'agent' });
    expect((await people.list(admin)).invitations).toHaveLength(1);
    const agent = await people.acceptInvitation({ token, name: 'Agnes Agent', password: AGENT_PASSWORD }, here);
    expect(agent.session.person).toMatchObject({ name: 'Agnes Agent', role: 'agent' });
    expect((await refusal(people.acceptInvitation({ token, name: 'Again', password: AGENT_PASSWORD }, here))).message).toMatch(/already been taken up/);
    expect((await people.list(admin)).invitations).toHaveLength(0);
    // inviting an address that has an account is refused
    await expect(people.invite(admin, { email: 'agnes@kinship.test', role: 'agent' })).rejects.toThrow(/already has an account/);
  });

  it('an invitation expires, and a newer one for the same address replaces it; a withdrawn one stops working', async () => {
    const { people, clock } = await setUp({ invitationMs: 48 * HOUR });
    const admin = await withAdmin(people);
    const first = await people.invite(admin, { email: 'b@k.test', role: 'supervisor' });
    const second = await people.invite(admin, { email: 'b@k.test', role: 'supervisor' });
    expect((await refusal(people.acceptInvitation({ token: first.token, name: 'B', password: AGENT_PASSWORD }, here))).message).toMatch(/withdrawn/);
    const third = await people.invite(admin, { email: 'c@k.test', role: 'agent' });
    await people.withdrawInvitation(admin, third.invitation.id);
    expect((await refusal(people.acceptInvitation({ token: third.token, name: 'C', password: AGENT_PASSWORD }, here))).message).toMatch(/withdrawn/);
    clock.at += 48 * HOUR;
    expect((await refusal(people.acceptInvitation({ token: second.token, name: 'B', password: AGENT_PASSWORD }, here))).message).toMatch(/expired/);
  });

  it('an invitation to a person of the demo cast gives them a password, keeping who they are (their id)', async () => {
    const { store, people } = await setUp();
    const hannah = await store.users.create({ name: 'Hannah', email: 'hannah@kinship.test', role: 'agent' }, 0);
    const admin = await withAdmin(people);
    const { token } = await people.invite(admin, { email: 'hannah@kinship.test', role: 'supervisor' });
    const started = await people.acceptInvitation({ token, name: 'Hannah Reyes', password: AGENT_PASSWORD }, here);
    expect(started.session.person).toMatchObject({ id: hannah.id, role: 'supervisor' });
  });

  it('only an admin may invite, list or deactivate', async () => {
    const { people } = await setUp();
    const admin = await withAdmin(people);
    const { token } = await people.invite(admin, { email: 'agnes@k.test', role: 'agent' });
    const agent = (await people.acceptInvitation({ token, name: 'Agnes', password: AGENT_PASSWORD }, here)).session.person;
    await expect(people.invite(agent, { email: 'friend@k.test', role: 'admin' })).rejects.toThrow(/Only an admin/);
    await expect(people.list(agent)).rejects.toThrow(/Only an admin/);
    await expect(people.deactivate(agent, admin.id)).rejects.toThrow(/Only an admin/);
    await expect(people.deactivate(admin, admin.id)).rejects.toThrow(/cannot deactivate yourself/);
  });

  it('deactivating a person ends all their sessions at once, and they cannot sign in again until reactivated', async () => {
    const { people } = await setUp();
    const admin = await withAdmin(people);
    const { token } = await people.invite(admin, { email: 'agnes@k.test', role: 'agent' });
    const first = await people.acceptInvitation({ token, name: 'Agnes', password: AGENT_PASSWORD }, here);
    const second = await people.signIn({ email: 'agnes@k.test', password: AGENT_PASSWORD }, here);
    const ended: string[] = [];
    people.sessions.onEnded((ids, reason) => ended.push(...ids.map((id) => `${id}:${reason}`)));
    await people.deactivate(admin, first.session.person.id);
    expect(await people.sessions.byToken(first.token)).toBeNull();
    expect(await people.sessions.byToken(second.token)).toBeNull();
    expect(ended.sort()).toEqual([`${first.session.sessionId}:deactivated`, `${second.session.sessionId}:deactivated`].sort());
    const refused = (await refusal(people.signIn({ email: 'agnes@k.test', password: AGENT_PASSWORD }, here))) as SignInRefused;
    expect(refused.code).toBe('deactivated');
    // a wrong password does not learn that the account is deactivated
    expect(((await refusal(people.signIn({ email: 'agnes@k.test', password: 'wrong wrong wrong' }, here))) as SignInRefused).code).toBe('wrong-credentials');
    expect((await people.list(admin)).people.find((p) => p.email === 'agnes@k.test')).toMatchObject({ active: false, openSessions: 0 });
    await people.reactivate(admin, first.session.person.id);
    expect((await people.signIn({ email: 'agnes@k.test', password: AGENT_PASSWORD }, here)).session.person.name).toBe('Agnes');
  });
});

describe('sessions ended inside a transaction', () => {
  it('their consoles are told once the ending is stored, and never when it is rolled back', async () => {
    const { store, people } = await setUp();
    await withAdmin(people);
    const signedIn = await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    const ended: string[][] = [];
    people.sessions.onEnded((ids) => ended.push(ids));
    const personId = signedIn.session.person.id;
    await expect(
      store.transaction(async () => {
        await people.sessions.endAllFor(personId, 'deactivated');
        expect(ended).toEqual([]);
        throw new Error('the deactivation failed after ending the sessions');
      }),
    ).rejects.toThrow('the deactivation failed');
    expect(ended).toEqual([]);
    expect(await people.sessions.byToken(signedIn.token)).not.toBeNull();
    await store.transaction(async () => {
      await people.sessions.endAllFor(personId, 'deactivated');
      expect(ended).toEqual([]);
    });
    // told once, of every session of the person (the setup link's and this one)
    expect(ended).toHaveLength(1);
    expect(ended[0]).toContain(signedIn.session.sessionId);
  });
});

describe('roles', () => {
  it('an admin gives a person another role; the person is told of at once, and only an admin may', async () => {
    const told: number[] = [];
    const { people } = await setUp({ onChange: (personId) => told.push(personId) });
    const admin = await withAdmin(people);
    const { token } = await people.invite(admin, { email: 'agnes@k.test', role: 'agent' });
    const agent = (await people.acceptInvitation({ token, name: 'Agnes', password: AGENT_PASSWORD }, here)).session.person;
    told.length = 0;
    await expect(people.changeRole(agent, agent.id, 'supervisor')).rejects.toThrow(/Only an admin/);
    expect((await people.list(admin)).people.find((p) => p.id === agent.id)?.role).toBe('agent');
    expect(told).toEqual([]);
    await people.changeRole(admin, agent.id, 'supervisor');
    expect((await people.list(admin)).people.find((p) => p.id === agent.id)?.role).toBe('supervisor');
    expect(told).toEqual([agent.id]);
    await expect(people.changeRole(admin, 9_999, 'agent')).rejects.toThrow(/no such person/);
  });

  it('the team keeps an admin who can sign in: the last one cannot be made anything else, until there is another', async () => {
    const { people, store } = await setUp();
    const admin = await withAdmin(people);
    const refused = (await refusal(() => people.changeRole(admin, admin.id, 'supervisor'))) as Refusal;
    expect(refused).toBeInstanceOf(Refusal);
    expect(refused.message).toMatch(/only admin/);
    expect((await people.list(admin)).people.find((p) => p.id === admin.id)?.role).toBe('admin');
    const { token } = await people.invite(admin, { email: 'bea@k.test', role: 'admin' });
    await people.acceptInvitation({ token, name: 'Bea', password: AGENT_PASSWORD }, here);
    await people.changeRole(admin, admin.id, 'supervisor');
    expect((await store.people.byId(admin.id))?.user.role).toBe('supervisor');
    // and now Ada is no admin: she manages people no more
    await expect(people.list(admin)).rejects.toThrow(/Only an admin/);
  });
});

describe('rate limiting', () => {
  it('after 5 wrong passwords for an account, even the right one waits, with when to try again; the window slides', async () => {
    const { people, clock } = await setUp({ limits: { windowMs: 15 * MINUTE, perAccount: 5, perAddress: 100 } });
    await withAdmin(people);
    for (let i = 0; i < 5; i++) {
      expect(((await refusal(people.signIn({ email: 'ada@kinship.test', password: `wrong password ${i}` }, here))) as SignInRefused).code).toBe('wrong-credentials');
      clock.at += MINUTE;
    }
    const limited = (await refusal(people.signIn({ email: 'ADA@kinship.test', password: ADMIN_PASSWORD }, here))) as SignInRefused;
    expect(limited.code).toBe('rate-limited');
    // the first failure leaves the window 15 minutes after it: 10 minutes from now
    expect(limited.retryAfterMs).toBe(10 * MINUTE);
    expect(limited.message).toBe('Too many failed sign-ins for this account. Try again in 10 minutes.');
    clock.at += 10 * MINUTE;
    expect((await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here)).session.person.role).toBe('admin');
  });

  it('one address trying many accounts is limited too; another address is not', async () => {
    const { people } = await setUp({ limits: { windowMs: 15 * MINUTE, perAccount: 5, perAddress: 3 } });
    await withAdmin(people);
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) await refusal(people.signIn({ email, password: 'wrong password here' }, here));
    const limited = (await refusal(people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here))) as SignInRefused;
    expect(limited.code).toBe('rate-limited');
    expect(limited.message).toMatch(/for this address\. Try again in 15 minutes\./);
    expect((await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, { address: '10.0.0.8', userAgent: null })).session.person.role).toBe('admin');
  });

  it('a right password clears the account’s failures', async () => {
    const { people } = await setUp({ limits: { windowMs: 15 * MINUTE, perAccount: 3, perAddress: 100 } });
    await withAdmin(people);
    for (let i = 0; i < 2; i++) await refusal(people.signIn({ email: 'ada@kinship.test', password: 'wrong password here' }, here));
    await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here);
    for (let i = 0; i < 2; i++) await refusal(people.signIn({ email: 'ada@kinship.test', password: 'wrong password here' }, here));
    expect((await people.signIn({ email: 'ada@kinship.test', password: ADMIN_PASSWORD }, here)).session.person.role).toBe('admin');
  });
});
