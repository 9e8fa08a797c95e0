import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import { openWorkspace, type ReadyWorkspace } from '../../../../electron/services/api/workspace';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { methodInputs, RETRYABLE_METHODS } from '../../../../shared/contract/methods';
import { tempDir } from '../../../helpers/tempDir';
import { ok } from '../../../helpers/callApi';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

/** A workspace with one chat and one voice conversation from one customer, and an agent signed in. */
async function setup() {
  const bus = createEventBus();
  const events: KinshipEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const workspace = await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus);
  if (workspace.state !== 'ready') throw new Error('store not ready');
  const { store, ingestion } = workspace;
  await store.users.ensure({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, NOW);
  const customer = { displayName: 'Edith Carter', identities: [{ kind: 'email' as const, value: 'edith@example.org' }] };
  const chat = await ingestion.ingest({ channel: 'chat', customer, conversation: { externalRef: 'c1' }, message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - 60_000, externalId: 'c1-1' } });
  const voice = await ingestion.ingest({ channel: 'voice', customer, conversation: { externalRef: 'v1' }, message: { author: 'customer', body: 'Call me please.', sentAt: NOW - 60_000, externalId: 'v1-1' } });
  let clock = NOW;
  const api = await createApi({ host: 'web', bus, workspace, now: () => (clock += 1000) });
  const messagesIn = (conversationId: number) => store.messages.listForConversation(conversationId);
  return { api, store, events, chatId: chat.conversationId, voiceId: voice.conversationId, customerId: chat.customerId, messagesIn };
}

/** The agent has seen the draft check (if any) and sends: these tests are about storing, not checking. */
const SEND_ANYWAY = { decision: 'send-anyway' as const, shown: [] };

describe('writes a client may resend', () => {
  it('every one takes a client-made id', () => {
    for (const method of RETRYABLE_METHODS) {
      expect(Object.keys((methodInputs[method] as unknown as { shape: object }).shape), method).toContain('clientId');
    }
  });

  it('stores a reply sent twice with the same id once, and answers the repeat with the first answer', async () => {
    const { api, chatId, messagesIn, events } = await setup();
    const before = (await messagesIn(chatId)).length;
    const input = { clientId: 'f3a1c0de-0000-4000-8000-000000000001', conversationId: chatId, kind: 'reply' as const, body: 'It left our warehouse this morning.', draftCheck: SEND_ANYWAY };
    const first = await ok(api, 'conversations.send', input);
    const again = await ok(api, 'conversations.send', input);
    expect(again).toEqual(first);
    expect((await messagesIn(chatId)).length).toBe(before + 1);
    expect(events.filter((e) => e.name === 'message.added' && first.outcome === 'sent' && e.payload.messageId === first.message.id)).toHaveLength(1);
    // a different id is a different reply
    await ok(api, 'conversations.send', { ...input, clientId: 'f3a1c0de-0000-4000-8000-000000000002' });
    expect((await messagesIn(chatId)).length).toBe(before + 2);
  });

  it('refuses an id reused for a different request, and changes nothing', async () => {
    const { api, chatId, messagesIn } = await setup();
    const clientId = 'f3a1c0de-0000-4000-8000-000000000003';
    await ok(api, 'conversations.send', { clientId, conversationId: chatId, kind: 'reply', body: 'First.', draftCheck: SEND_ANYWAY });
    const count = (await messagesIn(chatId)).length;
    expect(await api.call('conversations.send', { clientId, conversationId: chatId, kind: 'reply', body: 'Something else.', draftCheck: SEND_ANYWAY }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.call('conversations.setStatus', { clientId, id: chatId, status: 'resolved' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await messagesIn(chatId)).length).toBe(count);
    expect((await ok(api, 'conversations.get', { id: chatId })).conversation.status).not.toBe('resolved');
  });

  it('does not apply a status change again when it is resent after a later one', async () => {
    const { api, chatId, store } = await setup();
    const resolve = { clientId: 'f3a1c0de-0000-4000-8000-000000000004', id: chatId, status: 'resolved' as const };
    const first = await ok(api, 'conversations.setStatus', resolve);
    await ok(api, 'conversations.setStatus', { clientId: 'f3a1c0de-0000-4000-8000-000000000005', id: chatId, status: 'open' });
    expect(await ok(api, 'conversations.setStatus', resolve)).toEqual(first);
    expect((await ok(api, 'conversations.get', { id: chatId })).conversation.status).toBe('open');
    expect((await store.sessionEvents.listForConversation(chatId)).filter((e) => e.kind === 'status.changed')).toHaveLength(2);
  });

  it('creates a follow-up, a call and a call note once each however often they are resent', async () => {
    const { api, store, chatId, voiceId, customerId, messagesIn } = await setup();
    const followUp = { clientId: 'f3a1c0de-0000-4000-8000-000000000006', customerId, conversationId: chatId, description: 'Call back about the parcel', dueAt: NOW + 86_400_000 };
    const created = await ok(api, 'followUps.create', followUp);
    expect(await ok(api, 'followUps.create', followUp)).toEqual(created);
    expect(await store.followUps.listForCustomer(customerId)).toHaveLength(1);
    const start = { clientId: 'f3a1c0de-0000-4000-8000-000000000007', conversationId: voiceId };
    const started = await ok(api, 'calls.start', start);
    // without the id this would be refused: a call is already in progress
    expect(await ok(api, 'calls.start', start)).toEqual(started);
    const note = { clientId: 'f3a1c0de-0000-4000-8000-000000000008', conversationId: voiceId, text: 'Wants delivery on Friday' };
    await ok(api, 'calls.note', note);
    await ok(api, 'calls.note', note);
    expect((await messagesIn(voiceId)).filter((m) => m.body.includes('Wants delivery on Friday'))).toHaveLength(1);
  });

  it('applies a request again when the first try failed (nothing was applied, so nothing is remembered)', async () => {
    const { api, chatId, store, messagesIn } = await setup();
    const input = { clientId: 'f3a1c0de-0000-4000-8000-000000000009', conversationId: chatId, kind: 'reply' as const, body: 'Sorry for the wait.', draftCheck: SEND_ANYWAY };
    const broken = vi.spyOn(store.conversations, 'recordMessage').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    expect(await api.call('conversations.send', input, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'internal' } });
    broken.mockRestore();
    const count = (await messagesIn(chatId)).length;
    await ok(api, 'conversations.send', input);
    expect((await messagesIn(chatId)).length).toBe(count + 1);
  });
});

describe('a reply and its draft', () => {
  for (const [where, fail] of [
    ['clearing the draft', (store: Awaited<ReturnType<typeof setup>>['store']) => vi.spyOn(store.drafts, 'markSent')],
    ['storing the message', (store: Awaited<ReturnType<typeof setup>>['store']) => vi.spyOn(store.conversations, 'recordMessage')],
  ] as const) {
    it(`are one write: a failure in ${where} leaves the draft and stores no message`, async () => {
      const { api, store, chatId, messagesIn } = await setup();
      await ok(api, 'drafts.save', { conversationId: chatId, kind: 'reply', body: 'Your parcel is on its way' });
      const count = (await messagesIn(chatId)).length;
      const spy = (fail(store) as ReturnType<typeof vi.spyOn>).mockImplementationOnce(() => {
        throw new Error('disk I/O error');
      });
      expect(await api.call('conversations.send', { conversationId: chatId, kind: 'reply', body: 'Your parcel is on its way', draftCheck: SEND_ANYWAY }, await api.deskCaller(null))).toMatchObject({ ok: false });
      spy.mockRestore();
      expect((await messagesIn(chatId)).length).toBe(count);
      expect((await ok(api, 'conversations.get', { id: chatId })).drafts.reply).toMatchObject({ body: 'Your parcel is on its way' });
      // and once it works, the message is stored and the draft gone
      await ok(api, 'conversations.send', { conversationId: chatId, kind: 'reply', body: 'Your parcel is on its way', draftCheck: SEND_ANYWAY });
      expect((await messagesIn(chatId)).length).toBe(count + 1);
      expect((await ok(api, 'conversations.get', { id: chatId })).draft).toBeNull();
    });
  }
});

describe('a resend that overtakes its first try (two server processes on PostgreSQL)', () => {
  it('stores the reply once, and both tries get the first answer', async () => {
    await openTestStore('postgres');
    const url = await testPostgresDatabase();
    const bus = createEventBus();
    // two server processes: each its own pool on the one database
    const workspaces = [await openWorkspace(path.join(tempDir(), 'unused.sqlite'), bus, { KINSHIP_DATABASE_URL: url }), await openWorkspace(path.join(tempDir(), 'unused.sqlite'), bus, { KINSHIP_DATABASE_URL: url })];
    const [one, two] = workspaces.map((workspace) => {
      if (workspace.state !== 'ready') throw new Error('store not ready');
      return workspace;
    }) as [ReadyWorkspace, ReadyWorkspace];
    try {
      await one.store.users.ensure({ name: 'Priya Shah', email: 'priya@larkspur.example', role: 'agent' }, NOW);
      const chat = await one.ingestion.ingest({ channel: 'chat', customer: { displayName: 'Edith Carter', identities: [{ kind: 'email', value: 'edith@example.org' }] }, conversation: { externalRef: 'c1' }, message: { author: 'customer', body: 'Where is my parcel?', sentAt: NOW - 60_000, externalId: 'c1-1' } });
      const apis = [await createApi({ host: 'web', bus, workspace: one, now: () => NOW }), await createApi({ host: 'web', bus, workspace: two, now: () => NOW })];
      const input = { clientId: 'resend-race-1', conversationId: chat.conversationId, kind: 'reply' as const, body: 'It left the depot this morning.', draftCheck: SEND_ANYWAY };
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(apis.map(async (api) => api.call('conversations.send', { ...input, clientId: `resend-race-${round}` }, await api.deskCaller(null))));
        expect(answers.map((answer) => answer.ok)).toEqual([true, true]);
        expect(answers[1]).toEqual(answers[0]);
      }
      expect((await one.store.messages.listForConversation(chat.conversationId)).filter((message) => message.author === 'agent')).toHaveLength(3);
      for (const api of apis) api.close();
    } finally {
      for (const { store } of [one, two]) await store.close();
    }
  });
});
