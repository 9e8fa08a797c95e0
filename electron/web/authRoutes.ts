import type { IncomingMessage, ServerResponse } from 'node:http';
import { z, type ZodType } from 'zod';
import {
  acceptInvitationInput,
  AUTH_PATHS,
  invitationIdInput,
  INVITE_HASH,
  inviteInput,
  personIdInput,
  changeRoleInput,
  setupInput,
  signInInput,
  type AuthRefusal,
  type NewInvitation,
  type SignedIn,
} from '../../shared/contract/people';
import { Refusal } from '../services/common/refusal';
import { SignInRefused, type LiveSession, type PeopleService, type RequestMeta, type Started } from '../services/people';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './sessionCookie';

export interface AuthRoutesOptions {
  people: PeopleService;
  /** Whether browsers reach the server over TLS (the cookie is then Secure). */
  secure: boolean;
  /** The origin people open; the base of invitation links. */
  publicOrigin(): string;
  /** Whether a request's Origin is the server's own. */
  allowsOrigin(origin: string | undefined): boolean;
  /** The client's address (the proxy's X-Forwarded-For when it comes through the trusted proxy). */
  clientAddress(request: IncomingMessage): string;
}

const MAX_BODY_BYTES = 16 * 1024;
const linkInput = z.object({ kind: z.enum(['setup', 'invite']), token: z.string().min(16).max(200) });

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: AuthRefusal,
  ) {
    super(body.message);
  }
}

/** Answers with `body` as JSON (never a promise: what is sent is what was awaited). */
function send<T>(response: ServerResponse, status: number, body: T extends PromiseLike<unknown> ? never : T, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    // answers about who is signed in are never kept by a browser or a proxy
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpRefusal(413, { code: 'invalid-input', message: 'That request is too large.' }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function parseBody<T>(request: IncomingMessage, schema: ZodType<T>): Promise<T> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new HttpRefusal(415, { code: 'invalid-input', message: 'Send JSON (Content-Type: application/json).' });
  }
  let json: unknown;
  try {
    json = JSON.parse(await readBody(request));
  } catch (error) {
    if (error instanceof HttpRefusal) throw error;
    throw new HttpRefusal(400, { code: 'invalid-input', message: 'That request is not JSON.' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
    throw new HttpRefusal(400, { code: 'invalid-input', message: issues.map((issue) => issue.message).join(' '), issues });
  }
  return parsed.data;
}

const REFUSAL_STATUS = { 'invalid-input': 400, forbidden: 403, 'not-found': 404, conflict: 409 } as const;

/**
 * The account endpoints of a team server (shared/contract/people.ts): sign-in and sign-out, the
 * first admin's setup, invitations, and the admins' People page. Every POST must come from the
 * server's own page (its Origin) as JSON, every body is checked by its schema before anything runs,
 * and a session travels only in its HttpOnly cookie.
 */
export function createAuthRoutes(options: AuthRoutesOptions) {
  const { people, secure } = options;

  const meta = (request: IncomingMessage): RequestMeta => ({ address: options.clientAddress(request), userAgent: request.headers['user-agent'] ?? null });

  function signedIn(session: LiveSession): SignedIn {
    return { person: session.person, expiresAt: session.expiresAt };
  }

  function startSession(response: ServerResponse, started: Started): void {
    send(response, 200, signedIn(started.session), { 'Set-Cookie': sessionCookie(started.token, started.session.endsAt - Date.now(), secure) });
  }

  async function sessionOf(request: IncomingMessage): Promise<LiveSession | null> {
    const token = readSessionCookie(request, secure);
    return token ? await people.sessions.byToken(token) : null;
  }

  async function requireSession(request: IncomingMessage): Promise<LiveSession> {
    const session = await sessionOf(request);
    if (!session) throw new HttpRefusal(401, { code: 'unauthenticated', message: 'You are signed out: sign in again.' });
    return session;
  }

  async function route(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    if (method === 'GET' && path === AUTH_PATHS.session) {
      const session = await sessionOf(request);
      if (session) return send(response, 200, signedIn(session));
      return send(response, 401, { code: 'unauthenticated', message: 'Nobody is signed in on this browser.', needsFirstAdmin: people.needsFirstAdmin() });
    }
    if (method === 'GET' && path === AUTH_PATHS.people) {
      return send(response, 200, await people.list((await requireSession(request)).person));
    }
    if (method !== 'POST') throw new HttpRefusal(405, { code: 'invalid-input', message: `${method} is not answered here.` });
    // a POST only from the server's own page: another site's page cannot make a browser sign in, out, or invite
    if (!options.allowsOrigin(request.headers.origin)) throw new HttpRefusal(403, { code: 'forbidden', message: 'This request did not come from this server’s own page.' });
    switch (path) {
      case AUTH_PATHS.signIn:
        return startSession(response, await people.signIn(await parseBody(request, signInInput), meta(request)));
      case AUTH_PATHS.signOut: {
        const session = await sessionOf(request);
        if (session) await people.signOut(session.sessionId);
        return send(response, 200, { signedOut: true }, { 'Set-Cookie': clearedSessionCookie(secure) });
      }
      case AUTH_PATHS.link: {
        const { kind, token } = await parseBody(request, linkInput);
        return send(response, 200, await people.describeLink(token, kind));
      }
      case AUTH_PATHS.setup:
        return startSession(response, await people.setUpFirstAdmin(await parseBody(request, setupInput), meta(request)));
      case AUTH_PATHS.invitation:
        return startSession(response, await people.acceptInvitation(await parseBody(request, acceptInvitationInput), meta(request)));
      case AUTH_PATHS.invite: {
        const actor = (await requireSession(request)).person;
        const { token, invitation } = await people.invite(actor, await parseBody(request, inviteInput));
        const answer: NewInvitation = { invitation, link: `${options.publicOrigin()}/#${INVITE_HASH}=${token}` };
        return send(response, 200, answer);
      }
      case AUTH_PATHS.deactivate: {
        const actor = (await requireSession(request)).person;
        await people.deactivate(actor, (await parseBody(request, personIdInput)).personId);
        return send(response, 200, await people.list(actor));
      }
      case AUTH_PATHS.changeRole: {
        const actor = (await requireSession(request)).person;
        const { personId, role } = await parseBody(request, changeRoleInput);
        await people.changeRole(actor, personId, role);
        return send(response, 200, await people.list(actor));
      }
      case AUTH_PATHS.reactivate: {
        const actor = (await requireSession(request)).person;
        await people.reactivate(actor, (await parseBody(request, personIdInput)).personId);
        return send(response, 200, await people.list(actor));
      }
      case AUTH_PATHS.withdrawInvitation: {
        const actor = (await requireSession(request)).person;
        await people.withdrawInvitation(actor, (await parseBody(request, invitationIdInput)).invitationId);
        return send(response, 200, await people.list(actor));
      }
      default:
        throw new HttpRefusal(404, { code: 'not-found', message: 'There is no such account endpoint.' });
    }
  }

  return {
    /** Answers the account endpoints; false for any other path. */
    handle(request: IncomingMessage, response: ServerResponse): boolean {
      const path = new URL(request.url ?? '/', 'http://server').pathname;
      if (!path.startsWith('/auth/')) return false;
      route(request, response, path).catch((error: unknown) => {
        if (response.headersSent) return;
        if (error instanceof HttpRefusal) return send(response, error.status, error.body);
        if (error instanceof SignInRefused) {
          if (error.code === 'rate-limited') {
            const retryAfterMs = error.retryAfterMs ?? 60_000;
            return send(response, 429, { code: 'rate-limited', message: error.message, retryAfterMs }, { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) });
          }
          return send(response, error.code === 'deactivated' ? 403 : 401, { code: error.code === 'deactivated' ? 'forbidden' : 'unauthenticated', message: error.message });
        }
        if (error instanceof Refusal) return send(response, REFUSAL_STATUS[error.kind], { code: error.kind, message: error.message });
        console.error('Kinship: an account request failed:', error);
        send(response, 500, { code: 'internal', message: 'Kinship could not answer that request; the server’s console says why.' });
      });
      return true;
    },
  };
}
