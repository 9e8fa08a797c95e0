import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Caller } from '../../../electron/services/api/caller';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { followLive } from '../../../electron/services/api/liveHandlers';
import { createInProcessEvents, type LiveListener } from '../../../electron/services/live';
import type { LiveCursor } from '../../../shared/contract/live';
import { createPeopleService } from '../../../electron/services/people';
import { createTeamGate } from '../../../electron/web/teamGate';
import { teamServerConfig } from '../../../electron/web/teamConfig';
import { startWebServer, type RunningWebServer } from '../../../electron/web/webServer';
import { tempDir } from '../../helpers/tempDir';
import { testStore } from '../../helpers/testStore';

const running: RunningWebServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

describe('a team server hands the signed-in person to the api', () => {
  it('every call carries the caller of its connection’s session: who they are and which session', async () => {
    const store = await testStore();
    const people = createPeopleService({ store, scryptCost: { ln: 10, r: 8, p: 1 } });
    const config = teamServerConfig({}, { port: 0 });
    const gate = createTeamGate(config, people);
    const seen: Caller[] = [];
    const events = createInProcessEvents(createEventBus());
    const api = {
      call: async (_method: unknown, _input: unknown, caller: Caller) => {
        seen.push(caller);
        return { ok: true as const, value: null };
      },
      follow: (_caller: Caller, cursor: LiveCursor | null, listener: LiveListener) => followLive(events, cursor, () => true, listener),
      openConsole: () => () => undefined,
      endSession: () => undefined,
      deskCaller: () => {
        throw new Error('a team server has no desk owner');
      },
    };
    const rendererDir = tempDir('kinship-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
    const server = await startWebServer({ api, rendererDir: `${rendererDir}/`, token: '', port: 0, team: { gate, config } });
    running.push(server);
    const link = (await people.issueSetupLink())!;
    const admin = await people.setUpFirstAdmin({ token: link.token, name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' }, { address: '127.0.0.1', userAgent: null });
    const origin = `http://127.0.0.1:${server.port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { headers: { Origin: origin, Cookie: `kinship-session=${admin.token}` } });
    await new Promise((opened, failed) => {
      ws.once('open', opened);
      ws.once('error', failed);
    });
    await new Promise((answered) => {
      ws.on('message', (data) => (JSON.parse(String(data)) as { type: string }).type === 'result' && answered(null));
      ws.send(JSON.stringify({ type: 'call', id: 1, method: 'workspace.status', input: {} }));
    });
    expect(seen).toEqual([{ person: { id: admin.session.person.id, name: 'Ada Admin', email: 'ada@kinship.test', role: 'admin' }, sessionId: admin.session.sessionId, consoleId: expect.stringMatching(/^console-\d+$/) }]);
    ws.close();
  });
});
