import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../electron/services/api/workspace';
import { databasePath } from '../../electron/services/dataDir';
import { createEventBus } from '../../electron/services/events/eventBus';
import { startWebHost, stopWebHost } from './webHostFixture';

/**
 * A chat of 450 messages opens at its newest page; the earlier ones are read as the agent
 * scrolls up (or asks for them), and a search hit far back opens the thread there.
 */
test.describe.configure({ mode: 'serial' });

const COUNT = 700;
let started: Awaited<ReturnType<typeof startWebHost>>;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-long-'));
  const workspace = await openWorkspace(databasePath(dataDir), createEventBus());
  if (workspace.state !== 'ready') throw new Error(workspace.error.message);
  for (let index = 0; index < COUNT; index++) {
    const customer = index % 2 === 0;
    await workspace.ingestion.ingest({
      channel: 'chat',
      customer: { displayName: 'Rosa Lind', identities: [{ kind: 'chat', value: 'rosa-lind' }] },
      conversation: { externalRef: 'long-chat', subject: 'The longest chat' },
      message: {
        author: customer ? 'customer' : 'agent',
        ...(customer ? {} : { authorName: 'Priya Shah' }),
        body: index === 200 ? 'line 201: the turquoise teapot is the one I ordered' : `line ${index + 1} of our chat`,
        sentAt: Date.UTC(2026, 10, 20, 9, 0) + index * 30_000,
        externalId: `long-${index}`,
      },
    });
  }
  await workspace.store.close();
  started = await startWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(started);
});

test('a long chat opens at its newest messages and reads earlier ones as the agent scrolls up', async ({ page }) => {
  await page.goto(started.host.url);
  await page.getByTestId('conversation-row').first().click();
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByText(`line ${COUNT} of our chat`)).toBeVisible();
  const earlier = log.getByRole('button', { name: /Show earlier messages/ });
  await expect(earlier).toHaveText('Show earlier messages (600 more)');

  // by keyboard: the button reads the next page
  await earlier.focus();
  await page.keyboard.press('Enter');
  await expect(earlier).toHaveText('Show earlier messages (500 more)');
  // the reader stays where they were (the old first line), not thrown back to the newest
  await expect(log.getByText('line 601 of our chat', { exact: true })).toBeInViewport();
  await expect(log.getByText(`line ${COUNT} of our chat`)).not.toBeInViewport();

  // by scrolling: each time the top comes near, the next page arrives, until the first line.
  // Scroll to the top until there is nothing earlier left, however many pages that takes; the
  // test's own timeout is the only limit (toPass with timeout 0 never gives up by itself).
  await expect(async () => {
    await log.evaluate((element) => (element.scrollTop = 0));
    expect(await earlier.isVisible()).toBe(false);
  }).toPass({ timeout: 0 });
  await expect(earlier).toBeHidden();
  await log.evaluate((element) => (element.scrollTop = 0));
  await expect(log.getByText('line 1 of our chat', { exact: true })).toBeVisible();
});

test('a search hit far back opens the thread at that message, with the lines before it still to read', async ({ page }) => {
  await page.goto(started.host.url);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('turquoise teapot');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await hit.click();
  const focused = page.locator('[data-focused]');
  await expect(focused).toContainText('line 201: the turquoise teapot is the one I ordered');
  await expect(focused).toBeInViewport();
  // twenty lines of context above it are there; the 180 before those load on the way up
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByRole('button', { name: /Show earlier messages/ })).toHaveText('Show earlier messages (180 more)');

  // only a stretch around the hit is read (300 lines from twenty before it); the newest are one click away
  const newer = log.getByRole('button', { name: /newer messages — go to the newest/ });
  await log.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(newer).toHaveText(`${COUNT - 180 - 300} newer messages — go to the newest`);
  await newer.click();
  await expect(log.getByText(`line ${COUNT} of our chat`)).toBeVisible();
  await expect(newer).toHaveCount(0);
});
