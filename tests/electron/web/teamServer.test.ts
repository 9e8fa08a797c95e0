import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AUTH_PATHS } from '../../../shared/contract/people';
import { runTeamServer, type RunningTeamServer } from '../../../electron/web/runTeamServer';
import { teamServerConfig, TeamConfigError } from '../../../electron/web/teamConfig';
import { BUILT_WORKER } from '../../helpers/analysisFixtures';
import { tempDir } from '../../helpers/tempDir';

const running: RunningTeamServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

const ADMIN = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const AGENT_PASSWORD = 'seven green bottles hanging';
const HOUR = 3_600_000;

async function start(env: NodeJS.ProcessEnv = {}, socketLimits: { heartbeatMs?: number } = {}) {
  const rendererDir = tempDir('kinship-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kinship</title>');
  const clock = { at: Date.now() };
  const server = await runTeamServer({
    config: teamServerConfig(env, { port: 0 }),
    dataDir: tempDir(),
    rendererDir: `${rendererDir}/`,
    analysisWorkerUrl: BUILT_WORKER,
    people: { scryptCost: { ln: 10, r: 8, p: 1 }, now: () => clock.at, sessions: { idleMs: 2 * HOUR, absoluteMs: 24 * HOUR, touchEveryMs: 60_000 } },
    socketLimits,
  });
  running.push(server);
  return { server, clock, origin: new URL(server.url).origin };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  cookie: string | null;
}

async function post(origin: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, ...headers }, body: JSON.stringify(body) });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

async function setUpAdmin(server: RunningTeamServer, origin: string) {
  const token = new URL(server.setupLink!.url).hash.replace('#setup=', '');
  const answer = await post(origin, AUTH_PATHS.setup, { token, ...ADMIN });
  expect(answer.status).toBe(200);
  return answer.cookie!;
}

/** Opens the console's WebSocket; resolves with it open, or with the HTTP status it was refused with. */
function connect(origin: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api`, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

function call(ws: WebSocket, method: string, input: unknown = {}): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 1e9);
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, method, input }));
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('a team server', () => {
  it('makes the first admin from its one-time setup link, and sets the session in an HttpOnly, SameSite=Strict cookie', async () => {
    const { server, origin } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.setupLink!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#setup=[\w-]{43}$/);
    const token = new URL(server.setupLink!.url).hash.replace('#setup=', '');
    const response = await fetch(`${origin}${AUTH_PATHS.setup}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ token, ...ADMIN }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^kinship-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // the link works once
    expect((await post(origin, AUTH_PATHS.setup, { token, ...ADMIN, email: 'second@kinship.test' })).status).toBe(409);
  });

  it('admits a console’s WebSocket only from its own origin and with a live session', async () => {
    const { server, origin } = await start();
    const cookie = await setUpAdmin(server, origin);
    expect(await connect(origin, { Origin: 'https://evil.example', Cookie: cookie })).toBe(403);
    expect(await connect(origin, { Origin: `http://127.0.0.1.evil.example:${server.port}`, Cookie: cookie })).toBe(403);
    expect(await connect(origin, { Cookie: cookie })).toBe(403);
    expect(await connect(origin, { Origin: origin })).toBe(401);
    expect(await connect(origin, { Origin: origin, Cookie: 'kinship-session=' + 'A'.repeat(43) })).toBe(401);
    const ws = await connect(origin, { Origin: origin, Cookie: cookie });
    expect(ws).toBeInstanceOf(WebSocket);
    expect((await call(ws as WebSocket, 'workspace.status')).ok).toBe(true);
    (ws as WebSocket).close();
  });

  it('refuses account requests from another site’s page (CSRF) and anything but JSON', async () => {
    const { origin } = await start();
    expect((await post(origin, AUTH_PATHS.signIn, { email: ADMIN.email, password: ADMIN.password }, { Origin: 'https://evil.example' })).status).toBe(403);
    const form = await fetch(`${origin}${AUTH_PATHS.signIn}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: 'email=a&password=b' });
    expect(form.status).toBe(415);
    const invalid = await post(origin, AUTH_PATHS.signIn, { email: 'not an address', password: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('invalid-input');
  });

  it('a call after the session expired is refused as unauthenticated, and nothing runs', async () => {
    const { server, origin, clock } = await start();
    const cookie = await setUpAdmin(server, origin);
    const ws = (await connect(origin, { Origin: origin, Cookie: cookie })) as WebSocket;
    expect((await call(ws, 'workspace.status')).ok).toBe(true);
    clock.at += 2 * HOUR;
    const refused = await call(ws, 'workspace.startEmpty');
    expect(refused.error?.code).toBe('unauthenticated');
    expect(server.services.workspace.state === 'ready' && await server.services.workspace.store.settings.get('workspace.startedEmpty')).toBeFalsy();
    const session = await fetch(`${origin}${AUTH_PATHS.session}`, { headers: { Cookie: cookie } });
    expect(session.status).toBe(401);
    ws.close();
  });

  it('a console left idle past its session is signed out by the heartbeat, without a call', async () => {
    // the heartbeat looks often here; the test waits for the close the product sends, not for time
    const { server, origin, clock } = await start({}, { heartbeatMs: 50 });
    const cookie = await setUpAdmin(server, origin);
    const ws = (await connect(origin, { Origin: origin, Cookie: cookie })) as WebSocket;
    const closing = closed(ws);
    clock.at += 2 * HOUR;
    expect(await closing).toBe(4401);
  });

  it('signing out, or an admin deactivating a person, closes their open connections at once', async () => {
    const { server, origin } = await start();
    const adminCookie = await setUpAdmin(server, origin);
    const invited = await post(origin, AUTH_PATHS.invite, { email: 'agnes@kinship.test', role: 'agent' }, { Cookie: adminCookie });
    expect(invited.status).toBe(200);
    const token = new URL(invited.body.link as string).hash.replace('#invite=', '');
    const accepted = await post(origin, AUTH_PATHS.invitation, { token, name: 'Agnes Agent', password: AGENT_PASSWORD });
    expect(accepted.body).toMatchObject({ person: { name: 'Agnes Agent', role: 'agent' } });
    const agentSocket = (await connect(origin, { Origin: origin, Cookie: accepted.cookie! })) as WebSocket;
    expect((await call(agentSocket, 'workspace.status')).ok).toBe(true);
    // an agent cannot manage people
    expect((await post(origin, AUTH_PATHS.invite, { email: 'friend@kinship.test', role: 'admin' }, { Cookie: accepted.cookie! })).status).toBe(403);
    const agentId = (accepted.body.person as { id: number }).id;
    const closing = closed(agentSocket);
    expect((await post(origin, AUTH_PATHS.deactivate, { personId: agentId }, { Cookie: adminCookie })).status).toBe(200);
    expect(await closing).toBe(4401);
    expect(server.connections().find((c) => c.closeReason === 'signed-out')).toBeTruthy();
    expect((await post(origin, AUTH_PATHS.signIn, { email: 'agnes@kinship.test', password: AGENT_PASSWORD })).status).toBe(403);
    // the admin signs out: their connection closes too, and the cookie is cleared
    const adminSocket = (await connect(origin, { Origin: origin, Cookie: adminCookie })) as WebSocket;
    const adminClosing = closed(adminSocket);
    const out = await fetch(`${origin}${AUTH_PATHS.signOut}`, { method: 'POST', headers: { Origin: origin, Cookie: adminCookie } });
    expect(out.headers.get('set-cookie')).toMatch(/^kinship-session=; .*Max-Age=0/);
    expect(await adminClosing).toBe(4401);
  });

  it('an admin gives an agent another role: their open console is told, and may do at once what the new role may', async () => {
    const { server, origin } = await start();
    const adminCookie = await setUpAdmin(server, origin);
    const invited = await post(origin, AUTH_PATHS.invite, { email: 'agnes@kinship.test', role: 'agent' }, { Cookie: adminCookie });
    const token = new URL(invited.body.link as string).hash.replace('#invite=', '');
    const accepted = await post(origin, AUTH_PATHS.invitation, { token, name: 'Agnes Agent', password: AGENT_PASSWORD });
    const agentId = (accepted.body.person as { id: number }).id;
    const agentSocket = (await connect(origin, { Origin: origin, Cookie: accepted.cookie! })) as WebSocket;
    // the team's response targets back to the defaults: a supervisor's to set
    const targets = { targets: null };
    expect((await call(agentSocket, 'responseTargets.save', targets)).error?.code).toBe('forbidden');
    const told = new Promise<unknown>((resolve) => {
      agentSocket.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as { type?: string; event?: { name: string; payload: unknown } };
        if (frame.type === 'event' && frame.event?.name === 'people.changed') resolve(frame.event.payload);
      });
    });
    // an agent cannot change roles, their own least of all
    expect((await post(origin, AUTH_PATHS.changeRole, { personId: agentId, role: 'supervisor' }, { Cookie: accepted.cookie! })).status).toBe(403);
    const changed = await post(origin, AUTH_PATHS.changeRole, { personId: agentId, role: 'supervisor' }, { Cookie: adminCookie });
    expect(changed.status).toBe(200);
    expect((changed.body.people as { id: number; role: string }[]).find((person) => person.id === agentId)?.role).toBe('supervisor');
    expect(await told).toEqual({ personId: agentId });
    expect((await call(agentSocket, 'responseTargets.save', targets)).ok).toBe(true);
    // a role that does not exist is refused and changes nothing
    expect((await post(origin, AUTH_PATHS.changeRole, { personId: agentId, role: 'owner' }, { Cookie: adminCookie })).status).toBe(400);
    agentSocket.close();
  });

  it('answers a rate-limited sign-in with 429, Retry-After and when to try again in words', async () => {
    const { server, origin } = await start();
    await setUpAdmin(server, origin);
    for (let i = 0; i < 5; i++) expect((await post(origin, AUTH_PATHS.signIn, { email: ADMIN.email, password: `wrong password ${i}` })).status).toBe(401);
    const limited = await fetch(`${origin}${AUTH_PATHS.signIn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(await limited.json()).toMatchObject({ code: 'rate-limited', message: 'Too many failed sign-ins for this account. Try again in 15 minutes.' });
  });
});

describe('where a team server listens', () => {
  it('refuses a non-loopback address without TLS, saying what to do', () => {
    expect(() => teamServerConfig({ KINSHIP_HOST: '0.0.0.0' })).toThrow(TeamConfigError);
    expect(() => teamServerConfig({ KINSHIP_HOST: '0.0.0.0' })).toThrow(/will not listen on 0\.0\.0\.0 without TLS.*KINSHIP_TLS_CERT.*KINSHIP_TRUST_PROXY/);
    expect(() => teamServerConfig({ KINSHIP_HOST: '10.1.2.3', KINSHIP_TRUST_PROXY: '10.1.2.1' })).toThrow(/needs KINSHIP_PUBLIC_URL/);
    expect(() => teamServerConfig({ KINSHIP_HOST: '10.1.2.3', KINSHIP_TRUST_PROXY: 'proxy.local', KINSHIP_PUBLIC_URL: 'https://k.example' })).toThrow(/IP address/);
    expect(() => teamServerConfig({ KINSHIP_HOST: '10.1.2.3', KINSHIP_TRUST_PROXY: '10.1.2.1', KINSHIP_PUBLIC_URL: 'http://k.example' })).toThrow(/https/);
    expect(teamServerConfig({ KINSHIP_HOST: '10.1.2.3', KINSHIP_TRUST_PROXY: '10.1.2.1', KINSHIP_PUBLIC_URL: 'https://k.example' })).toMatchObject({ publicOrigin: 'https://k.example', trustProxy: '10.1.2.1', tls: null });
    expect(() => teamServerConfig({ KINSHIP_TLS_CERT: '/nowhere.pem' })).toThrow(/go together/);
    expect(teamServerConfig({})).toMatchObject({ host: '127.0.0.1', port: 8480, tls: null });
  });

  it('speaks TLS with a certificate, its cookie Secure and __Host-, and the WebSocket over wss', async () => {
    const dir = tempDir();
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const { server, origin } = await start({ KINSHIP_TLS_CERT: cert, KINSHIP_TLS_KEY: key });
      expect(origin).toBe(`https://localhost:${server.port}`);
      const token = new URL(server.setupLink!.url).hash.replace('#setup=', '');
      const response = await fetch(`${origin}${AUTH_PATHS.setup}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ token, ...ADMIN }) });
      expect(response.headers.get('set-cookie')).toMatch(/^__Host-kinship-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
      const ws = await new Promise<WebSocket | number>((resolve, reject) => {
        const socket = new WebSocket(`wss://localhost:${server.port}/api`, { headers: { Origin: origin, Cookie: response.headers.get('set-cookie')!.split(';')[0]! }, rejectUnauthorized: false });
        socket.on('open', () => resolve(socket));
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('error', reject);
      });
      expect(ws).toBeInstanceOf(WebSocket);
      (ws as WebSocket).close();
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
    }
  });
});
