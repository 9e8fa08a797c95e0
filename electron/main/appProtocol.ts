import fs from 'node:fs/promises';
import path from 'node:path';
import { securityHeadersFor } from '../../shared/security';

/**
 * The console's own address: app://kinship/… serves the built renderer (out/renderer) and nothing
 * else, with each page's security headers. Plain Node (no electron import), so it is tested as is;
 * electron/main/security.ts only registers it with protocol.handle.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kinship';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const CONSOLE_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready: a standard, secure scheme, so the console has an origin of its own. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type AppPath = { ok: true; file: string; pathname: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Which file under rootDir an app:// address names, or why none: another scheme or host, an
 * encoded slash or backslash, a NUL, a dot-dot segment (even percent-encoded), or anything that
 * would resolve outside rootDir is refused before the disk is touched.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not an address' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403, reason: 'not the console’s origin' };
  if (/%2f|%5c|%00/i.test(url.pathname)) return { ok: false, status: 403, reason: 'encoded separators are refused' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'badly encoded path' };
  }
  const segments = pathname.split('/');
  if (pathname.includes('\\') || pathname.includes('\0') || segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'path traversal is refused' };
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname}`);
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 403, reason: 'outside the console’s files' };
  return { ok: true, file, pathname };
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Type': 'text/plain', 'X-Content-Type-Options': 'nosniff' } });
}

/** The response to one app:// request: the file with its type and its page's security headers, or a refusal. */
export async function serveAppRequest(rootDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405);
  const resolved = resolveAppPath(rootDir, requestUrl);
  if (!resolved.ok) return refusal(resolved.status);
  try {
    // a link inside out/renderer must not lead outside it either
    const [realRoot, realFile] = await Promise.all([fs.realpath(path.resolve(rootDir)), fs.realpath(resolved.file)]);
    if (!realFile.startsWith(realRoot + path.sep)) return refusal(403);
    const body = await fs.readFile(realFile);
    const contentType = CONTENT_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    return new Response(method === 'HEAD' ? null : body, {
      status: 200,
      headers: { 'Content-Type': contentType, ...securityHeadersFor(resolved.pathname) },
    });
  } catch {
    return refusal(404);
  }
}
