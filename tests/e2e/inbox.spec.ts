import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { viewAs } from './viewAs';
import { queueShown } from './queueShown';
import { expect, showEverythingNewestFirst, startWebHost, stopWebHost, test } from './webHostFixture';

/**
 * A new user's first minutes in the console, in a real browser against the real web host and a
 * real SQLite file: the empty workspace offers the demo; the inbox holds chat, e-mail and calls;
 * each opens to its thread; search finds a phrase; “view as” and navigation work.
 */
test.describe.configure({ mode: 'serial' });

// a host of its own: the first test needs a workspace nobody has loaded the demo into yet
let own: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  own = await startWebHost();
});
test.afterAll(async () => stopWebHost(own));

const conversations = (page: Page) => page.getByTestId('conversation-row');

async function showChannel(page: Page, label: 'All' | 'Chat' | 'E-mail' | 'Call') {
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText(label, { exact: true }).click();
  await queueShown(page);
}

test('an empty workspace offers the demo and then shows every conversation in one inbox', async ({ page }) => {
  const opened = Date.now();
  await page.goto(own.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Kinship' })).toBeVisible();
  test.info().annotations.push({ type: 'cold start to welcome (ms)', description: String(Math.round(own.host.startMs + Date.now() - opened)) });
  // the token leaves the address bar as soon as the page has it
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  await expect(conversations(page).first()).toBeVisible();
  // the inbox opens on open work; every conversation is counted here
  await showEverythingNewestFirst(page);
  const total = Number((await page.getByText(/^[\d,]+ conversations$/).textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(300);

  // one list, all three channels: each filter shows only its own, and they add up
  let sum = 0;
  for (const [label, channel] of [['Chat', 'chat'], ['E-mail', 'email'], ['Call', 'voice']] as const) {
    await showChannel(page, label);
    await expect(conversations(page).first()).toHaveAttribute('data-channel', channel);
    const rows = await conversations(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-channel')));
    expect(new Set(rows)).toEqual(new Set([channel]));
    const count = Number((await page.getByText(/^[\d,]+ conversations?$/).textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(50);
    sum += count;
  }
  expect(sum).toBe(total);
  await showChannel(page, 'All');
  const first = conversations(page).first();
  await expect(first).toContainText(/\S/);
});

test('an e-mail opens to its thread, with quoted history set apart and bodies shown as text', async ({ page }) => {
  await page.goto(own.host.url);
  await showChannel(page, 'E-mail');
  const rows = conversations(page);
  await expect(rows.first()).toBeVisible();
  // find an e-mail thread with a reply, which quotes the message before it (folded until asked)
  const thread = page.getByRole('log', { name: 'Messages' });
  for (let i = 0; i < 10; i++) {
    await rows.nth(i).click();
    await expect(thread.getByTestId('message').first()).toBeVisible();
    if ((await thread.getByRole('button', { name: /^Show quoted history/ }).count()) > 0) break;
  }
  await expect(thread.locator('blockquote')).toHaveCount(0);
  await thread.getByRole('button', { name: /^Show quoted history/ }).first().click();
  await expect(thread.locator('blockquote').first()).toContainText('>');
  await expect(thread.getByText(/^From /).first()).toBeVisible();
  await expect(page.getByRole('article')).toContainText('E-mail');
});

test('a chat opens to its short, bursty lines from both sides', async ({ page }) => {
  await page.goto(own.host.url);
  await showChannel(page, 'Chat');
  await conversations(page).first().click();
  const messages = page.getByRole('log', { name: 'Messages' }).getByTestId('message');
  await expect(messages.first()).toBeVisible();
  const authors = await messages.evaluateAll((els) => els.map((el) => el.getAttribute('data-author')));
  expect(authors).toContain('customer');
  expect(authors).toContain('agent');
  expect(authors.length).toBeGreaterThanOrEqual(4);
});

test('a call opens as timestamped call notes between its start and end', async ({ page }) => {
  await page.goto(own.host.url);
  await showChannel(page, 'Call');
  await conversations(page).first().click();
  const thread = page.getByRole('log', { name: 'Messages' });
  // it opens at the newest line, the call's end; its start is at the top
  await expect(thread.getByText(/^Call ended \(\d+m \d+s\)/)).toBeVisible();
  await thread.evaluate((element) => (element.scrollTop = 0));
  await expect(thread.getByText(/^Call started/)).toBeVisible();
  await expect(thread.getByLabel(/^\d{1,2}:\d{2} into the call$/).first()).toBeVisible();
  await expect(thread.getByText(/^Call note · /).first()).toBeVisible();
});

test('searching for a phrase finds the message and opens its conversation there', async ({ page }) => {
  await page.goto(own.host.url);
  // search looks within the queue's filters: search everything
  await showEverythingNewestFirst(page);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('answered my question within the hour');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Daniel Whitcombe');
  await expect(hit.locator('mark').first()).toHaveText(/answered|question|hour/i);
  await hit.click();
  const focused = page.locator('[data-focused]');
  await expect(focused).toContainText('Oakhaven Interiors, who answered my question within the hour');
  await expect(focused).toBeInViewport();
  await expect(page.getByRole('article')).toContainText('Daniel Whitcombe');

  // a broader search lists many hits, several of them on screen at once
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refund');
  await expect(hit.nth(3)).toBeInViewport();
  await expect(page.getByTestId('search-summary')).toHaveText(/^(\d{2,}|100\+) conversations match/);

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(conversations(page).first()).toBeVisible();
});

test('“view as” is labelled and never changes who is signed in, and every page is reachable and honest', async ({ page }) => {
  await page.goto(own.host.url);
  await expect(page.getByText('Signed in as')).toContainText('Hannah Cole (supervisor)');
  await viewAs(page, 'Robert Ashworth (executive)');
  await expect(page.getByText('Signed in as')).toContainText('Hannah Cole (supervisor)');
  // it is this console's view only: a reload is a new console, the owner's own
  await page.reload();
  await expect(page.getByText('Signed in as')).toContainText('Hannah Cole (supervisor)');
  await expect(page.getByTestId('viewing-as')).toHaveCount(0);

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const [label, says] of [
    ['Customers', /No customers yet|still being worked out|customers?\b/],
    ['Replays', /not built yet/],
    ['Contact-centre day', /not built yet/],
    ['Settings', /kinship\.sqlite/],
  ] as const) {
    await nav.getByRole('button', { name: label }).click();
    await expect(page.getByRole('main')).toContainText(says);
  }
  await nav.getByRole('button', { name: 'Inbox' }).click();
  await expect(conversations(page).first()).toBeVisible();
});

test('the console is served with a strict content security policy, and refuses a page without the token', async ({ page, browser }) => {
  const response = await page.goto(own.host.url);
  const csp = response!.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  const stranger = await browser.newPage();
  await stranger.goto(own.host.origin);
  await expect(stranger.getByRole('alert')).toContainText('#token=');
  await stranger.close();
});

test('a data file Kinship cannot read is explained, and left exactly as it was', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bad-store-'));
  const file = path.join(dataDir, 'kinship.sqlite');
  const content = 'These are my notes, not a database. '.repeat(50);
  fs.writeFileSync(file, content);
  const started = await startWebHost(dataDir);
  try {
    await page.goto(started.host.url);
    await expect(page.getByRole('heading', { name: 'Kinship cannot open its workspace' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(`The file ${file} is not a Kinship data file Kinship can read`);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  } finally {
    await stopWebHost(started);
  }
});
