import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../electron/services/api/workspace';
import { databasePath } from '../../electron/services/dataDir';
import { createEventBus } from '../../electron/services/events/eventBus';
import { startWebHost, stopWebHost } from './webHostFixture';

/**
 * Remote images are allowed only inside the e-mail frame, and only once the agent asks: the
 * console's own page loads nothing remote at all, whatever its code (or an injected tag) asks.
 * Remote requests are intercepted by the browser (page.route), so nothing leaves the machine.
 */
test.describe.configure({ mode: 'serial' });

const REMOTE = 'http://images.remote.example';
let started: Awaited<ReturnType<typeof startWebHost>>;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-frame-policy-'));
  const workspace = await openWorkspace(databasePath(dataDir), createEventBus());
  if (workspace.state !== 'ready') throw new Error(workspace.error.message);
  await workspace.ingestion.ingest({
    channel: 'email',
    customer: { displayName: 'Nora Pixel', identities: [{ kind: 'email', value: 'nora@remote.example' }] },
    conversation: { subject: 'Newsletter with pictures', externalRef: 'frame-policy' },
    message: {
      author: 'customer',
      body: '',
      bodyHtml: `<p>framepolicy newsletter</p><img alt="logo" src="${REMOTE}/logo.gif" width="10" height="10">`,
      sentAt: Date.UTC(2026, 10, 20, 9, 0),
      meta: { messageId: '<frame-policy@remote.example>', from: 'nora@remote.example', subject: 'Newsletter with pictures' },
    },
  });
  await workspace.store.close();
  started = await startWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(started);
});

test('the console page allows no remote image; the e-mail frame shows them only after consent', async ({ page }) => {
  const remote: string[] = [];
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  await page.route(`${REMOTE}/**`, (route) => {
    remote.push(new URL(route.request().url()).pathname);
    return route.fulfill({ status: 200, contentType: 'image/gif', body: gif });
  });
  const response = await page.goto(started.host.url);
  const consolePolicy = response!.headers()['content-security-policy']!;
  expect(consolePolicy).toMatch(/img-src 'self' data:(;|$)/);
  expect(consolePolicy).not.toMatch(/https?:/);

  // the console page itself: an image tag pointing away is refused by its policy
  const verdict = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(`blocked by ${event.effectiveDirective}`), { once: true });
        const image = document.createElement('img');
        image.onload = () => resolve('loaded');
        image.src = src;
        document.body.append(image);
      }),
    `${REMOTE}/from-console.gif`,
  );
  expect(verdict).toBe('blocked by img-src');

  await page.getByTestId('conversation-row').filter({ hasText: 'Newsletter with pictures' }).click();
  const frame = page.frameLocator('iframe[title="E-mail content"]');
  await expect(frame.locator('body')).toContainText('framepolicy newsletter');
  const notice = page.getByRole('status').filter({ hasText: 'remote image' });
  await expect(notice).toContainText('1 remote image blocked');
  // the frame's own page has a policy of its own, without remote images until consent
  const framePolicy = await page.request.get(new URL('/email-frame.html', started.host.url).href);
  expect(framePolicy.headers()['content-security-policy']).toContain('img-src data:;');
  expect(framePolicy.headers()['content-security-policy']).toContain("frame-ancestors 'self'");

  await notice.getByRole('button', { name: 'Show remote images' }).click();
  await expect(frame.getByRole('img', { name: 'logo' })).toHaveJSProperty('naturalWidth', 1);
  expect(remote).toEqual(['/logo.gif']);
  expect(remote).not.toContain('/from-console.gif');
});
