import { expect, test, type Page } from '@playwright/test';
import { openConsoleWithDemo, showEverythingNewestFirst, startWebHost, stopWebHost } from './webHostFixture';

/**
 * What opening a conversation and searching set going, in order: the read leaves on the click (or
 * as typing pauses) before the address changes and the screen is drawn, and nothing more has to be
 * downloaded to show a conversation, its emotion track or its customer's connection trend.
 * (How long it takes is `npm run bench:ui`'s business; this is the order of the work.)
 */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

/** Records, in order, each call the console sends and each change it makes to the address. */
const RECORDER = `(() => {
  const steps = [];
  window.__steps = steps;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      const frame = JSON.parse(data);
      if (frame && frame.type === 'call') steps.push({ kind: 'call', method: frame.method, input: frame.input });
    } catch (error) {}
    return send.call(this, data);
  };
  for (const name of ['pushState', 'replaceState']) {
    const original = History.prototype[name];
    History.prototype[name] = function (state, title, url) {
      steps.push({ kind: 'address', url: String(url) });
      return original.call(this, state, title, url);
    };
  }
})();`;

interface Step {
  kind: 'call' | 'address';
  method?: string;
  input?: { id?: number; query?: string };
  url?: string;
}

const steps = (page: Page) => page.evaluate(() => (window as unknown as { __steps: Step[] }).__steps.slice()) as Promise<Step[]>;
const scripts = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /\.m?js(\?|$)/.test(entry.name)).map((entry) => entry.name));

test('opening a conversation asks for it on the click, before the address changes, and downloads nothing more to show it', async ({ page }) => {
  await page.addInitScript({ content: RECORDER });
  await openConsoleWithDemo(page, started.host.url);
  await showEverythingNewestFirst(page);
  // a customer with a history, so the panel draws the connection index's trend
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('Leah Williams');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Leah Williams' }).first();
  await expect(hit).toBeVisible();
  const loaded = await scripts(page);
  const before = (await steps(page)).length;
  await hit.click();
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').first()).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Customer' }).getByRole('figure', { name: /^Connection index over time/ })).toBeVisible();

  const after = (await steps(page)).slice(before);
  const moved = after.findIndex((step) => step.kind === 'address' && new URLSearchParams(step.url!.split('?')[1] ?? '').has('open'));
  expect(moved, 'the address took the conversation').toBeGreaterThanOrEqual(0);
  const id = Number(new URLSearchParams(after[moved]!.url!.split('?')[1]).get('open'));
  const read = after.findIndex((step) => step.kind === 'call' && step.method === 'conversations.get' && step.input?.id === id);
  expect(read, 'the read left before the address changed').toBeGreaterThanOrEqual(0);
  expect(read, 'the read left before the address changed').toBeLessThan(moved);
  // the charts are part of the console: nothing more is fetched to draw them
  expect(await scripts(page)).toEqual(loaded);
});

test('a search leaves as typing pauses, before the address takes it', async ({ page }) => {
  await page.addInitScript({ content: RECORDER });
  await openConsoleWithDemo(page, started.host.url);
  await showEverythingNewestFirst(page);
  const before = (await steps(page)).length;
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refund');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  const after = (await steps(page)).slice(before);
  const searched = after.findIndex((step) => step.kind === 'call' && step.method === 'messages.search' && step.input?.query === 'refund');
  const moved = after.findIndex((step) => step.kind === 'address' && new URLSearchParams(step.url!.split('?')[1] ?? '').get('q') === 'refund');
  expect(searched, 'the search was sent').toBeGreaterThanOrEqual(0);
  expect(moved, 'the address took the search').toBeGreaterThanOrEqual(0);
  expect(searched, 'the search left before the address changed').toBeLessThan(moved);
  expect(after.filter((step) => step.kind === 'call' && step.method === 'messages.search')).toHaveLength(1);
  // each hit is drawn in a slot of known height, with its snippet
  await expect(page.getByTestId('search-hit').first()).toContainText('Matched:');
});
