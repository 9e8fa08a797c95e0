import { AUTH_PATHS } from '../../shared/contract/authPaths';
import type { WorkspaceChoiceResult } from '../../shared/contract/workspaceChoice';

/** How the probe reaches the network: Electron's `net.fetch` (the system's certificates and proxy) or Node's fetch in tests. */
export type Fetch = (url: string, init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> }) => Promise<Response>;

/** Words for why a request failed, from the error a fetch gave (Chromium's net::ERR_… or Node's cause codes). */
function reasonOf(error: unknown): string {
  const text = `${error instanceof Error ? error.message : String(error)} ${error instanceof Error && error.cause instanceof Error ? `${error.cause.message} ${(error.cause as { code?: string }).code ?? ''}` : ''}`;
  if (/CERT|certificate|SSL|TLS/i.test(text)) return 'its certificate is not one this computer trusts (ask your admin for the right address, or to fix the certificate)';
  if (/NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/i.test(text)) return 'no server has that name (check the spelling)';
  if (/REFUSED|ECONNREFUSED/i.test(text)) return 'nothing answered at that address (is the server running?)';
  if (/TimeoutError|abort|TIMED_OUT|ETIMEDOUT/i.test(text)) return 'it did not answer in time';
  return 'the network said no';
}

/**
 * Whether `origin` is a Kinship team server this computer can reach: its sign-in endpoint answers
 * as Kinship's does (200 with the person signed in, or 401 "unauthenticated"). Said in words when
 * not, so the first screen can tell the person what to do.
 */
export async function probeTeamServer(origin: string, fetch: Fetch, timeoutMs = 10_000): Promise<WorkspaceChoiceResult> {
  let response: Response;
  try {
    response = await fetch(`${origin}${AUTH_PATHS.session}`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { ok: false, message: `Kinship could not reach ${origin}: ${reasonOf(error)}.` };
  }
  const notKinship = { ok: false as const, message: `${origin} answered, but not as a Kinship team server does. Check the address with your admin.` };
  if (response.status !== 200 && response.status !== 401) return notKinship;
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return notKinship;
  try {
    const body = (await response.json()) as { code?: unknown; person?: unknown };
    const kinship = response.status === 401 ? body.code === 'unauthenticated' : typeof body.person === 'object' && body.person !== null;
    return kinship ? { ok: true } : notKinship;
  } catch {
    return notKinship;
  }
}
