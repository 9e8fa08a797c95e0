import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, stopWebHost } from './webHostFixture';

/**
 * A new user's first run: the welcome says what is true (no channel brings customers in yet),
 * offers the demo or an empty start; an empty workspace is usable, and the demo can be loaded later.
 */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  // a new user: an empty workspace, and no models anywhere (the first run of a real install)
  started = await startWebHost(undefined, { KINSHIP_MODELS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-no-models-')) });
});
test.afterAll(async () => stopWebHost(started));

const shot = async (page: Page, name: string) => {
  if (process.env.KINSHIP_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.KINSHIP_SCREENSHOTS, `${name}.png`), fullPage: true });
};

test('the welcome tells the truth about channels and offers the demo or an empty start', async ({ page }) => {
  await page.goto(started.host.url);
  const welcome = page.getByRole('heading', { name: 'Welcome to Kinship' });
  await expect(welcome).toBeVisible();
  await expect(page.getByText(/Connect your channels later/)).toHaveCount(0);
  await expect(page.getByText(/Kinship has no channel connectors yet: it cannot receive your e-mail, chat or\s+phone calls/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load the demo workspace' })).toBeVisible();
  await shot(page, 'welcome');

  await page.getByRole('button', { name: 'Start empty' }).click();
  const empty = page.getByRole('region', { name: 'No conversations yet' });
  await expect(empty).toContainText('Kinship has no channel connectors yet');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  // the header says the analysis runs on the lexicon, and what a download would cost
  await expect(page.getByText('Lexicon analyzer: sentiment only')).toBeVisible();
  await shot(page, 'empty-inbox');

  // the choice is kept: a reload opens the console, not the welcome again
  await page.reload();
  await expect(empty).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test('an empty workspace leads to Settings, which says what the lexicon cannot do and what the models cost', async ({ page }) => {
  await page.goto(started.host.url);
  await page.getByRole('region', { name: 'No conversations yet' }).getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('region', { name: 'Channels' })).toContainText('Kinship cannot connect to your channels yet');
  const analysis = page.getByRole('region', { name: 'Analysis' });
  await expect(analysis).toContainText('cannot tell a frightened customer from a furious one');
  await expect(analysis).toContainText(/Download the recommended models below \(255\.5 MB in all\)/);
  const offers = analysis.getByRole('table', { name: 'Models Kinship can download' });
  await expect(offers.getByRole('row', { name: /Sentiment Xenova\/twitter-roberta-base-sentiment-latest/ })).toContainText('revision f3ec4d0');
  await expect(offers.getByRole('row', { name: /Sentiment/ })).toContainText('128.0 MB');
  // nothing is fetched before the person allows it
  await expect(analysis.getByRole('button', { name: 'Download both models (255.5 MB)' })).toBeDisabled();
  await shot(page, 'settings-empty');
  await offers.scrollIntoViewIfNeeded();
  await shot(page, 'settings-downloads');
});

test('the demo can be loaded later from the empty inbox, after saying what it adds', async ({ page }) => {
  await page.goto(started.host.url);
  await page.getByRole('region', { name: 'No conversations yet' }).getByRole('button', { name: 'Load the demo workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load the demo workspace?' });
  await expect(dialog).toContainText('invented home-goods shop');
  await shot(page, 'load-demo-confirm');
  await dialog.getByRole('button', { name: 'Load the demo' }).click();
  await expect(page.getByTestId('conversation-row').first()).toBeVisible();
  await expect(dialog).toHaveCount(0);
  // with conversations, Settings no longer offers the demo, and says how to start again empty without deleting anything from here
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Load the demo workspace…' })).toHaveCount(0);
  await expect(page.getByText(/To start again with an empty workspace, quit Kinship/)).toBeVisible();
});
