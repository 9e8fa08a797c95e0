import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../electron/services/api/workspace';
import { databasePath } from '../../electron/services/dataDir';
import { createEventBus } from '../../electron/services/events/eventBus';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { startWebHost, stopWebHost } from './webHostFixture';

/**
 * Hostile e-mail: a corpus of nasty messages arrives through the ingestion service; the console
 * shows them without running anything and without fetching anything — until the agent allows
 * remote images for one message, which proves the block was real.
 */
test.describe.configure({ mode: 'serial' });

let tracker: http.Server;
const hits: string[] = [];
let started: Awaited<ReturnType<typeof startWebHost>>;

function corpus(base: string): { subject: string; html: string }[] {
  return [
    { subject: 'Script tags', html: `<p>hostilecorpus script</p><script>parent.__pwned = 'script'</script><script src="${base}/evil.js"></script>` },
    { subject: 'Event handlers', html: `<p>hostilecorpus handlers</p><img src="x" onerror="parent.__pwned='onerror'"><svg onload="parent.__pwned='svg'"></svg><p onmouseover="parent.__pwned='hover'">hover me</p><a href="javascript:parent.__pwned='link'">click me</a>` },
    { subject: 'CSS tricks', html: `<style>@import url("${base}/import.css"); body { background: url("${base}/body.png") }</style><link rel="stylesheet" href="${base}/linked.css"><div style="position:fixed;inset:0;background:url(${base}/overlay.png)">hostilecorpus css</div>` },
    { subject: 'Tracking pixel', html: `<p>hostilecorpus pixel — thanks for your order!</p><img src="${base}/pixel.gif?customer=42" width="1" height="1">` },
    { subject: 'Frames and forms', html: `<p>hostilecorpus frames</p><iframe src="${base}/frame"></iframe><form action="${base}/steal"><input name="card"><button>Pay</button></form><meta http-equiv="refresh" content="0;url=${base}/refresh"><object data="${base}/obj"></object>` },
    { subject: 'Broken charset', html: `<meta charset="koi8-r"><p>hostilecorpus charset: Ã©tÃ© â€™ \uFFFD\uFFFD Привет</p>` },
    { subject: 'Five megabytes', html: `<p>hostilecorpus huge</p><p>${'All work and no play makes a very long e-mail. '.repeat(110_000)}</p>` },
  ];
}

test.beforeAll(async () => {
  tracker = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/gif' }).end();
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-hostile-'));
  const bus = createEventBus();
  const workspace = openWorkspace(databasePath(dataDir), bus);
  if (workspace.state !== 'ready') throw new Error(workspace.error.message);
  corpus(base).forEach(({ subject, html }, index) => {
    const item: IngestMessage = {
      channel: 'email',
      customer: { displayName: 'Mallory Hostile', identities: [{ kind: 'email', value: 'mallory@evil.example' }] },
      conversation: { subject: `Hostile: ${subject}`, externalRef: `hostile-${index}` },
      message: {
        author: 'customer',
        body: '',
        bodyHtml: html,
        sentAt: Date.UTC(2026, 10, 20, 9, index),
        meta: { messageId: `<hostile-${index}@evil.example>`, from: 'mallory@evil.example', subject, attachments: [{ name: 'invoice.pdf.exe', size: 120_000, contentType: 'application/octet-stream' }] },
      },
    };
    workspace.ingestion.ingest(item);
  });
  workspace.store.close();
  started = await startWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(started);
  tracker.close();
});

test('every hostile e-mail renders as text and layout, runs nothing and fetches nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(started.host.url);
  const rows = page.getByTestId('conversation-row');
  await expect(rows).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    await rows.nth(i).click();
    const frame = page.frameLocator('iframe[title="E-mail content"]').first();
    await expect(frame.locator('body')).toContainText('hostilecorpus', { timeout: 15_000 });
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(hits).toEqual([]);
  // nothing dangerous survived into the frames
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  for (const frame of frames) {
    expect(await frame.locator('script, iframe, form, object, link, [onerror], [onload], a[href]').count()).toBe(0);
  }
});

test('the tracking pixel loads only once the agent allows remote images for that message', async ({ page }) => {
  await page.goto(started.host.url);
  await page.getByTestId('conversation-row').filter({ hasText: 'Tracking pixel' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'remote image' });
  await expect(notice).toContainText('1 remote image blocked');
  await page.waitForTimeout(300);
  expect(hits).toEqual([]);
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveText('invoice.pdf.exe · 117 KB');
  await notice.getByRole('button', { name: 'Show remote images' }).click();
  await expect.poll(() => hits.filter((hit) => hit.startsWith('/pixel.gif')).length).toBe(1);
});
