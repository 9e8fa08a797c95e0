import { expect, test, type Page } from '@playwright/test';
import { openConsoleWithDemo, showEverythingNewestFirst, startWebHost, stopWebHost } from './webHostFixture';

/**
 * Search as an agent uses it: it looks where the queue's filters look and says so, finds
 * conversations by subject, customer and word forms, and shows each conversation once with why.
 */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

const searchBox = (page: Page) => page.getByRole('textbox', { name: 'Search all messages' });
const hits = (page: Page) => page.getByTestId('search-hit');
const channelsShown = (page: Page) => hits(page).evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-channel')))].sort());

test('"colour" with the e-mail filter on finds only e-mail conversations, by their subject, and says the filter applies', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  // the demo is made relative to today, so whose work is open varies: every status, e-mail only
  await showEverythingNewestFirst(page);
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('E-mail', { exact: true }).click();
  await searchBox(page).fill('colour');
  await expect(page.getByTestId('search-summary')).toContainText('only e-mail');
  await expect(hits(page).first()).toBeVisible();
  expect(await channelsShown(page)).toEqual(['email']);
  // found by the subject, which is marked, and the row says why
  const bySubject = hits(page).filter({ has: page.locator('mark', { hasText: /^colour$/i }) }).and(page.locator('[data-matched~="subject"]'));
  await expect(bySubject.first()).toBeVisible();
  await expect(bySubject.first().getByTestId('search-why')).toContainText('Subject');

  // the filter is one click from gone, and then every channel is searched
  await page.getByRole('button', { name: 'Search everywhere' }).click();
  await expect(page.getByTestId('search-summary')).toContainText('everywhere');
  // (which rows are drawn depends on the day's demo: at least one is not an e-mail)
  await expect.poll(async () => (await channelsShown(page)).some((channel) => channel !== 'email')).toBe(true);
});

test('word forms, a customer’s name and an emoji each find their conversations', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  // the demo is made relative to today, so whose work is open varies: search all of it
  await showEverythingNewestFirst(page);
  await searchBox(page).fill('refunds');
  await expect(hits(page).first()).toBeVisible();
  await expect(hits(page).locator('mark').filter({ hasText: /^refund(ed|ing)?$/i }).first()).toBeVisible();

  await searchBox(page).fill('Priya Nair');
  await expect(hits(page).first()).toHaveAttribute('data-matched', /customer/);
  await expect(hits(page).first()).toContainText('Priya Nair');

  await searchBox(page).fill('😞');
  await expect(hits(page).first().locator('mark', { hasText: '😞' })).toBeVisible();
});
