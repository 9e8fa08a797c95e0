import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { AUTH_PATHS } from '../../../shared/contract/people';
import { runTeamServer, type RunningTeamServer } from '../../../electron/web/runTeamServer';
import { teamServerConfig } from '../../../electron/web/teamConfig';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../electron/services/ingestion';
import { openPostgresStore } from '../../../electron/services/store/store';
import { BUILT_WORKER } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';
import { testPostgresDatabase } from '../../helpers/testPostgres';

/**
 * The team server on PostgreSQL (KINSHIP_DATABASE_URL naming this run's throwaway database on a
 * private socket), driven as its consoles drive it: sign-in over HTTP, calls and events over the
 * WebSocket.
 */
const running: RunningTeamServer[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
  while (closers.length) await closers.pop()!();
  vi.unstubAllEnvs();
});

const ADMIN = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const AGENT_PASSWORD = 'seven green bottles hanging';
const HOUR = 3_600_000;

interface Frame {
  type: string;
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string; message: string; detail?: unknown } };
  event?: { name: string; payload: Record<string, unknown> };
}

async function post(origin: string, route: string, body: unknown, cookie?: string) {
  const response = await fetch(`${origin}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

/** A signed-in console: its WebSocket, what it heard, and its calls. */
async function consoleOf(origin: string, cookie: string) {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api`, { headers: { Origin: origin, Cookie: cookie } });
  const heard: Frame[] = [];
  const waiting = new Map<number, (result: NonNullable<Frame['result']>) => void>();
  ws.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'result' && frame.id !== undefined) waiting.get(frame.id)?.(frame.result!);
    else heard.push(frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  closers.push(async () => void ws.close());
  let nextId = 1;
  return {
    heard,
    call(method: string, input: unknown = {}): Promise<NonNullable<Frame['result']>> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
  };
}

describe('a team server on PostgreSQL', () => {
  it('two signed-in agents: of two takes at once one wins and the other is told who has it; a reply one sends reaches the other live', async () => {
    const url = await testPostgresDatabase();
    vi.stubEnv('KINSHIP_DATABASE_URL', url);
    const rendererDir = tempDir('kinship-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
    const server = await runTeamServer({
      config: teamServerConfig({}, { port: 0 }),
      dataDir: tempDir(),
      rendererDir: `${rendererDir}/`,
      analysisWorkerUrl: BUILT_WORKER,
      people: { scryptCost: { ln: 10, r: 8, p: 1 }, sessions: { idleMs: 2 * HOUR, absoluteMs: 24 * HOUR, touchEveryMs: 60_000 } },
    });
    running.push(server);
    const origin = new URL(server.url).origin;

    // the first admin, then two agents invited and signed in
    const setup = await post(origin, AUTH_PATHS.setup, { token: new URL(server.setupLink!.url).hash.replace('#setup=', ''), ...ADMIN });
    expect(setup.status).toBe(200);
    const agents = [];
    for (const [name, email] of [['Aisha Khan', 'aisha@kinship.test'], ['Bilal Osei', 'bilal@kinship.test']] as const) {
      const invited = await post(origin, AUTH_PATHS.invite, { email, role: 'agent' }, setup.cookie!);
      expect(invited.status).toBe(200);
      const accepted = await post(origin, AUTH_PATHS.invitation, { token: new URL(invited.body.link as string).hash.replace('#invite=', ''), name, password: AGENT_PASSWORD });
      expect(accepted.status).toBe(200);
      agents.push({ name, id: (accepted.body.person as { id: number }).id, console: await consoleOf(origin, accepted.cookie!) });
    }
    const [aisha, bilal] = agents as [(typeof agents)[0], (typeof agents)[0]];
    // the people list over HTTP is read from PostgreSQL (and is a list, not an unawaited promise)
    const listed = await fetch(`${origin}${AUTH_PATHS.people}`, { headers: { Origin: origin, Cookie: setup.cookie! } });
    expect(((await listed.json()) as { people: { email: string }[] }).people.map((person) => person.email).sort()).toEqual(['ada@kinship.test', 'aisha@kinship.test', 'bilal@kinship.test']);
    const status = await aisha.console.call('workspace.status');
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'ready', path: expect.stringMatching(/^postgres(ql)?:\/\//) } } });

    // a customer writes (a connector on another connection to the same database)
    const connector = await openPostgresStore(url, { poolSize: 2 });
    closers.push(() => connector.close());
    const { conversationId } = await createIngestionService(connector, createEventBus()).ingest({
      channel: 'chat',
      customer: { displayName: 'Sam Carter', identities: [{ kind: 'chat', value: 'sam-carter' }] },
      conversation: { externalRef: 'chat-sam', subject: 'Missing parcel' },
      message: { author: 'customer', body: 'Where is my parcel?', sentAt: Date.now() - 60_000, externalId: 'sam-1' },
    });

    // both take it at once: one wins, the other is told who has it
    const [a, b] = await Promise.all([aisha.console.call('conversations.take', { id: conversationId }), bilal.console.call('conversations.take', { id: conversationId })]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [winner, loser] = a.ok ? [aisha, bilal] : [bilal, aisha];
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: `${winner.name} has this conversation.`, detail: { kind: 'taken', holder: { id: winner.id, name: winner.name } } } });
    expect(await connector.conversations.getSummary(conversationId)).toMatchObject({ assignee: { id: winner.id } });

    // the winner replies; the other agent's console hears of it as it happens
    const opened = await winner.console.call('conversations.get', { id: conversationId });
    expect(opened.ok).toBe(true);
    const seen = (opened.value as { messages: { id: number }[] }).messages.at(-1)!.id;
    const reply = { conversationId, kind: 'reply', body: 'Hi Sam, it is on its way: here is the tracking link.', seenMessageId: seen };
    let sent = await winner.console.call('conversations.send', reply);
    // the draft check may have something to say first: sent anyway, as the agent would
    const checked = sent.value as { outcome: string; findings?: { check: string; better: string | null }[] };
    if (checked?.outcome === 'check') sent = await winner.console.call('conversations.send', { ...reply, draftCheck: { decision: 'send-anyway', shown: checked.findings!.map(({ check, better }) => ({ check, better })) } });
    expect(sent).toMatchObject({ ok: true, value: { outcome: 'sent' } });
    const messageId = (sent.value as { message: { id: number } }).message.id;
    await vi.waitFor(
      () => expect(loser.console.heard.some((frame) => frame.type === 'event' && frame.event?.name === 'message.added' && frame.event.payload.messageId === messageId)).toBe(true),
      { timeout: 60_000, interval: 5 },
    );
    const theirs = await loser.console.call('conversations.get', { id: conversationId });
    expect((theirs.value as { messages: { id: number; body: string }[] }).messages.at(-1)).toMatchObject({ id: messageId, body: 'Hi Sam, it is on its way: here is the tracking link.' });
  });
});
