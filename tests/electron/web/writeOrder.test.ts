import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Caller } from '../../../electron/services/api/caller';
import { followLive } from '../../../electron/services/api/liveHandlers';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { createInProcessEvents, type LiveListener } from '../../../electron/services/live';
import { startWebServer, type RunningWebServer } from '../../../electron/web/webServer';
import type { LiveCursor } from '../../../shared/contract/live';
import { tempDir } from '../../helpers/tempDir';

const running: RunningWebServer[] = [];
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  while (running.length) await running.pop()!.close();
});

/** An api whose calls are held until the test lets each go: what started, in which order. */
function heldApi() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const startedWaiters: { label: string; resolve: () => void }[] = [];
  const events = createInProcessEvents(createEventBus());
  const desk: Caller = { person: { id: 1, name: 'Desk', email: 'desk@kinship.test', role: 'agent' }, sessionId: null };
  const api = {
    call: async (method: unknown, input: unknown) => {
      const label = `${String(method)}:${String((input as { body?: string }).body ?? '')}`;
      started.push(label);
      for (const waiter of startedWaiters.filter((one) => one.label === label)) waiter.resolve();
      await new Promise<void>((resolve) => gates.set(label, resolve));
      return { ok: true as const, value: label };
    },
    follow: (_caller: Caller, cursor: LiveCursor | null, listener: LiveListener) => followLive(events, cursor, () => true, listener),
    openConsole: () => () => undefined,
    endSession: () => undefined,
    deskCaller: async (sessionId: string | null) => ({ ...desk, sessionId }),
  };
  const hasStarted = (label: string) =>
    started.includes(label) ? Promise.resolve() : new Promise<void>((resolve) => startedWaiters.push({ label, resolve }));
  const release = async (label: string) => {
    await hasStarted(label);
    gates.get(label)!();
  };
  return { api, started, hasStarted, release };
}

describe('one console’s calls on the web host', () => {
  it('run its writes one after another in the order sent (an older draft save never lands after a newer one); reads run beside them', async () => {
    const { api, started, hasStarted, release } = heldApi();
    const rendererDir = tempDir('kinship-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
    const server = await startWebServer({ api, rendererDir: `${rendererDir}/`, token: 'secret', port: 0 });
    running.push(server);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=secret`);
    clients.push(ws);
    const answered: number[] = [];
    const answers = new Map<number, () => void>();
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; id?: number };
      if (frame.type !== 'result') return;
      answered.push(frame.id!);
      answers.get(frame.id!)?.();
    });
    await new Promise((opened, failed) => {
      ws.once('open', opened);
      ws.once('error', failed);
    });
    const answer = (id: number) => (answered.includes(id) ? Promise.resolve() : new Promise<void>((resolve) => answers.set(id, resolve)));
    const draft = (id: number, body: string) => ws.send(JSON.stringify({ type: 'call', id, method: 'drafts.save', input: { conversationId: 1, kind: 'reply', body } }));
    draft(1, 'Hel');
    draft(2, 'Hello');
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'conversations.list', input: {} }));
    draft(4, 'Hello there');

    // the read runs beside the first save; the later saves wait for it
    await hasStarted('conversations.list:');
    expect(started).toEqual(['drafts.save:Hel', 'conversations.list:']);
    await release('conversations.list:');
    await answer(3);
    expect(started).toEqual(['drafts.save:Hel', 'conversations.list:']);
    await release('drafts.save:Hel');
    await release('drafts.save:Hello');
    await release('drafts.save:Hello there');
    await answer(4);
    expect(started).toEqual(['drafts.save:Hel', 'conversations.list:', 'drafts.save:Hello', 'drafts.save:Hello there']);
    expect(answered).toEqual([3, 1, 2, 4]);
  });
});
