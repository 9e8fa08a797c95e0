import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace } from '../../../../electron/services/api/workspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { DEFAULT_INBOX_PLACE, DEFAULT_INBOX_VIEW, SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX, type InboxView } from '../../../../shared/contract/views';
import { tempDir } from '../../../helpers/tempDir';
import { as } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/** A small workspace: an agent (who has one conversation), a supervisor, three open chats and a resolved e-mail. */
async function setup() {
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const workspace = await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus);
  if (workspace.state !== 'ready') throw new Error('store not ready');
  const { store } = workspace;
  const agent = await store.users.create({ name: 'Aisha Khan', email: 'aisha@larkspur.example', role: 'agent' }, NOW);
  const supervisor = await store.users.create({ name: 'Hannah Cole', email: 'hannah@larkspur.example', role: 'supervisor' }, NOW);
  const ingestion = createIngestionService(store, bus);
  const ids: number[] = [];
  for (const [n, ref] of ['a', 'b', 'c', 'd'].entries()) {
    ids.push((await ingestion.ingest({
      channel: ref === 'd' ? 'email' : 'chat',
      customer: { displayName: `Customer ${ref}`, identities: [{ kind: 'chat', value: ref }] },
      conversation: { externalRef: ref, ...(ref === 'a' ? { assigneeEmail: agent.email } : {}) },
      message: { author: 'customer', body: `hello ${ref}`, sentAt: NOW - (n + 1) * 60_000, externalId: `m${ref}` },
    })).conversationId);
  }
  await store.conversations.setStatus(ids[3]!, 'resolved', NOW);
  const api = await createApi({ host: 'web', bus, workspace, now: () => NOW });
  return { api, events, ids, aisha: as(api, agent), hannah: as(api, supervisor), close: async () => (api.close(), await store.close()) };
}

const chats: InboxView = { ...DEFAULT_INBOX_VIEW, channel: 'chat' };
const mine: InboxView = { ...DEFAULT_INBOX_VIEW, assignee: 'me', status: 'all' };

describe('saved views', () => {
  it('are saved, counted, renamed, changed and deleted by the person who made them', async () => {
    const { aisha, close } = await setup();
    const saved = await aisha.ok('views.save', { name: 'Chats waiting', view: chats });
    expect(saved).toMatchObject({ name: 'Chats waiting', view: chats, count: 3 });
    await aisha.ok('views.save', { name: '  Mine  ', view: mine });
    expect((await aisha.ok('views.list', {})).saved.map(({ name, count }) => [name, count])).toEqual([
      ['Chats waiting', 3],
      ['Mine', 1],
    ]);
    const renamed = await aisha.ok('views.save', { id: saved.id, name: 'Live chats', view: { ...chats, sort: 'upset' } });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Live chats', view: { sort: 'upset' } });
    // renaming to its own name in another case is no clash
    await aisha.ok('views.save', { id: saved.id, name: 'LIVE chats', view: chats });
    await aisha.ok('views.delete', { id: saved.id });
    expect((await aisha.ok('views.list', {})).saved.map(({ name }) => name)).toEqual(['Mine']);
    await close();
  });

  it('are each person’s own', async () => {
    const { aisha, hannah, close } = await setup();
    const agents = await aisha.ok('views.save', { name: 'Mine', view: mine });
    expect((await hannah.ok('views.list', {})).saved).toEqual([]);
    // the supervisor can neither change nor delete the agent's view, and may use the same name
    expect(await hannah.call('views.delete', { id: agents.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await hannah.call('views.save', { id: agents.id, name: 'Taken over', view: chats })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await hannah.ok('views.save', { name: 'mine', view: mine })).count).toBe(0);
    expect((await aisha.ok('views.list', {})).saved).toMatchObject([{ id: agents.id, name: 'Mine', count: 1 }]);
    await close();
  });

  it('refuse a name that is blank, too long or already used (in any case), and more than the limit', async () => {
    const { aisha, close } = await setup();
    expect(await aisha.call('views.save', { name: '   ', view: chats })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await aisha.call('views.save', { name: 'x'.repeat(SAVED_VIEW_NAME_MAX + 1), view: chats })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await aisha.call('views.save', { name: 'Chats', view: { ...chats, sort: 'oldest' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await aisha.ok('views.save', { name: 'Chats', view: chats });
    expect(await aisha.call('views.save', { name: 'CHATS', view: mine })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'You already have a view called “Chats”.' } });
    for (let n = 2; n <= SAVED_VIEWS_MAX; n++) await aisha.ok('views.save', { name: `View ${n}`, view: chats });
    expect(await aisha.call('views.save', { name: 'One too many', view: chats })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await aisha.ok('views.list', {})).saved).toHaveLength(SAVED_VIEWS_MAX);
    await close();
  });
});

describe('where a person left the inbox', () => {
  it('is remembered per person, and a place that is not one is refused', async () => {
    const { aisha, hannah, ids, close } = await setup();
    expect((await aisha.ok('views.list', {})).last).toBeNull();
    const place = { view: chats, query: 'refund', conversationId: ids[1]!, messageId: null };
    await aisha.ok('views.remember', { place });
    expect((await aisha.ok('views.list', {})).last).toEqual(place);
    expect((await hannah.ok('views.list', {})).last).toBeNull();
    await hannah.ok('views.remember', { place: DEFAULT_INBOX_PLACE });
    expect((await aisha.ok('views.list', {})).last).toEqual(place);
    expect(await aisha.call('views.remember', { place: { ...place, query: 'x'.repeat(201) } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await aisha.ok('views.list', {})).last).toEqual(place);
    await close();
  });
});

describe('the draft mark', () => {
  it('is on the conversations where the current person has an unsent draft, and announced when it comes or goes', async () => {
    const { aisha, hannah, events, ids, close } = await setup();
    const marked = async (who = aisha) => (await who.ok('conversations.list', {})).items.filter((item) => item.hasDraft).map((item) => item.id);
    const announced = () => events.filter((event) => event.name === 'draft.changed').map((event) => event.payload);
    expect(await marked()).toEqual([]);
    await aisha.ok('drafts.save', { conversationId: ids[1]!, kind: 'reply', body: 'Let me check' });
    await aisha.ok('drafts.save', { conversationId: ids[1]!, kind: 'reply', body: 'Let me check that for you' });
    expect(await marked()).toEqual([ids[1]]);
    expect((await aisha.ok('conversations.get', { id: ids[1]! })).conversation.hasDraft).toBe(true);
    // only the change is announced, not every keystroke
    expect(announced()).toHaveLength(1);
    expect(announced()[0]).toMatchObject({ conversationId: ids[1], hasDraft: true });
    // someone else's draft is not mine: not marked, not shown, and its change not announced to me
    expect(await marked(hannah)).toEqual([]);
    expect((await hannah.ok('conversations.get', { id: ids[1]! })).drafts).toEqual({ reply: null, note: null });
    expect((await aisha.ok('conversations.get', { id: ids[1]! })).drafts.reply).toMatchObject({ body: 'Let me check that for you' });
    await aisha.ok('drafts.save', { conversationId: ids[1]!, kind: 'reply', body: '  ' });
    expect(await marked()).toEqual([]);
    expect(announced().at(-1)).toMatchObject({ conversationId: ids[1], hasDraft: false });
    await close();
  });
});
