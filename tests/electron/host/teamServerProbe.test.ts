import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTeamServer } from '../../../electron/host/teamServerProbe';
import { runTeamServer, type RunningTeamServer } from '../../../electron/web/runTeamServer';
import { teamServerConfig } from '../../../electron/web/teamConfig';
import { BUILT_WORKER } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A web server on loopback that answers every request with `answer`; its origin. */
async function otherServer(answer: (response: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('is this address a Kinship team server (the first screen asks before keeping it)', () => {
  it('a real team server: yes, before anyone has signed in', async () => {
    const rendererDir = tempDir('kinship-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
    const server: RunningTeamServer = await runTeamServer({ config: teamServerConfig({}, { port: 0 }), dataDir: tempDir(), rendererDir: `${rendererDir}/`, analysisWorkerUrl: BUILT_WORKER });
    closers.push(() => server.stop());
    expect(await probeTeamServer(new URL(server.url).origin, fetch)).toEqual({ ok: true });
  });

  it('another web site, a redirect, or a JSON api that is not Kinship: no, and says to check the address', async () => {
    const html = await otherServer((response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Welcome to nginx</h1>'));
    const redirect = await otherServer((response) => response.writeHead(302, { Location: 'https://elsewhere.example/' }).end());
    const json = await otherServer((response) => response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"no token"}'));
    for (const origin of [html, redirect, json]) {
      expect(await probeTeamServer(origin, fetch), origin).toEqual({ ok: false, message: `${origin} answered, but not as a Kinship team server does. Check the address with your admin.` });
    }
  });

  it('nothing listening, or no answer in time: says which', async () => {
    const gone = await otherServer(() => undefined);
    // the port is closed again: nothing answers there
    await closers.pop()!();
    expect(await probeTeamServer(gone, fetch)).toMatchObject({ ok: false, message: expect.stringContaining('nothing answered at that address') });
    const silent = await otherServer(() => undefined);
    expect(await probeTeamServer(silent, fetch, 200)).toMatchObject({ ok: false, message: expect.stringContaining('did not answer in time') });
  });
});
