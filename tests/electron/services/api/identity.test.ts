import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisSetup } from '../../../../electron/services/analysis/analysisSetup';
import { createApi } from '../../../../electron/services/api/createApi';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { DEFAULT_MACROS } from '../../../../shared/contract/macros';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { nextEvent } from '../../../helpers/nextEvent';
import { as, sendAnyway } from '../../../helpers/callApi';
import { tempDir } from '../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/**
 * A team over a real workspace and the real analysis engine (lexicon): Aisha (agent) answers Sam's
 * chat; Hannah (supervisor), Robert (executive) and Ada (admin) are there too.
 */
async function team(mode: 'desk' | 'team' = 'desk') {
  const harness = await startAnalysis({ models: [] });
  const { store, bus, ingestion, engine, dir } = harness;
  const people = {
    aisha: await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, NOW),
    hannah: await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, NOW),
    robert: await store.users.create({ name: 'Robert Ashworth', email: 'robert@larkspur.example', role: 'executive' }, NOW),
    ada: await store.users.create({ name: 'Ada Brooks', email: 'ada@larkspur.example', role: 'admin' }, NOW),
  };
  const setup = await createAnalysisSetup({ store, dataDir: dir, packagedDir: tempDir(), env: {} });
  const api = await createApi({ host: 'web', mode, bus, workspace: { state: 'ready', store, ingestion }, analysis: { engine, setup, manifestPath: path.join(dir, 'models.json') }, now: () => NOW });
  closers.push(() => api.close());
  const arrive = (body: string, at: number) =>
    ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
      conversation: { externalRef: 'chat-sam', subject: 'Missing parcel', assigneeEmail: people.aisha.email },
      message: { author: 'customer', body, sentAt: at, externalId: `sam-${at}` },
    });
  return {
    ...harness,
    setup,
    api,
    people,
    arrive,
    aisha: as(api, people.aisha),
    hannah: as(api, people.hannah),
    robert: as(api, people.robert),
    ada: as(api, people.ada),
  };
}

describe('who may call what', () => {
  it('refuses an agent the playbook, the team’s macros and the model settings, and changes nothing', async () => {
    const { aisha, hannah, setup, store } = await team();
    const before = { playbook: await hannah.ok('playbook.get', {}), macros: await hannah.ok('macros.list', {}), models: setup.describe() };
    const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.map((rule) => ({ ...rule, enabled: false })) };
    const refusals = [
      await aisha.call('playbook.save', { playbook: edited }),
      await aisha.call('playbook.save', { playbook: null }),
      await aisha.call('macros.save', { macros: [{ id: 'mine', name: 'Mine', body: 'Hello', shortcut: null }] }),
      await aisha.call('analysis.setModelsFolder', { path: tempDir() }),
      await aisha.call('analysis.setHubAllowed', { allowed: !before.models.hubAllowed }),
      await aisha.call('analysis.downloadModel', { role: 'emotion' }),
      await aisha.call('responseTargets.save', { targets: null }),
      // nobody can change their own role by any call: there is no such call
      await aisha.call('session.setRole', { role: 'supervisor' }),
    ];
    expect(refusals.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([...Array<string>(7).fill('forbidden'), 'unknown-method']);
    expect(refusals[0]).toMatchObject({ ok: false, error: { message: 'Aisha Khan (agent) may not call playbook.save: only supervisors or admins may.' } });
    expect(await hannah.ok('playbook.get', {})).toEqual(before.playbook);
    expect(await hannah.ok('macros.list', {})).toEqual(DEFAULT_MACROS);
    expect(setup.describe()).toEqual(before.models);
    expect((await store.users.getById(aisha.caller.person.id))?.role).toBe('agent');
    expect([...await store.sessionEvents.listOfKind('playbook.changed'), ...await store.sessionEvents.listOfKind('macros.changed')]).toEqual([]);
    // and the console is told so, to hide the editor
    expect(await aisha.ok('playbook.get', {})).toMatchObject({ canEdit: false });
    expect(await hannah.ok('playbook.get', {})).toMatchObject({ canEdit: true });
  });

  it('lets a supervisor and an admin change them', async () => {
    const { hannah, ada, store } = await team();
    const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.map((rule, n) => ({ ...rule, enabled: n > 0 })) };
    expect(await hannah.ok('playbook.save', { playbook: edited })).toMatchObject({ isDefault: false });
    expect((await store.sessionEvents.listOfKind('playbook.changed')).map((event) => event.userId)).toEqual([hannah.caller.person.id]);
    expect(await ada.ok('macros.save', { macros: [{ id: 'team', name: 'Team', body: 'Hello', shortcut: null }] })).toHaveLength(1);
    expect((await store.sessionEvents.listOfKind('macros.changed')).map((event) => event.userId)).toEqual([ada.caller.person.id]);
    expect(await ada.ok('analysis.setHubAllowed', { allowed: false })).toMatchObject({ hubAllowed: false });
  });

  it('refuses the executive every write to a customer, and changes nothing', async () => {
    const { robert, hannah, arrive, store } = await team();
    const { conversationId, customerId } = await arrive('Where is my parcel?', NOW - 60_000);
    const before = await hannah.ok('conversations.get', { id: conversationId });
    const refusals = [
      await robert.call('conversations.send', { conversationId, kind: 'reply', body: 'Hello Sam', draftCheck: { decision: 'send-anyway', shown: [] } }),
      await robert.call('conversations.send', { conversationId, kind: 'note', body: 'A note' }),
      await robert.call('drafts.save', { conversationId, kind: 'reply', body: 'Hello' }),
      await robert.call('conversations.setStatus', { id: conversationId, status: 'resolved' }),
      await robert.call('conversations.assign', { id: conversationId, assignee: 'me' }),
      await robert.call('conversations.addTag', { id: conversationId, name: 'vip' }),
      await robert.call('followUps.create', { customerId, conversationId, description: 'Call back', dueAt: NOW + 3_600_000 }),
    ];
    expect(refusals.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(Array(refusals.length).fill('forbidden'));
    const after = await hannah.ok('conversations.get', { id: conversationId });
    expect(after.messages).toEqual(before.messages);
    expect(after.conversation).toMatchObject({ status: before.conversation.status, assignee: before.conversation.assignee, tags: [] });
    expect(await store.followUps.listForCustomer(customerId)).toEqual([]);
    // reading is theirs
    expect((await robert.ok('conversations.get', { id: conversationId })).messages).toEqual(before.messages);
  });
});

describe('attribution', () => {
  it('credits a send to the person who sent it, and a prompt raised when a message is read to the assignee', async () => {
    const { aisha, hannah, arrive, events, store, api, people } = await team();
    const { conversationId, messageId } = await arrive('This is awful. My parcel is lost again and nobody has answered me. I am angry.', NOW - 3_600_000);
    // the supervisor happens to be looking: the prompts are still Aisha's (she answers Sam)
    await nextEvent(events, (event) => event.name === 'coach.prompts' && event.payload.messageId === messageId);
    const prompts = await hannah.ok('coach.prompts', { conversationId });
    expect(prompts.length).toBeGreaterThan(0);
    expect((await store.coachPrompts.listForConversation(conversationId)).map((prompt) => prompt.userId)).toEqual(prompts.map(() => people.aisha.id));
    const shown = (await store.sessionEvents.listForConversation(conversationId)).filter((event) => event.kind === 'prompt.shown');
    expect(shown.map((event) => event.userId)).toEqual(prompts.map(() => people.aisha.id));

    // Aisha dismisses one; Hannah sends the reply: each is credited with what they did
    await aisha.ok('coach.recordOutcome', { promptId: prompts[0]!.id, outcome: 'dismissed' });
    const sent = await sendAnyway(api, { conversationId, kind: 'reply', body: 'Hi Sam, I am so sorry. Your parcel goes out today.' }, hannah.caller);
    expect(sent).toMatchObject({ author: 'agent', authorName: 'Hannah Cole' });
    const log = await store.sessionEvents.listForConversation(conversationId);
    expect(log.find((event) => event.kind === 'message.sent' && event.messageId === sent.id)?.userId).toBe(people.hannah.id);
    const outcomes = log.filter((event) => event.kind === 'prompt.outcome');
    expect(outcomes.find((event) => event.payload.promptId === prompts[0]!.id)).toMatchObject({ userId: people.aisha.id, payload: { outcome: 'dismissed' } });
    expect(outcomes.filter((event) => event.payload.promptId !== prompts[0]!.id).map((event) => event.userId)).toEqual(prompts.slice(1).map(() => people.hannah.id));
  });
});

describe('drafts are each person’s own', () => {
  it('a supervisor does not see, send or overwrite the agent’s draft', async () => {
    const { aisha, hannah, arrive } = await team();
    const { conversationId } = await arrive('Where is my parcel?', NOW - 60_000);
    await aisha.ok('drafts.save', { conversationId, kind: 'reply', body: 'Hi Sam, let me look.' });
    expect((await hannah.ok('conversations.get', { id: conversationId })).drafts).toEqual({ reply: null, note: null });
    await hannah.ok('drafts.save', { conversationId, kind: 'reply', body: 'Hannah’s own words' });
    expect((await aisha.ok('conversations.get', { id: conversationId })).drafts.reply).toMatchObject({ body: 'Hi Sam, let me look.' });
    expect((await hannah.ok('conversations.list', {})).items[0]).toMatchObject({ hasDraft: true });
  });
});

describe('keys and macros are each person’s own', () => {
  it('keeps a person’s keymap and macros beside the team’s, out of everyone else’s', async () => {
    const { aisha, hannah, robert } = await team();
    expect(await aisha.ok('keymap.set', { bindings: { 'conversation.resolve': 'Shift+D' } })).toMatchObject({ 'conversation.resolve': 'Shift+D' });
    expect(await hannah.ok('keymap.get', {})).not.toMatchObject({ 'conversation.resolve': 'Shift+D' });

    const mine = { id: 'aisha-sorry', name: 'My sorry', body: 'So sorry, {{customer.firstName}}.', shortcut: 'Mod+Shift+Y' };
    const listed = await aisha.ok('macros.savePersonal', { macros: [mine] });
    expect(listed).toEqual([...DEFAULT_MACROS, { ...mine, personal: true }]);
    expect(await hannah.ok('macros.list', {})).toEqual(DEFAULT_MACROS);
    // the team's macros change beside hers, and hers stay
    await hannah.ok('macros.save', { macros: [DEFAULT_MACROS[0]!] });
    expect(await aisha.ok('macros.list', {})).toEqual([DEFAULT_MACROS[0], { ...mine, personal: true }]);
    // a key of hers is hers: the keymap and her other macros cannot take it, nor a name or id twice
    expect(await aisha.call('keymap.set', { bindings: { 'go.inbox': 'Mod+Shift+Y' } })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /the macro “My sorry”/ } });
    expect(await aisha.call('macros.savePersonal', { macros: [mine, { ...mine, id: 'again', name: 'Again' }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await aisha.call('macros.savePersonal', { macros: [{ ...mine, id: DEFAULT_MACROS[0]!.id }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // the executive answers nobody: no macros of their own
    expect(await robert.call('macros.savePersonal', { macros: [mine] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('events', () => {
  it('reach a console only when its person may see them: a draft’s change only its author', async () => {
    const { api, aisha, hannah, robert, arrive } = await team();
    const { conversationId } = await arrive('Where is my parcel?', NOW - 60_000);
    const got = { aisha: [] as KinshipEvent[], hannah: [] as KinshipEvent[], robert: [] as KinshipEvent[] };
    for (const [name, who] of [['aisha', aisha], ['hannah', hannah], ['robert', robert]] as const) closers.push(api.subscribe(who.caller, (event) => got[name].push(event)));
    await aisha.ok('drafts.save', { conversationId, kind: 'reply', body: 'Hi Sam' });
    const drafts = (events: KinshipEvent[]) => events.filter((event) => event.name === 'draft.changed');
    expect(drafts(got.aisha)).toHaveLength(1);
    expect(drafts(got.hannah)).toEqual([]);
    expect(drafts(got.robert)).toEqual([]);
    // what everyone may read reaches everyone
    await arrive('Hello?', NOW - 30_000);
    for (const events of Object.values(got)) expect(events.some((event) => event.name === 'message.added')).toBe(true);
  });
});

describe('the desk’s “view as”', () => {
  it('narrows one console to the viewed person’s permissions, never changes who acts, and never grants more', async () => {
    const { api, arrive, people, store } = await team();
    const { conversationId } = await arrive('Where is my parcel?', NOW - 60_000);
    const owner = await api.deskCaller('window-1');
    // the desk's owner: its admin (a workspace's owner is recorded once: its admin, else its supervisor)
    expect(owner.person).toMatchObject({ role: 'admin', name: 'Ada Brooks' });
    expect(await api.call('session.viewAs', { userId: people.aisha.id }, owner)).toMatchObject({ ok: true, value: { role: 'agent', viewingAs: { name: 'Aisha Khan' }, currentUser: { name: 'Ada Brooks' } } });
    expect(await api.call('playbook.save', { playbook: null }, owner)).toMatchObject({ ok: false, error: { code: 'forbidden', message: /^Aisha Khan \(agent, viewed as\) may not/ } });
    expect(await api.call('playbook.get', {}, owner)).toMatchObject({ ok: true, value: { canEdit: false } });
    // what the console does is still the owner's
    const sent = await sendAnyway(api, { conversationId, kind: 'note', body: 'Checked the courier.' }, owner);
    expect(sent).toMatchObject({ author: 'note', authorName: 'Ada Brooks' });
    expect((await store.sessionEvents.listForConversation(conversationId)).find((event) => event.messageId === sent.id)?.userId).toBe(people.ada.id);
    // other consoles of the desk are not touched
    expect(await api.call('playbook.get', {}, await api.deskCaller('window-2'))).toMatchObject({ ok: true, value: { canEdit: true } });
    // viewed as the executive, the console may not write to customers either
    await api.call('session.viewAs', { userId: people.robert.id }, owner);
    expect(await api.call('drafts.save', { conversationId, kind: 'reply', body: 'x' }, owner)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // stopping gives the console back its own role
    expect(await api.call('session.viewAs', { userId: null }, owner)).toMatchObject({ ok: true, value: { role: 'admin', viewingAs: null } });
    expect(await api.call('playbook.get', {}, owner)).toMatchObject({ ok: true, value: { canEdit: true } });
    // an agent viewing as the supervisor gets no more than an agent's
    const agent = { person: people.aisha, sessionId: 'window-3' };
    expect(await api.call('session.viewAs', { userId: people.hannah.id }, agent)).toMatchObject({ ok: true, value: { role: 'supervisor', viewingAs: { name: 'Hannah Cole' }, currentUser: { name: 'Aisha Khan' } } });
    expect(await api.call('playbook.save', { playbook: null }, agent)).toMatchObject({ ok: false, error: { code: 'forbidden', message: /^Aisha Khan \(agent\) may not/ } });
    expect(await api.call('playbook.get', {}, agent)).toMatchObject({ ok: true, value: { canEdit: false } });
  });

  it('does not exist on a team server: callers sign in as themselves', async () => {
    const { api, people, hannah } = await team('team');
    const signedIn = { person: people.hannah, sessionId: 'session-1' };
    expect(await api.call('session.viewAs', { userId: people.aisha.id }, signedIn)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await api.call('workspace.status', {}, signedIn)).toMatchObject({ ok: true, value: { canViewAs: false, viewingAs: null, currentUser: { name: 'Hannah Cole' } } });
    await expect(api.deskCaller(null)).rejects.toThrow();
    expect(await hannah.ok('playbook.get', {})).toMatchObject({ canEdit: true });
  });

  it('refuses a caller who is not a person of the workspace', async () => {
    const { api } = await team();
    const stranger = { person: { id: 9_999, name: 'Mallory', email: 'm@example.com', role: 'admin' as const }, sessionId: null };
    expect(await api.call('playbook.save', { playbook: null }, stranger)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
