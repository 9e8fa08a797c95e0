import fs from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { runWebHost, type RunningWebHost } from '../../../electron/web/runWebHost';
import type { Defer } from '../../../electron/web/callScheduler';
import type { SocketLimits } from '../../../electron/web/socketLimits';
import { BUILT_WORKER } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';

const running: RunningWebHost[] = [];
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  while (running.length) await running.pop()!.stop();
});

async function start(socketLimits: Partial<SocketLimits> = {}, defer?: Defer) {
  const rendererDir = tempDir('kinship-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
  const host = await runWebHost({ dataDir: tempDir(), rendererDir: `${rendererDir}/`, analysisWorkerUrl: BUILT_WORKER, socketLimits, ...(defer ? { defer } : {}) });
  running.push(host);
  const token = new URL(host.url).hash.replace('#token=', '');
  return { host, url: `ws://127.0.0.1:${host.port}/api?token=${token}` };
}

type Frame = { type: string; id?: number; result?: { ok: boolean; error?: { code: string } } };

/** A client that records every result frame it reads, in order. */
async function connect(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  clients.push(ws);
  const results: Frame[] = [];
  const waiting = new Map<number, (frame: Frame) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type !== 'result') return;
    results.push(frame);
    waiting.get(frame.id!)?.(frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (id: number, method: string, input: unknown, written?: () => void) =>
    ws.send(JSON.stringify({ type: 'call', id, method, input }), written ? () => written() : undefined);
  const answer = (id: number) => new Promise<Frame>((resolve) => waiting.set(id, resolve));
  return { ws, results, send, answer, socket: (ws as unknown as { _socket: Socket })._socket };
}

/** A chat whose newest page is ~2 MB: 20 messages of 99,000 characters. */
async function bigConversation(host: RunningWebHost): Promise<number> {
  const workspace = host.services.workspace;
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  let conversationId = 0;
  for (let index = 0; index < 20; index++) {
    conversationId = (await workspace.ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Rosa Lind', identities: [{ kind: 'chat', value: 'rosa-lind' }] },
      conversation: { externalRef: 'big-chat', subject: 'A long one' },
      message: { author: 'agent', authorName: 'Priya Shah', body: `${index} ${'parcel refund '.repeat(7_070)}`.slice(0, 99_000), sentAt: Date.UTC(2026, 10, 20, 9, index), externalId: `big-${index}` },
    })).conversationId;
  }
  return conversationId;
}

describe('the web host under a client that misbehaves', () => {
  it('drops a client that asks for big answers and never reads them, and lets go of what it held for it', async () => {
    const { host, url } = await start({ highWaterBytes: 256 * 1024, maxBufferedBytes: 4 * 1024 * 1024, stallMs: 100 });
    const id = await bigConversation(host);
    const slow = await connect(url);
    // never reads again: the answers pile up in the kernel, then in the host
    slow.socket.pause();
    for (let call = 1; call <= 64; call++) slow.send(call, 'conversations.get', { id });

    await expect.poll(() => host.connections?.().find((c) => c.state === 'closed')?.closeReason, { timeout: 60_000 }).toBe('not-reading');
    const dropped = host.connections().find((c) => c.state === 'closed')!;
    // it was stopped well before all 64 answers (~128 MB) were made, and nothing is held for it now
    expect(dropped.answered).toBeLessThan(64);
    expect(dropped).toMatchObject({ queued: 0, queuedBytes: 0, bufferedBytes: 0 });
    expect(host.connections().filter((c) => c.state === 'open')).toEqual([]);

    // and everyone else is still served
    const other = await connect(url);
    const answered = other.answer(1);
    other.send(1, 'workspace.status', {});
    expect((await answered).result).toMatchObject({ ok: true });
  }, 90_000);

  it('answers a second console while another connection still has thousands of calls waiting', async () => {
    const FLOOD = 3000;
    const { host, url } = await start({ maxQueued: FLOOD, maxQueuedBytes: 64 * 1024 * 1024 });
    // the order in which the host runs calls: the flood asks for 1 conversation, the other console for 2
    const ran: number[] = [];
    const call = host.services.api.call;
    vi.spyOn(host.services.api, 'call').mockImplementation((method, input, caller) => {
      ran.push((input as { limit?: number }).limit ?? 0);
      return call(method, input, caller);
    });
    const flooder = await connect(url);
    const other = await connect(url);

    const allWritten = new Promise<void>((resolve) => {
      for (let id = 1; id <= FLOOD; id++) flooder.send(id, 'conversations.list', { limit: 1 }, id === FLOOD ? resolve : undefined);
    });
    await allWritten;
    await expect.poll(() => ran.length, { timeout: 30_000 }).toBeGreaterThan(0);

    const answered = other.answer(1);
    other.send(1, 'conversations.list', { limit: 2 });
    const answer = await answered;
    const floodRanThen = ran.filter((limit) => limit === 1).length;
    const floodAnsweredThen = flooder.results.length;
    expect(answer.result).toMatchObject({ ok: true });
    // ORDER: when the other console's answer came, the host had not yet run all of the flood, and
    // the flooder was still waiting for answers
    expect(ran).toContain(2);
    expect(floodRanThen).toBeLessThan(FLOOD);
    expect(floodAnsweredThen).toBeLessThan(FLOOD);
    await expect.poll(() => flooder.results.length, { timeout: 120_000 }).toBe(FLOOD);
    expect(flooder.results.every((frame) => frame.result?.ok)).toBe(true);
  }, 180_000);

  it('refuses calls beyond its bound with a typed "busy" answer, runs the rest, and keeps the connection', async () => {
    // no call gets a turn until the test lets them, so the bound is reached however the frames are read
    const held: (() => void)[] = [];
    let holding = true;
    const { host, url } = await start({ maxInFlight: 2, maxQueued: 3 }, (run) => (holding ? held.push(run) : setImmediate(run)));
    const client = await connect(url);
    for (let id = 1; id <= 12; id++) client.send(id, 'workspace.status', {});
    await expect.poll(() => client.results.length, { timeout: 30_000 }).toBe(7);
    holding = false;
    for (const run of held.splice(0)) run();
    await expect.poll(() => client.results.length, { timeout: 30_000 }).toBe(12);

    const byId = new Map(client.results.map((frame) => [frame.id!, frame.result!]));
    for (let id = 1; id <= 5; id++) expect(byId.get(id)).toMatchObject({ ok: true });
    for (let id = 6; id <= 12; id++) expect(byId.get(id)).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/not run/) } });
    expect(host.connections()[0]).toMatchObject({ state: 'open', refusedBusy: 7, answered: 5, inFlight: 0, queued: 0 });

    const again = client.answer(13);
    client.send(13, 'workspace.status', {});
    expect((await again).result).toMatchObject({ ok: true });
  });

  it('drops a peer that does not answer pings', async () => {
    const { host, url } = await start({ heartbeatMs: 50 });
    const ws = new WebSocket(url, { autoPong: false });
    clients.push(ws);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    expect(await closed).toBe(1006);
    await expect.poll(() => host.connections(), { timeout: 10_000 }).toEqual([expect.objectContaining({ state: 'closed', closeReason: 'no-pong' })]);
  });
});
