import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath, serveAppRequest } from '../../../electron/main/appProtocol';

let base: string;
let root: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-app-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kinship</title>');
  fs.writeFileSync(path.join(root, 'email-frame-remote.html'), '<!doctype html><body></body>');
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'export {};');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the console');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'a sibling whose name starts like the root');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app:// serves the built console and nothing else', () => {
  it('resolves the console’s own files', () => {
    expect(resolveAppPath(root, 'app://kinship/index.html')).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://kinship/')).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://kinship/assets/index.js?v=1#x')).toMatchObject({ ok: true, file: path.join(root, 'assets', 'index.js') });
  });

  it.each([
    'app://kinship/../secret.txt',
    'app://kinship/%2e%2e/secret.txt',
    'app://kinship/assets/..%2f..%2fsecret.txt',
    'app://kinship/..%5csecret.txt',
    'app://kinship/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kinship/index.html%00.js',
    'app://kinship/../renderer-evil.txt',
    'app://kinship/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://kinship@evil/index.html',
    'not a url',
  ])('refuses %s without reading outside the folder', async (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved.ok) expect(resolved.file.startsWith(root + path.sep)).toBe(true);
    const response = await serveAppRequest(root, url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('not for the console');
  });

  it('refuses a link that leads outside the folder', async () => {
    const response = await serveAppRequest(root, 'app://kinship/assets/link.txt');
    expect(response.status).toBe(403);
  });

  it('sends each page with its type and its own policy', async () => {
    const page = await serveAppRequest(root, 'app://kinship/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const frame = await serveAppRequest(root, 'app://kinship/email-frame-remote.html');
    expect(frame.headers.get('content-security-policy')).toContain('img-src data: https: http:;');
    expect(frame.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const script = await serveAppRequest(root, 'app://kinship/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('answers 404 for a missing file and 405 for anything but reading', async () => {
    expect((await serveAppRequest(root, 'app://kinship/missing.js')).status).toBe(404);
    expect((await serveAppRequest(root, 'app://kinship/index.html', 'POST')).status).toBe(405);
  });
});
