import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace } from '../../../../electron/services/api/workspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { METHOD_NAMES } from '../../../../shared/contract/methods';
import { tempDir } from '../../../helpers/tempDir';
import { ok } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

async function setup(file = path.join(tempDir(), 'kinship.sqlite')) {
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const workspace = await openWorkspace(file, bus);
  const api = await createApi({ host: 'web', bus, workspace, now: () => NOW });
  return { api, events, workspace, close: async () => workspace.state === 'ready' && await workspace.store.close() };
}

describe('the contract’s validation', () => {
  it('refuses an unknown method', async () => {
    const { api, close } = await setup();
    expect(await api.call('customers.deleteAll', {}, await api.deskCaller(null))).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'There is no method called "customers.deleteAll".' },
    });
    expect(await api.call(42, {}, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    await close();
  });

  it.each([
    ['conversations.get', { id: 'seven' }, 'id'],
    ['conversations.get', { id: -1 }, 'id'],
    ['conversations.get', {}, 'id'],
    ['conversations.list', { channel: 'fax' }, 'channel'],
    ['conversations.list', { limit: 100000 }, 'limit'],
    ['messages.search', { query: '   ' }, 'query'],
    ['messages.search', { query: 'x'.repeat(201) }, 'query'],
    ['session.viewAs', { userId: 'Aisha' }, 'userId'],
    ['demo.load', { seed: 1.5 }, 'seed'],
    ['workspace.status', { extra: true }, '(input)'],
  ])('refuses %s with %j, naming the field', async (method, input, field) => {
    const { api, close } = await setup();
    const result = await api.call(method, input, await api.deskCaller(null));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.issues?.map((issue) => issue.path)).toContain(field);
      expect(result.error.message).toMatch(/^Invalid input: /);
    }
    await close();
  });

  it('changes nothing when the input is invalid', async () => {
    const { api, close } = await setup();
    const desk = await api.deskCaller('console-1');
    await api.call('session.viewAs', { userId: 'Aisha' }, desk);
    await api.call('demo.load', { seed: 'lots' }, desk);
    const status = await api.call('workspace.status', {}, desk);
    expect(status).toMatchObject({ ok: true, value: { role: 'admin', viewingAs: null, counts: { conversations: 0, messages: 0 } } });
    await close();
  });

  it.each(METHOD_NAMES)('%s refuses fields it does not know, before doing anything', async (method) => {
    const { api, close } = await setup();
    const result = await api.call(method, { surprise: true }, await api.deskCaller(null));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await close();
  });
});

describe('the api over a real workspace', () => {
  it('refuses a second demo load while one is under way (it is not handed the first one’s result)', async () => {
    const { api, close } = await setup();
    const first = api.call('demo.load', { seed: 1 }, await api.deskCaller(null));
    const second = await api.call('demo.load', { seed: 2 }, await api.deskCaller(null));
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The demo workspace is already being loaded.' } });
    expect(await first).toMatchObject({ ok: true });
    await close();
  });

  it('loads the demo once (its team lead owns the desk), lists and opens conversations, searches, and views as another person', async () => {
    const { api, events, close } = await setup();
    const loaded = await ok(api, 'demo.load', {});
    expect(loaded.customers).toBeGreaterThanOrEqual(60);
    expect(loaded.conversations).toBeGreaterThanOrEqual(300);
    expect(events.filter((e) => e.name === 'progress').length).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ name: 'workspace.changed', payload: { reason: 'demo-loaded' } });

    const again = await api.call('demo.load', {}, await api.deskCaller(null));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const status = await ok(api, 'workspace.status', {});
    expect(status.counts.conversations).toBe(loaded.conversations);
    for (const channel of ['chat', 'email', 'voice'] as const) expect(status.counts.byChannel[channel]).toBeGreaterThan(50);

    const list = await ok(api, 'conversations.list', { channel: 'email', limit: 5 });
    expect(list.items).toHaveLength(5);
    expect(list.items.every((item) => item.channel === 'email')).toBe(true);
    const times = list.items.map((item) => item.lastMessage!.sentAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const detail = await ok(api, 'conversations.get', { id: list.items[0]!.id });
    expect(detail.messages.length).toBe(list.items[0]!.messageCount);

    const missing = await api.call('conversations.get', { id: 999999 }, await api.deskCaller(null));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const found = await ok(api, 'messages.search', { query: 'refund' });
    expect(found.hits.length).toBeGreaterThan(0);

    // the unnamed owner became the demo's team lead, keeping their id
    expect(status.currentUser).toMatchObject({ name: 'Hannah Cole', role: 'supervisor' });
    expect((await ok(api, 'users.list', {})).filter((user) => user.id === status.currentUser!.id)).toHaveLength(1);
    const desk = await api.deskCaller('console-1');
    const executive = (await ok(api, 'users.list', {})).find((user) => user.role === 'executive')!;
    const viewing = await ok(api, 'session.viewAs', { userId: executive.id }, desk);
    expect(viewing).toMatchObject({ role: 'executive', viewingAs: { id: executive.id }, currentUser: { name: 'Hannah Cole' }, canViewAs: true });
    // only that console: another one is still the owner's own
    expect(await ok(api, 'workspace.status', {}, await api.deskCaller('console-2'))).toMatchObject({ role: 'supervisor', viewingAs: null });
    await close();
  });

  it('explains a workspace it cannot open, and refuses work instead of losing data', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    fs.writeFileSync(file, 'not a database at all '.repeat(100));
    const { api } = await setup(file);
    const status = await api.call('workspace.status', {}, await api.deskCaller(null));
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'unavailable', reason: 'unreadable', path: file } } });
    const load = await api.call('demo.load', {}, await api.deskCaller(null));
    expect(load).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
    // a console opened on it (the web host's connection) is a console that explains, not a crash
    const console1 = { ...(await api.deskCaller('web:console-1')), consoleId: 'console-1' };
    const heard: string[] = [];
    const following = api.follow(console1, null, (event) => heard.push(event.name));
    expect(() => api.openConsole(console1)()).not.toThrow();
    following.stop();
    expect(heard).not.toContain('presence.changed');
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all '.repeat(100));
  });
});
