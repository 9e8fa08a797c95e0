import { expect as baseExpect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../electron/services/api/workspace';
import { databasePath } from '../../electron/services/dataDir';
import { createEventBus } from '../../electron/services/events/eventBus';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { hostileCorpus, type HostileEmail } from '../helpers/hostileCorpus';
import { EMAIL_CLIP_CHARS } from '../../renderer/src/features/conversation/emailClip';
import { startWebHost, stopWebHost } from './webHostFixture';

/**
 * Hostile e-mail: a corpus of nasty messages arrives through the ingestion service; the console
 * shows them without running anything and without fetching anything — until the agent allows
 * remote images for one message, when exactly the images it counted load, and nothing else.
 * Every check waits on what the console says it has done (the frame has loaded), never on time.
 */
test.describe.configure({ mode: 'serial' });
// tall enough for the queue (a virtual list) to hold every row of the corpus
test.use({ viewport: { width: 1440, height: 1800 } });
// a dozen e-mails (one of 5 MB) opened one by one: generous on a loaded machine; each step waits on a condition, never on time
test.describe.configure({ timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

let tracker: http.Server;
/** What reached the tracker. */
const hits: string[] = [];
let corpus: HostileEmail[];
let started: Awaited<ReturnType<typeof startWebHost>>;
const BAD_META_SUBJECT = 'Hostile: Bad details';

test.beforeAll(async () => {
  tracker = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' }).end();
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
  corpus = hostileCorpus(base);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-hostile-'));
  const bus = createEventBus();
  const workspace = await openWorkspace(databasePath(dataDir), bus);
  if (workspace.state !== 'ready') throw new Error(workspace.error.message);
  const mallory = { displayName: 'Mallory Hostile', identities: [{ kind: 'email' as const, value: 'mallory@evil.example' }] };
  // one after another, each stored before the workspace is closed below
  for (const [index, { subject, html }] of corpus.entries()) {
    const item: IngestMessage = {
      channel: 'email',
      customer: mallory,
      conversation: { subject: `Hostile: ${subject}`, externalRef: `hostile-${index}` },
      message: {
        author: 'customer',
        body: '',
        bodyHtml: html,
        sentAt: Date.UTC(2026, 10, 20, 9, index),
        meta: { messageId: `<hostile-${index}@evil.example>`, from: 'mallory@evil.example', subject, attachments: [{ name: 'invoice.pdf.exe', size: 120_000, contentType: 'application/octet-stream' }] },
      },
    };
    await workspace.ingestion.ingest(item);
  }
  // a thread from an older workspace: one message was stored before its details were checked
  const thread = (body: string, minute: number, meta: Record<string, unknown>): IngestMessage => ({
    channel: 'email',
    customer: mallory,
    conversation: { subject: BAD_META_SUBJECT, externalRef: 'hostile-bad-meta' },
    message: { author: 'customer', body, sentAt: Date.UTC(2026, 10, 21, 9, minute), meta: { messageId: `<bad-${minute}@evil.example>`, from: 'mallory@evil.example', ...meta } },
  });
  await workspace.ingestion.ingest(thread('First message: my order has not arrived.', 0, { to: ['support@larkspur.example'] }));
  const bad = await workspace.ingestion.ingest(thread('Second message: it is now two weeks late.', 1, {}));
  await workspace.ingestion.ingest(thread('Third message: please answer me.', 2, { to: ['support@larkspur.example'] }));
  await workspace.store.close();
  const db = new Database(databasePath(dataDir));
  db.prepare('UPDATE messages SET meta = ? WHERE id = ?').run(JSON.stringify({ messageId: '<bad-1@evil.example>', from: 'mallory@evil.example', to: 'support@larkspur.example', attachments: 'lots' }), bad.messageId);
  db.close();
  started = await startWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(started);
  tracker.close();
});

/** Every request the page makes to anywhere but the console's own host, seen by Chromium's routing. */
async function watchRequestsLeaving(page: Page): Promise<string[]> {
  const leaving: string[] = [];
  await page.route(
    (url) => url.origin !== started.host.origin && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => {
      leaving.push(new URL(route.request().url()).pathname + new URL(route.request().url()).search);
      void route.continue();
    },
  );
  return leaving;
}

/** Opens one hostile e-mail and waits until its frame has loaded (with whatever it was allowed to fetch). */
async function openEmail(page: Page, subject: string) {
  await page.getByTestId('conversation-row').filter({ hasText: `Hostile: ${subject}` }).click();
  const view = page.locator('article', { has: page.getByRole('heading', { name: `Hostile: ${subject}`, exact: true }) });
  // fetching, sanitising and laying out five megabytes takes a while on a loaded machine
  await expect(view.locator('[data-email-frame]')).toHaveCount(1, { timeout: 120_000 });
  await expect(view.locator('[data-email-frame]')).toHaveAttribute('data-email-frame', 'loaded', { timeout: 120_000 });
  return view;
}

test('every hostile e-mail renders as text and layout, runs nothing, follows nothing and fetches nothing', async ({ page }) => {
  // a corpus of hostile e-mails, one of five megabytes opened twice: at load 20 it outlasts the suite's three minutes
  test.slow();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const leaving = await watchRequestsLeaving(page);
  await page.goto(started.host.url);
  await expect(page.getByTestId('conversation-row')).toHaveCount(corpus.length + 1);
  for (const email of corpus) {
    const view = await openEmail(page, email.subject);
    const frame = view.frameLocator('iframe[title="E-mail content"]');
    await expect(frame.locator('body')).toContainText('hostilecorpus');
    // nothing dangerous survived into the frame: no script, frame, form or embedded object, no handler, no address of any kind
    // (the frame's own head holds its policy; the e-mail is the body)
    expect(await frame.locator('script').count()).toBe(0);
    expect(await frame.locator('body').locator('iframe, form, object, embed, link, meta, [onerror], [onload], image, feImage, use').count()).toBe(0);
    expect(await frame.locator('body').locator('[href], [*|href], [src^="http"], [srcset], [background], [poster], [ping], [action]').count()).toBe(0);
    // the frame has loaded, so everything it would ever fetch on its own has been asked for
    expect(leaving).toEqual([]);
    expect(hits).toEqual([]);
    const notice = view.getByRole('status').filter({ hasText: 'remote image' });
    if (email.remote.length) await expect(notice).toContainText(`${email.remote.length} remote image${email.remote.length === 1 ? '' : 's'} blocked`);
    else await expect(notice).toHaveCount(0);
    // a very long e-mail shows its start, says so, and shows the rest when asked
    const clipped = view.getByTestId('email-clipped');
    if (email.html.length <= EMAIL_CLIP_CHARS) {
      await expect(clipped).toHaveCount(0);
      continue;
    }
    await expect(clipped).toContainText('This e-mail is long');
    const shownChars = await frame.locator('body').evaluate((body) => body.textContent!.length);
    expect(shownChars).toBeLessThanOrEqual(EMAIL_CLIP_CHARS);
    await clipped.getByRole('button', { name: 'Show the whole e-mail' }).click();
    await expect(view.locator('[data-email-frame]')).toHaveAttribute('data-email-frame', 'loaded', { timeout: 120_000 });
    await expect(clipped).toHaveCount(0);
    expect(await frame.locator('body').evaluate((body) => body.textContent!.length)).toBeGreaterThan(EMAIL_CLIP_CHARS * 10);
    expect(leaving).toEqual([]);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('once the agent allows remote images, exactly the images counted load, and nothing else', async ({ page }) => {
  const leaving = await watchRequestsLeaving(page);
  await page.goto(started.host.url);
  for (const email of corpus.filter(({ remote }) => remote.length > 0)) {
    const view = await openEmail(page, email.subject);
    const notice = view.getByRole('status').filter({ hasText: 'remote image' });
    const shown = Number((await notice.textContent())!.match(/(\d+) remote image/)![1]);
    expect(shown).toBe(email.remote.length);
    expect(leaving).toEqual([]);
    if (email.subject === 'Tracking pixel') await expect(view.getByRole('list', { name: 'Attachments' })).toHaveText('invoice.pdf.exeOCTET-STREAM · 120 kB');
    await notice.getByRole('button', { name: 'Show remote images' }).click();
    await expect(view.locator('[data-email-frame="loaded-with-remote"]')).toHaveCount(1);
    // the frame's load event waits for its images: every request they make has been made
    expect(leaving.length).toBe(shown);
    expect([...leaving].sort()).toEqual([...email.remote].sort());
    expect([...hits].sort()).toEqual([...email.remote].sort());
    leaving.length = 0;
    hits.length = 0;
  }
});

test('a message stored with malformed details is shown without them, and a fault in one message leaves the rest working', async ({ page }) => {
  // a reading from some other version arrives malformed for the third message: only that message fails
  await page.routeWebSocket(/\/api/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (typeof message !== 'string' || !message.includes('Third message: please answer me.')) return socket.send(message);
      const frame = JSON.parse(message) as { result?: { ok: boolean; value?: { messages?: { body: string; reading: unknown }[] } } };
      for (const item of frame.result?.value?.messages ?? []) {
        if (item.body === 'Third message: please answer me.') item.reading = { words: 4, sentiment: 0.1, sentimentClass: 'unheard-of', dominant: null, emotions: [] };
      }
      socket.send(JSON.stringify(frame));
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 1300 });
  await page.goto(started.host.url);
  await page.getByTestId('conversation-row').filter({ hasText: BAD_META_SUBJECT }).click();
  const view = page.locator('article', { has: page.getByRole('heading', { name: BAD_META_SUBJECT, exact: true }) });
  await expect(view.getByText('Second message: it is now two weeks late.')).toBeVisible();
  await expect(view.getByText('First message: my order has not arrived.')).toBeVisible();
  // the bad details are left out and named; the good ones are shown
  const second = view.getByTestId('message').filter({ hasText: 'Second message' });
  await expect(second.getByTestId('dropped-meta')).toContainText('could not be read');
  await expect(second.getByTestId('dropped-meta')).toContainText('to (');
  await expect(second).toContainText('From mallory@evil.example');
  // the malformed reading stops only its own message, which says so
  const fault = view.getByRole('alert').filter({ hasText: 'This message could not be shown' });
  await expect(fault).toBeVisible();
  await expect(fault.getByRole('button', { name: 'Try again' })).toBeVisible();
  // the rest of the console works: the queue, the customer panel, the composer
  await expect(page.getByRole('complementary', { name: 'Customer' })).toContainText('Mallory Hostile');
  await page.getByRole('textbox', { name: /Reply to Mallory Hostile/ }).fill('We are on it.');
  await second.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('bad-meta-conversation.png'), fullPage: false });
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  fs.copyFileSync(test.info().outputPath('bad-meta-conversation.png'), 'test-results/screenshots/bad-meta-conversation.png');
  await page.getByTestId('conversation-row').filter({ hasText: 'Hostile: Many remote images' }).click();
  await expect(page.getByRole('heading', { name: 'Hostile: Many remote images', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
