import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForBackgroundSettled } from './backgroundSettled';
import { queueShown } from './queueShown';
import { openConsoleWithDemo, startWebHost, stopWebHost } from './webHostFixture';

/** An automated accessibility check (axe) of the main views: no serious or critical violations. */

// one view per test: axe analyses a whole page, which takes minutes on a loaded 2-core machine
test.describe.configure({ timeout: 300_000 });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

test('the welcome page', async ({ page }) => {
  await page.goto(started.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Kinship' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const channel of ['E-mail', 'Chat', 'Call']) {
  test(`the inbox with ${channel === 'E-mail' ? 'an e-mail' : channel === 'Chat' ? 'a chat' : 'a call'} open`, async ({ page }) => {
    await openConsoleWithDemo(page, started.host.url);
    await page.getByRole('radiogroup', { name: 'Channel' }).getByText(channel, { exact: true }).click();
    await page.getByTestId('conversation-row').first().click();
    await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('search results', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refund');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Clear search' }).click();
});

test('the command palette', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.locator('body').press('Control+k');
  await expect(page.getByRole('textbox', { name: 'Command' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});

test('settings', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.locator('body').press('Shift+S');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

async function openUpsetConversation(page: Page) {
  await openConsoleWithDemo(page, started.host.url);
  // open work on every channel, most upset first (the inbox otherwise opens as the last test left it)
  await page.evaluate(() => {
    window.location.hash = '#/inbox?sort=upset';
  });
  await page.getByRole('textbox', { name: 'Sort' }).and(page.locator('[value="Most upset first"]')).waitFor();
  // most upset first is an order readings make: the backlog read, and the view as read, before its first row is taken
  await waitForBackgroundSettled(started.host.url);
  await queueShown(page);
  await page.getByTestId('conversation-row').first().click();
  // the coach is folded to one line until wanted: open it
  await page.getByTestId('coach-fold').click();
  await expect(page.getByTestId('coach-prompt').first()).toBeVisible();
}

test('the coach beside the reply', async ({ page }) => {
  await openUpsetConversation(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the draft check', async ({ page }) => {
  await openUpsetConversation(page);
  await page.getByRole('textbox', { name: /^Reply to / }).fill('Noted.');
  await page.getByRole('button', { name: /^Send( Ctrl\+Enter)?$/ }).click();
  await expect(page.getByRole('alertdialog', { name: /Before this goes/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Customers page', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Customers' }).click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.getByTestId('customer-row').first().click();
  await expect(page.getByRole('complementary', { name: 'Customer connection' }).getByTestId('connection-score')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
