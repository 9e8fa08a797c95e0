import { afterEach, describe, expect, it } from 'vitest';
import { serveContract } from '../../../electron/host/serveContract';
import type { ServicesChannel } from '../../../electron/host/servicesWire';
import type { Api } from '../../../electron/services/api/createApi';
import { createEventBus } from '../../../electron/services/events/eventBus';

/** The services process's side of the link, with a parent that only records what it is sent. */
function link() {
  let deliver: (message: unknown) => void = () => undefined;
  const posted: unknown[] = [];
  const waiting: { test: (message: unknown) => boolean; resolve: (message: unknown) => void }[] = [];
  const channel: ServicesChannel = {
    post(message) {
      posted.push(message);
      for (const one of waiting.splice(0)) {
        if (one.test(message)) one.resolve(message);
        else waiting.push(one);
      }
    },
    onMessage: (listener) => (deliver = listener),
    onClose: () => undefined,
  };
  const result = (id: number) =>
    new Promise<unknown>((resolve) => {
      const test = (message: unknown) => (message as { type?: string; id?: number }).type === 'result' && (message as { id: number }).id === id;
      const already = posted.find(test);
      if (already) resolve(already);
      else waiting.push({ test, resolve });
    });
  return { channel, call: (id: number, method: string) => deliver({ type: 'call', id, method, input: {} }), result };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

/** Settles once the process has had its chance to report an unhandled rejection (after the microtasks, at the next turn). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('serveContract (the services process serving the contract)', () => {
  it('answers a call whose caller cannot be read with a typed error, and keeps serving', async () => {
    process.on('unhandledRejection', onUnhandled);
    let failCaller = true;
    const api = {
      bus: createEventBus(),
      deskCaller: async () => {
        if (failCaller) throw new Error('the workspace could not be read');
        return { person: { id: 1, name: 'Desk', email: 'desk@x', role: 'agent' }, sessionId: 'electron' };
      },
      call: async (method: string) => ({ ok: true, value: method }),
    } as unknown as Api;
    const { channel, call, result } = link();
    const server = serveContract(channel, api, () => undefined);

    call(1, 'workspace.status');
    // the old code never answered this call (and left an unhandled rejection): whichever comes first
    const first = await Promise.race([result(1), new Promise((resolve) => process.once('unhandledRejection', () => resolve('unhandled rejection')))]);
    expect(first).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'internal', message: expect.stringContaining('could not be read') } } });
    expect(server.inFlight()).toBe(0);

    failCaller = false;
    call(2, 'workspace.status');
    expect(await result(2)).toEqual({ type: 'result', id: 2, result: { ok: true, value: 'workspace.status' } });
    await nextTurn();
    await nextTurn();
    expect(unhandled).toEqual([]);
    await server.drain();
  });

  it('a call the api itself throws on, and an answer that cannot be sent, leave nothing unhandled and nothing in flight', async () => {
    process.on('unhandledRejection', onUnhandled);
    const api = {
      bus: createEventBus(),
      deskCaller: async () => ({ person: { id: 1, name: 'Desk', email: 'desk@x', role: 'agent' }, sessionId: 'electron' }),
      call: async () => {
        throw new Error('boom');
      },
    } as unknown as Api;
    const { channel, call, result } = link();
    const server = serveContract(channel, api, () => undefined);
    call(1, 'workspace.status');
    expect(await result(1)).toMatchObject({ result: { ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } } });

    // the parent is gone: posting throws (as process.send does once the IPC channel is closed)
    const closed = link();
    closed.channel.post = () => {
      throw new Error('channel closed');
    };
    const orphan = serveContract(closed.channel, { ...api, call: async () => ({ ok: true, value: 1 }) } as unknown as Api, () => undefined);
    closed.call(1, 'workspace.status');
    await nextTurn();
    await nextTurn();
    expect(orphan.inFlight()).toBe(0);
    expect(unhandled).toEqual([]);
    await orphan.drain();
    await server.drain();
  });

  it('runs the windows’ writes one after another in the order sent, reads beside them', async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const api = {
      bus: createEventBus(),
      deskCaller: async () => ({ person: { id: 1, name: 'Desk', email: 'desk@x', role: 'agent' }, sessionId: 'electron' }),
      call: async (method: string, input: { body?: string }) => {
        const label = `${method}:${input.body ?? ''}`;
        started.push(label);
        await new Promise<void>((resolve) => gates.set(label, resolve));
        return { ok: true, value: label };
      },
    } as unknown as Api;
    const { channel, result } = link();
    let deliver!: (message: unknown) => void;
    const server = serveContract({ ...channel, onMessage: (listener) => (deliver = listener) }, api, () => undefined);
    const draft = (id: number, body: string) => deliver({ type: 'call', id, method: 'drafts.save', input: { conversationId: 1, kind: 'reply', body } });
    draft(1, 'Hel');
    draft(2, 'Hello');
    deliver({ type: 'call', id: 3, method: 'conversations.list', input: {} });
    // the read ran beside the first save (every step until it is a microtask: settle them all)
    await nextTurn();
    expect([...started].sort()).toEqual(['conversations.list:', 'drafts.save:Hel']);
    gates.get('conversations.list:')!();
    await result(3);
    gates.get('drafts.save:Hel')!();
    await result(1);
    await nextTurn();
    expect(started.slice(2)).toEqual(['drafts.save:Hello']);
    gates.get('drafts.save:Hello')!();
    await result(2);
    await server.drain();
  });
});
