/**
 * `npm run screenshots`: the README's pictures, taken from the real console over the demo
 * workspace, into docs/screenshots/. Look at every one of them before committing.
 *
 * Each step waits on what the console shows (a row, a reading, a dialog), not on time; transitions
 * are finished before each picture (Playwright's `animations: 'disabled'`).
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../e2e/webHostFixture.ts';
import config from '../../playwright.config.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** A picture of the window; the pointer is moved out of the way first unless what it hovers is the point. */
async function shoot(page: Page, name: string, { keepPointer = false } = {}) {
  if (!keepPointer) await page.mouse.move(1, page.viewportSize()!.height - 1);
  await page.screenshot({ path: `${OUT}${name}.png`, animations: 'disabled', caret: 'hide' });
}

const reply = (page: Page) => page.getByRole('textbox', { name: /^Reply to / });
const coach = (page: Page) => page.getByRole('region', { name: 'Coach suggestions' });

/**
 * Puts the inbox at `params` through its address (the inbox opens on open work, waiting longest
 * first, and keeps what it was last shown; search looks within the queue's filters).
 */
async function showInbox(page: Page, params: string, sortLabel: string) {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/inbox?${params}`);
  await page.getByRole('textbox', { name: 'Sort' }).and(page.locator(`[value="${sortLabel}"]`)).waitFor();
}

/** Opens the conversation whose message holds `phrase`, found among every conversation, newest first. */
async function openFromSearch(page: Page, phrase: string) {
  await showInbox(page, 'status=all&sort=recent', 'Newest first');
  await page.getByRole('textbox', { name: 'Search all messages' }).fill(phrase);
  await page.getByTestId('search-hit').first().click();
  await page.locator('[data-focused]').first().waitFor();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await page.getByTestId('conversation-row').first().waitFor();
}

/** The id of the open conversation, from the address. */
const openId = (page: Page) => page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('open'));

/** Folds or opens the coach (the choice is remembered across conversations). */
async function setCoach(page: Page, open: boolean) {
  const fold = coach(page).getByTestId('coach-fold');
  await fold.waitFor();
  if ((await fold.getAttribute('aria-expanded')) !== String(open)) await fold.click();
  await coach(page).and(open ? page.locator(':not([data-folded])') : page.locator('[data-folded]')).waitFor();
  if (open) await coach(page).getByTestId('coach-prompt').first().waitFor();
}

async function addTag(page: Page, name: string, colour: string) {
  const article = page.getByRole('article');
  await article.getByRole('button', { name: 'Add a tag' }).click();
  await page.getByRole('textbox', { name: 'Tag name' }).fill(name);
  await page.getByRole('radio', { name: colour }).click();
  await page.getByRole('button', { name: `Make tag “${name}”` }).click();
  await article.getByTestId('tag-chip').filter({ hasText: name }).waitFor();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch(config.use!.launchOptions);
  const { host, process: child } = await startWebHost();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Welcome to Kinship' }).waitFor();
  await shoot(page, 'welcome');
  await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  await page.getByTestId('conversation-row').first().waitFor();
  // moods, tones and the coach come from the readings: let the backlog be read first
  await page.getByRole('status', { name: 'Reading the backlog' }).waitFor({ state: 'hidden', timeout: 120_000 });

  // the queue as it opens: open work, whoever has waited longest on top
  await showInbox(page, '', 'Waiting longest');
  await shoot(page, 'queue');

  // an e-mail and a call (resolved, so beside every conversation, newest first), and a chat beside open chats
  await openFromSearch(page, 'somebody has got hold of my card details');
  await shoot(page, 'inbox-email');
  await openFromSearch(page, 'Nobody came, no text, no call');
  await shoot(page, 'inbox-call');
  await showInbox(page, 'channel=chat', 'Waiting longest');
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('log', { name: 'Messages' }).waitFor();
  await shoot(page, 'inbox-chat');

  // search over everything
  await showInbox(page, 'status=all&sort=recent', 'Newest first');
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refunds');
  await page.getByTestId('search-hit').first().waitFor();
  await shoot(page, 'search');
  await page.getByRole('button', { name: 'Clear search' }).click();

  // the most upset open conversation at 1440×900 and at 1280×720, the coach folded and open;
  // then a reading in the queue explained and a draft's tone
  await showInbox(page, 'sort=upset', 'Most upset first');
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('log', { name: 'Messages' }).waitFor();
  await setCoach(page, false);
  await shoot(page, 'conversation-1440x900');
  await setCoach(page, true);
  await shoot(page, 'coach');
  await page.setViewportSize({ width: 1280, height: 720 });
  await setCoach(page, false);
  await shoot(page, 'conversation-1280x720');
  await setCoach(page, true);
  await shoot(page, 'conversation-1280x720-coach');
  await page.setViewportSize({ width: 1440, height: 900 });
  await setCoach(page, false);
  const name = (await page.getByRole('article').getAttribute('aria-label'))!.replace('Conversation with ', '').split(' ')[0];
  await reply(page).fill(`${name}, I am so sorry — this is our mistake and I will fix it today: I have booked it for tomorrow 8–10am, and I will call you at 7:30 to confirm.`);
  await page.getByTestId('draft-tone').getByTestId('reading').waitFor();
  const reading = page.getByRole('log', { name: 'Messages' }).getByTestId('reading').last();
  await reading.hover();
  await page.getByRole('log', { name: 'Messages' }).locator('[data-testid="reading"][aria-expanded="true"]').waitFor();
  await shoot(page, 'queue-readings', { keepPointer: true });

  // the draft check of a curt reply (the reading's details closed first: they may lie over Send)
  await page.mouse.move(1, page.viewportSize()!.height - 1);
  await page.getByRole('log', { name: 'Messages' }).locator('[data-testid="reading"][aria-expanded="true"]').waitFor({ state: 'detached' });
  await reply(page).fill('Noted. It will be sorted.');
  await page.getByRole('button', { name: /^Send/ }).click();
  await page.getByRole('alertdialog', { name: /Before this goes/ }).getByTestId('draft-finding').first().waitFor();
  await shoot(page, 'draft-check');
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await reply(page).fill('');

  // tags, a snooze and response-time targets in the queue, and the legend of its marks
  await showInbox(page, 'sort=target', 'Time left to target');
  await page.getByTestId('conversation-row').first().click();
  await addTag(page, 'Late delivery', 'red');
  await addTag(page, 'VIP', 'violet');
  await page.getByTestId('conversation-row').nth(1).click();
  await page.getByRole('article').getByRole('button', { name: 'Add a tag' }).click();
  await page.getByRole('textbox', { name: 'Tag name' }).fill('Refund');
  await page.screenshot({ path: '/tmp/shots-tag-popover.png', animations: 'disabled' });
  await page.getByRole('radio', { name: 'teal' }).click();
  await page.getByRole('button', { name: 'Make tag “Refund”' }).click();
  await page.getByRole('article').getByTestId('tag-chip').filter({ hasText: 'Refund' }).waitFor();
  await shoot(page, 'queue-tags-targets');
  await page.getByRole('button', { name: 'What the marks mean' }).click();
  await page.getByRole('list', { name: 'Marks on a conversation' }).waitFor();
  await shoot(page, 'queue-legend');
  await page.getByRole('button', { name: 'What the marks mean' }).click();
  await page.getByRole('list', { name: 'Marks on a conversation' }).waitFor({ state: 'hidden' });
  await page.getByTestId('conversation-row').nth(2).click();
  await page.getByRole('article').getByRole('button', { name: /^Status: / }).click();
  await page.getByRole('menuitem', { name: 'Snooze' }).hover();
  await page.getByRole('menuitem', { name: /Tomorrow morning/ }).click();
  await page.getByRole('article').getByRole('button', { name: /^Status: Snoozed/ }).waitFor();
  await showInbox(page, `status=snoozed&sort=target&open=${await openId(page)}`, 'Time left to target');
  await page.getByTestId('snoozed-until').first().waitFor();
  await shoot(page, 'queue-snoozed');

  // two conversations side by side
  await showInbox(page, '', 'Waiting longest');
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('article').waitFor();
  await page.locator('body').press('b');
  await page.getByTestId('conversation-row').nth(1).click();
  await page.getByRole('article').nth(1).waitFor();
  await shoot(page, 'side-by-side');
  await page.locator('body').press('Shift+B');
  await page.getByRole('article').nth(1).waitFor({ state: 'detached' });

  // right-to-left text, written through the product: a reply sent in Arabic, another being typed
  await showInbox(page, 'channel=chat', 'Waiting longest');
  await page.getByTestId('conversation-row').first().click();
  await reply(page).fill('مرحبا، أنا آسفة جدا على التأخير. سأتحقق من طلبك الآن وأعود إليك خلال ساعة.');
  await page.getByRole('button', { name: /^Send/ }).click();
  const check = page.getByRole('alertdialog', { name: /Before this goes/ });
  const sent = page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: 'أنا آسفة جدا' });
  await check.or(sent).first().waitFor();
  if (await check.isVisible()) await check.getByRole('button', { name: 'Send anyway' }).click();
  await sent.waitFor();
  await reply(page).fill('شكرا لصبرك، وصل طلبك إلى مركز التوزيع.');
  await shoot(page, 'rtl');
  await reply(page).fill('');

  // the command palette
  await page.locator('body').press('Control+k');
  await page.getByRole('textbox', { name: 'Command' }).waitFor();
  await shoot(page, 'command-palette');
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Command' }).waitFor({ state: 'hidden' });

  // Settings → Analysis
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Analysis' }).scrollIntoViewIfNeeded();
  await shoot(page, 'settings-analysis');

  // the Customers page: by stage, those at risk first, one customer's index explained
  await page.getByRole('navigation').getByRole('button', { name: 'Customers' }).click();
  await page.getByTestId('customer-row').first().waitFor({ timeout: 60_000 });
  const atRisk = page.getByTestId('at-risk-customer');
  if (await atRisk.count()) await atRisk.first().click();
  else await page.getByTestId('customer-row').first().click();
  await page.getByRole('complementary', { name: 'Customer connection' }).getByTestId('connection-score').waitFor();
  await shoot(page, 'customers');

  // Settings → Coach playbook, as a supervisor (the desk's owner is one), with the preview against a real conversation
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const playbook = page.getByTestId('coach-settings');
  await playbook.getByTestId('playbook-rule').first().getByRole('button').last().click();
  const preview = page.locator('#playbook-preview-title');
  await preview.scrollIntoViewIfNeeded();
  await page.getByRole('list', { name: 'How each rule fared' }).waitFor();
  await page.getByRole('region', { name: 'Coach playbook' }).getByText('Updating…').waitFor({ state: 'hidden' });
  await shoot(page, 'settings-coach-preview');
  await playbook.getByTestId('playbook-rule').first().scrollIntoViewIfNeeded();
  await shoot(page, 'settings-coach');

  await browser.close();
  child.kill();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
  console.log(`Screenshots written to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
