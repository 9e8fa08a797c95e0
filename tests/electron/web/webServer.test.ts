import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runWebHost, type RunningWebHost, type WebHostOptions } from '../../../electron/web/runWebHost';
import type { CallTiming } from '../../../electron/web/socketSession';
import { BUILT_WORKER } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';
import { upgradeStatus } from '../../helpers/upgradeStatus';

const running: RunningWebHost[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function start(options: Pick<WebHostOptions, 'traceCall'> = {}) {
  const rendererDir = tempDir('kinship-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
  const host = await runWebHost({ dataDir: tempDir(), rendererDir: `${rendererDir}/`, analysisWorkerUrl: BUILT_WORKER, ...options });
  running.push(host);
  const token = new URL(host.url).hash.replace('#token=', '');
  return { host, token, base: `127.0.0.1:${host.port}` };
}

function callOnce(url: string, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 7, method, input })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'result') {
        ws.close();
        resolve(frame);
      }
    });
    ws.on('error', reject);
  });
}

describe('the web host', () => {
  it('listens on the loopback address only and prints an address carrying the token in its fragment', async () => {
    const { host, token } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
    expect(token).toHaveLength(32);
  });

  it('refuses a WebSocket without the token, with a wrong one, or from another origin', async () => {
    const { token, base } = await start();
    expect(await upgradeStatus(`ws://${base}/api`)).toBe(401);
    // one character changed (always to another: a token may end in the letter put in its place)
    const wrong = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect(wrong).not.toBe(token);
    expect(await upgradeStatus(`ws://${base}/api?token=${wrong}`)).toBe(401);
    expect(await upgradeStatus(`ws://${base}/api?token=`)).toBe(401);
    expect(await upgradeStatus(`ws://${base}/api?token=${token}`, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(`ws://${base}/api?token=${token}`, { Host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus(`ws://${base}/elsewhere?token=${token}`)).toBe(403);
    expect(await upgradeStatus(`ws://${base}/api?token=${token}`, { Origin: `http://${base}` })).toBe(101);
  });

  it('says where each call’s time went in the host when asked to trace (waiting its turn, running, being written)', async () => {
    const traced: CallTiming[] = [];
    const { token, base } = await start({ traceCall: (timing) => traced.push(timing) });
    const answer = await callOnce(`ws://${base}/api?token=${token}`, 'workspace.status', {});
    expect(traced).toHaveLength(1);
    const [timing] = traced;
    expect(timing).toMatchObject({ id: 7, method: 'workspace.status', chars: JSON.stringify(answer).length });
    for (const part of [timing!.waitedMs, timing!.ranMs, timing!.sentMs]) expect(part).toBeGreaterThanOrEqual(0);
  });

  it('serves calls with the token, and answers bad input with a typed error', async () => {
    const { token, base } = await start();
    const url = `ws://${base}/api?token=${token}`;
    expect(await callOnce(url, 'workspace.status', {})).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { host: 'web', store: { state: 'ready' } } } });
    expect(await callOnce(url, 'conversations.get', { id: 'x' })).toMatchObject({ id: 7, result: { ok: false, error: { code: 'invalid-input' } } });
  });

  it('answers a malformed frame with an error and keeps the connection', async () => {
    const { token, base } = await start();
    const ws = new WebSocket(`ws://${base}/api?token=${token}`);
    const frames: unknown[] = [];
    await new Promise<void>((resolve) => ws.on('open', () => resolve()));
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    ws.send('{not json');
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'users.list', input: {} }));
    await expect.poll(() => frames.length, { timeout: 55_000 }).toBe(2);
    ws.close();
    expect(frames).toEqual([
      { type: 'result', id: -1, result: { ok: false, error: expect.objectContaining({ code: 'invalid-input' }) } },
      // the desk's one person: an empty workspace's unnamed owner
      { type: 'result', id: 1, result: { ok: true, value: [expect.objectContaining({ name: 'Desk owner', role: 'admin' })] } },
    ]);
  });

  it('serves the console with its security headers, and nothing to other host names', async () => {
    const { base, host } = await start();
    const page = await fetch(`http://${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const { request } = await import('node:http');
    const rebinding = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(rebinding).toBe(403);
  });
});
