import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../shared/contract/errors';
import { createClient } from '../../../renderer/src/api/client';
import type { Transport } from '../../../renderer/src/api/transport';

const LOST: CallResult<unknown> = { ok: false, error: { code: 'transport', message: 'The connection to Kinship was lost.' } };

/** A transport that answers each call with the next of `answers` (then ok), and records what was sent. */
function fakeTransport(answers: CallResult<unknown>[] = []) {
  const sent: { method: string; input: Record<string, unknown> }[] = [];
  const transport: Transport = {
    host: 'web',
    call(method, input) {
      sent.push({ method, input: input as Record<string, unknown> });
      return Promise.resolve(answers.shift() ?? { ok: true, value: { id: sent.length } });
    },
    onEvent: () => () => undefined,
  };
  return { transport, sent };
}

const reply = { conversationId: 7, kind: 'reply' as const, body: 'It left our warehouse this morning.' };

describe('the console’s client and writes it may resend', () => {
  it('sends a write lost with the connection again, once, with the same id', async () => {
    const { transport, sent } = fakeTransport([LOST]);
    await createClient(transport).call('conversations.send', reply);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.input.clientId).toEqual(expect.any(String));
    expect(sent[1]!.input).toEqual(sent[0]!.input);
  });

  it('gives the same id when the person sends the same reply again after "connection lost"', async () => {
    const { transport, sent } = fakeTransport([LOST, LOST]);
    const client = createClient(transport);
    await expect(client.call('conversations.send', reply)).rejects.toMatchObject({ code: 'transport' });
    // the composer saves the draft meanwhile: that does not make the resend a new reply
    await client.call('drafts.save', { conversationId: 7, kind: 'reply', body: reply.body });
    await client.call('conversations.send', reply);
    const replies = sent.filter((call) => call.method === 'conversations.send');
    expect(replies).toHaveLength(3);
    expect(new Set(replies.map((call) => call.input.clientId)).size).toBe(1);
  });

  it('makes a new id for a write whose first try was answered, and for a different write', async () => {
    const { transport, sent } = fakeTransport();
    const client = createClient(transport);
    await client.call('conversations.send', reply);
    await client.call('conversations.send', reply);
    await client.call('conversations.send', { ...reply, body: 'Another thing.' });
    expect(new Set(sent.map((call) => call.input.clientId)).size).toBe(3);
  });

  it('treats a status set again after a later change as a new act, not a resend', async () => {
    const { transport, sent } = fakeTransport([LOST, LOST]);
    const client = createClient(transport);
    await expect(client.call('conversations.setStatus', { id: 7, status: 'resolved' })).rejects.toMatchObject({ code: 'transport' });
    await client.call('conversations.setStatus', { id: 7, status: 'open' });
    await client.call('conversations.setStatus', { id: 7, status: 'resolved' });
    const resolves = sent.filter((call) => call.input.status === 'resolved');
    expect(resolves).toHaveLength(3);
    expect(resolves[2]!.input.clientId).not.toBe(resolves[0]!.input.clientId);
  });

  it('never gives a lost draft save’s id to a later save, which would be answered with the old one and not stored', async () => {
    const { transport, sent } = fakeTransport([LOST, LOST]);
    const client = createClient(transport);
    const save = (body: string) => client.call('drafts.save', { conversationId: 7, kind: 'reply', body });
    await expect(save('a')).rejects.toMatchObject({ code: 'transport' });
    await save('ab');
    await save('a');
    const ids = sent.map((call) => call.input.clientId);
    expect(ids[0]).toBe(ids[1]); // the automatic resend of one save
    expect(new Set(ids).size).toBe(3);
  });

  it('gives two identical notes sent on purpose, the first still on its way, two ids', async () => {
    const { transport, sent } = fakeTransport();
    const client = createClient(transport);
    const note = { conversationId: 7, kind: 'note' as const, body: 'Called the courier.' };
    await Promise.all([client.call('conversations.send', note), client.call('conversations.send', note)]);
    expect(new Set(sent.map((call) => call.input.clientId)).size).toBe(2);
  });

  it('keeps a lost status change’s id when a follow-up with the same number is closed (a different thing)', async () => {
    const { transport, sent } = fakeTransport([LOST, LOST]);
    const client = createClient(transport);
    await expect(client.call('conversations.setStatus', { id: 7, status: 'resolved' })).rejects.toMatchObject({ code: 'transport' });
    await client.call('followUps.close', { id: 7, status: 'done' });
    await client.call('conversations.setStatus', { id: 7, status: 'resolved' });
    const resolves = sent.filter((call) => call.input.status === 'resolved');
    expect(new Set(resolves.map((call) => call.input.clientId)).size).toBe(1);
  });

  it('leaves reads alone, and does not resend them', async () => {
    const { transport, sent } = fakeTransport([LOST]);
    await expect(createClient(transport).call('conversations.get', { id: 7 })).rejects.toMatchObject({ code: 'transport' });
    expect(sent).toEqual([{ method: 'conversations.get', input: { id: 7 } }]);
  });
});
