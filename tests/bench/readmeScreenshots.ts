/**
 * `npm run screenshots`: the README's pictures, taken from the real console over the demo
 * workspace, into docs/screenshots/. Look at them before committing.
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../e2e/webHostFixture.ts';
import config from '../../playwright.config.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

async function openFromSearch(page: Page, phrase: string) {
  await page.getByRole('textbox', { name: 'Search all messages' }).fill(phrase);
  await page.getByTestId('search-hit').first().click();
  await page.locator('[data-focused]').waitFor();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await page.getByTestId('conversation-row').first().waitFor();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch(config.use!.launchOptions);
  const { host, process: child } = await startWebHost();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Welcome to Kinship' }).waitFor();
  await page.screenshot({ path: `${OUT}welcome.png` });
  await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  await page.getByTestId('conversation-row').first().waitFor();

  await openFromSearch(page, 'somebody has got hold of my card details');
  await page.screenshot({ path: `${OUT}inbox-email.png` });
  await openFromSearch(page, 'Nobody came, no text, no call');
  await page.screenshot({ path: `${OUT}inbox-call.png` });
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('log', { name: 'Messages' }).waitFor();
  await page.screenshot({ path: `${OUT}inbox-chat.png` });
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('All', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refund');
  await page.getByTestId('search-hit').first().waitFor();
  await page.screenshot({ path: `${OUT}search.png` });
  await page.getByRole('button', { name: 'Clear search' }).click();

  // the backlog read, the queue sorted by who is most upset, a draft's tone
  await page.getByRole('status', { name: 'Reading the backlog' }).waitFor({ state: 'hidden', timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Open work' }).click();
  await page.getByRole('textbox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Most upset first' }).click();
  await openFromSearch(page, 'if nobody calls me by 10');
  await page.getByRole('textbox', { name: /^Reply to / }).fill('Marcus, I am so sorry — this is our mistake and I will fix it: a new delivery is booked for tomorrow 8–10am, and I will call you at 7:30 to confirm.');
  await page.getByTestId('draft-tone').getByTestId('reading').waitFor();
  await page.getByTestId('reading').first().hover();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}queue-readings.png` });

  // two conversations side by side
  await page.getByRole('textbox', { name: /^Reply to / }).press('Escape');
  await page.locator('body').press('b');
  await openFromSearch(page, 'somebody has got hold of my card details');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}side-by-side.png` });
  await page.locator('body').press('Shift+B');

  // the command palette
  await page.locator('body').press('Control+k');
  await page.getByRole('textbox', { name: 'Command' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}command-palette.png` });
  await page.keyboard.press('Escape');

  // Settings → Analysis
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Analysis' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}settings-analysis.png` });

  // the coach beside the reply to the most upset open conversation, and its check of a curt draft
  await page.getByRole('navigation').getByRole('button', { name: 'Inbox' }).click();
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Open work' }).click();
  await page.getByRole('textbox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Most upset first' }).click();
  await page.getByTestId('conversation-row').first().click();
  await page.getByTestId('coach-prompt').first().waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: '/tmp/coach-missing.png' });
    throw error;
  });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}coach.png` });
  await page.getByRole('textbox', { name: /^Reply to / }).fill('Noted. It will be sorted.');
  await page.getByRole('button', { name: /^Send/ }).click();
  await page.getByRole('alertdialog', { name: /Before this goes/ }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}draft-check.png` });
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await page.getByRole('textbox', { name: /^Reply to / }).fill('');

  // the Customers page: by stage, those at risk first, one customer's index explained
  await page.getByRole('navigation').getByRole('button', { name: 'Customers' }).click();
  await page.getByTestId('customer-row').first().waitFor({ timeout: 60_000 });
  const atRisk = page.getByTestId('at-risk-customer');
  if (await atRisk.count()) await atRisk.first().click();
  else await page.getByTestId('customer-row').first().click();
  await page.getByRole('complementary', { name: 'Customer connection' }).getByTestId('connection-score').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}customers.png` });

  // Settings → Coach playbook, as a supervisor, with the preview against a real conversation
  await page.getByRole('radiogroup', { name: /role/i }).getByText('Supervisor', { exact: true }).click().catch(() => undefined);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const playbook = page.getByTestId('coach-settings');
  await playbook.getByTestId('playbook-rule').first().getByRole('button').last().click();
  await page.locator('#playbook-preview-title').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1_200);
  await page.screenshot({ path: `${OUT}settings-coach-preview.png` });
  await playbook.getByTestId('playbook-rule').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}settings-coach.png` });

  await browser.close();
  child.kill();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
  console.log(`Screenshots written to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
