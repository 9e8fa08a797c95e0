import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace } from '../../../../electron/services/api/workspace';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { tempDir } from '../../../helpers/tempDir';
import { draftSnapshotsOf } from '../../../../electron/services/conversations/draftSnapshots';
import { ok, sendAnyway } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

async function demoApi() {
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const workspace = await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus);
  let clock = NOW;
  const api = await createApi({ host: 'web', bus, workspace, now: () => (clock += 1000) });
  await ok(api, 'demo.load', {});
  if (workspace.state !== 'ready') throw new Error('store not ready');
  return { api, events, store: workspace.store };
}

describe('answering a conversation', () => {
  it('sends a reply as the person who sends it (the desk’s owner), threaded into the e-mail, logged and announced', async () => {
    const { api, store, events } = await demoApi();
    const [email] = (await ok(api, 'conversations.list', { channel: 'email', limit: 1 })).items;
    const before = await ok(api, 'conversations.get', { id: email!.id });
    const lastEmailId = [...before.messages].reverse().find((m) => m.meta.messageId)!.meta.messageId;
    const sent = await sendAnyway(api, { conversationId: email!.id, kind: 'reply', body: 'I am so sorry about this. I have booked a replacement for Tuesday.' });
    const agent = (await api.deskCaller(null)).person;
    expect(agent).toMatchObject({ name: 'Hannah Cole', role: 'supervisor' });
    expect(sent).toMatchObject({ author: 'agent', authorName: agent.name, conversationId: email!.id, meta: { inReplyTo: lastEmailId } });
    expect(String(sent.meta.subject)).toMatch(/^Re: /);
    const after = await ok(api, 'conversations.get', { id: email!.id });
    expect(after.messages.at(-1)!.id).toBe(sent.id);
    expect(after.conversation.lastMessage).toMatchObject({ author: 'agent' });
    expect((await store.sessionEvents.listForConversation(email!.id)).at(-1)).toMatchObject({ kind: 'message.sent', messageId: sent.id, userId: agent.id });
    expect(events.filter((e) => e.name === 'message.added').at(-1)).toMatchObject({ payload: { messageId: sent.id, author: 'agent' } });
    expect((await store.search.messages('booked a replacement for Tuesday', 5)).map((h) => h.messageId)).toContain(sent.id);
  });

  it('threads a reply after an e-mail whose stored details are malformed (a workspace written before they were checked)', async () => {
    const { api, store } = await demoApi();
    const [email] = (await ok(api, 'conversations.list', { channel: 'email', limit: 1 })).items;
    await store.messages.insert({
      conversationId: email!.id,
      author: 'customer',
      authorName: null,
      authorUserId: null,
      body: 'Any news?',
      sentAt: NOW,
      externalId: null,
      dedupeKey: 'malformed-references',
      meta: { messageId: '<old@example.com>', references: 5 } as never,
      createdAt: NOW,
    });
    const sent = await sendAnyway(api, { conversationId: email!.id, kind: 'reply', body: 'It left our warehouse this morning.' });
    expect(sent.meta).toMatchObject({ inReplyTo: '<old@example.com>', references: ['<old@example.com>'] });
  });

  it('keeps internal notes as notes, and refuses an empty reply', async () => {
    const { api } = await demoApi();
    const [chat] = (await ok(api, 'conversations.list', { channel: 'chat', limit: 1 })).items;
    const note = await sendAnyway(api, { conversationId: chat!.id, kind: 'note', body: 'Customer prefers a call after 5pm.' });
    expect(note.author).toBe('note');
    const count = (await ok(api, 'conversations.get', { id: chat!.id })).messages.length;
    expect(await api.call('conversations.send', { conversationId: chat!.id, kind: 'reply', body: '   ' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('conversations.send', { conversationId: 999999, kind: 'reply', body: 'hello' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await ok(api, 'conversations.get', { id: chat!.id })).messages.length).toBe(count);
  });

  it('changes status and logs who changed it from what', async () => {
    const { api, store } = await demoApi();
    const [open] = (await ok(api, 'conversations.list', { status: 'open', limit: 1 })).items;
    const resolved = await ok(api, 'conversations.setStatus', { id: open!.id, status: 'resolved' });
    expect(resolved.status).toBe('resolved');
    expect((await store.sessionEvents.listForConversation(open!.id)).at(-1)).toMatchObject({ kind: 'status.changed', payload: { from: 'open', to: 'resolved' } });
    expect(await api.call('conversations.setStatus', { id: open!.id, status: 'closed' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await ok(api, 'conversations.get', { id: open!.id })).conversation.status).toBe('resolved');
  });

  it('saves a draft as it is typed, gives it back, and drops it once sent', async () => {
    const { api, store } = await demoApi();
    const [conversation] = (await ok(api, 'conversations.list', { limit: 1 })).items;
    const id = conversation!.id;
    expect((await ok(api, 'conversations.get', { id })).draft).toBeNull();
    await ok(api, 'drafts.save', { conversationId: id, kind: 'reply', body: 'Hi Anika, thank' });
    const saved = await ok(api, 'drafts.save', { conversationId: id, kind: 'reply', body: 'Hi Anika, thank you for' });
    expect((await ok(api, 'conversations.get', { id })).draft).toEqual({ kind: 'reply', body: 'Hi Anika, thank you for', savedAt: saved.savedAt });
    expect(draftSnapshotsOf(await store.sessionEvents.listForConversation(id)).map((snapshot) => snapshot.body)).toEqual(['Hi Anika, thank', 'Hi Anika, thank you for']);
    await sendAnyway(api, { conversationId: id, kind: 'reply', body: 'Hi Anika, thank you for your patience.' });
    expect((await ok(api, 'conversations.get', { id })).draft).toBeNull();
  });
});

describe('assigning a conversation', () => {
  it('assigns to me or nobody, logs it, and filters by it', async () => {
    const { api, store } = await demoApi();
    const [unassigned] = (await ok(api, 'conversations.list', { assignee: 'unassigned', limit: 1 })).items;
    const me = (await api.deskCaller(null)).person;
    const mineBefore = (await ok(api, 'conversations.list', { assignee: 'me', limit: 1 })).total;
    expect(await ok(api, 'conversations.assign', { id: unassigned!.id, assignee: 'me' })).toMatchObject({ assignee: { id: me.id, name: me.name } });
    expect((await ok(api, 'conversations.list', { assignee: 'me', limit: 1 })).total).toBe(mineBefore + 1);
    expect((await store.sessionEvents.listForConversation(unassigned!.id)).at(-1)).toMatchObject({ kind: 'assignment.changed', payload: { from: null, to: me.id } });
    expect(await ok(api, 'conversations.assign', { id: unassigned!.id, assignee: null })).toMatchObject({ assignee: null });
    expect(await api.call('conversations.assign', { id: unassigned!.id, assignee: 99999 }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('macros', () => {
  it('starts with the defaults, saves changes, and refuses a key that is taken or unusable while typing', async () => {
    const { api } = await demoApi();
    const defaults = await ok(api, 'macros.list', {});
    expect(defaults.length).toBeGreaterThan(2);
    const mine = [...defaults, { id: 'thanks-2', name: 'Thanks again', body: 'Thanks, {{customer.firstName}}!', shortcut: 'mod+shift+y' }];
    expect((await ok(api, 'macros.save', { macros: mine })).at(-1)).toMatchObject({ shortcut: 'Mod+Shift+Y' });
    expect(await api.call('macros.save', { macros: [...mine.slice(0, -1), { ...mine.at(-1)!, shortcut: 'Mod+K' }] }, await api.deskCaller(null))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ message: 'Mod+K is already used by Open the command palette' }] },
    });
    // a browser's key is refused here as in Settings → Keyboard, with the reason
    expect(await api.call('macros.save', { macros: [...mine.slice(0, -1), { ...mine.at(-1)!, shortcut: 'Mod+1' }] }, await api.deskCaller(null))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'macros.4.shortcut', message: 'Mod+1 belongs to the browser or the operating system (it switches to browser tab 1)' }] },
    });
    // an unknown placeholder is refused, with the ones Kinship knows
    const unknown = await api.call('macros.save', { macros: [...mine.slice(0, -1), { ...mine.at(-1)!, body: 'Thanks, {{first_name}}!' }] }, await api.deskCaller(null));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'macros.4.body', message: expect.stringMatching(/^\{\{first_name\}\} is not a placeholder Kinship knows\. Use \{\{customer\.firstName\}\}/) }] } });
    expect(await api.call('macros.save', { macros: [...mine.slice(0, -1), { ...mine.at(-1)!, shortcut: 'y' }] }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('macros.save', { macros: [...mine, { ...mine.at(-1)!, id: 'other' }] }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await ok(api, 'macros.list', {})).at(-1)).toMatchObject({ id: 'thanks-2', shortcut: 'Mod+Shift+Y' });
  });
});

describe('a call in the console', () => {
  it('starts, takes notes stamped with the time into the call, ends with a disposition and wrap-up, and is logged', async () => {
    const { api, store } = await demoApi();
    const [call] = (await ok(api, 'conversations.list', { channel: 'voice', limit: 1 })).items;
    const [chat] = (await ok(api, 'conversations.list', { channel: 'chat', limit: 1 })).items;
    expect((await ok(api, 'conversations.get', { id: call!.id })).activeCallStartedAt).toBeNull();
    expect(await api.call('calls.note', { conversationId: call!.id, text: 'too early' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.call('calls.start', { conversationId: chat!.id }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Calls are made in voice conversations.' } });

    const started = await ok(api, 'calls.start', { conversationId: call!.id });
    expect(started).toMatchObject({ author: 'system', body: 'Call started' });
    expect((await ok(api, 'conversations.get', { id: call!.id })).activeCallStartedAt).toBe(started.meta.callStartedAt);
    expect(await api.call('calls.start', { conversationId: call!.id }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // the test clock moves one second per call
    const note = await ok(api, 'calls.note', { conversationId: call!.id, text: 'Customer says the parcel was left in the rain' });
    expect(note.body).toMatch(/^\[00:0\d\] Customer says the parcel was left in the rain$/);
    expect(note.meta.callOffsetSec).toBeGreaterThan(0);
    const ended = await ok(api, 'calls.end', { conversationId: call!.id, disposition: 'resolved', summary: 'Replacement sent; customer happy.' });
    expect(ended.message.body).toMatch(/^Call ended \(0m \d+s\) · resolved on the call$/);
    expect(ended).toMatchObject({ status: 'resolved', followUp: null });
    const after = await ok(api, 'conversations.get', { id: call!.id });
    expect(after.activeCallStartedAt).toBeNull();
    expect(after.messages.at(-1)).toMatchObject({ author: 'note', body: 'Wrap-up: Replacement sent; customer happy.' });
    expect(after.conversation.status).toBe('resolved');
    expect((await store.sessionEvents.listForConversation(call!.id)).filter((e) => e.kind.startsWith('call.')).map((e) => e.kind)).toEqual(['call.started', 'call.ended']);
  });
});
