import { expect, test, type Page } from '@playwright/test';
import { waitForBackgroundSettled } from './backgroundSettled';
import { chooseInQueue, queueShown } from './queueShown';
import { openConsoleWithDemo, showEverythingNewestFirst, startWebHost, stopWebHost } from './webHostFixture';

/**
 * The agent at work: replies, notes and status changes are saved as they happen, a reply is read
 * live like any message, and a draft survives a closed window.
 */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

/** The console showing every conversation, newest first: these tests follow conversations as they are answered. */
const openConsole = async (page: Page) => {
  await openConsoleWithDemo(page, started.host.url);
  await showEverythingNewestFirst(page);
};

async function openFirst(page: Page, channel: 'Chat' | 'E-mail' | 'Call') {
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText(channel, { exact: true }).click();
  await queueShown(page);
  await page.getByTestId('conversation-row').first().click();
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').first()).toBeVisible();
}

test('a reply is sent, shown in the thread and in the inbox, and read like any message', async ({ page }) => {
  await openConsole(page);
  await openFirst(page, 'Chat');
  const reply = 'Thank you so much for your patience, I have sorted this out for you today.';
  await page.getByRole('textbox', { name: /^Reply to / }).fill(reply);
  await page.getByRole('textbox', { name: /^Reply to / }).press('Control+Enter');
  const thread = page.getByRole('log', { name: 'Messages' });
  const sent = thread.getByTestId('message').filter({ hasText: reply });
  await expect(sent).toHaveAttribute('data-author', 'agent');
  await expect(sent.getByTestId('reading')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Reply to / })).toHaveValue('');
  await expect(page.getByTestId('conversation-row').first()).toContainText(`You: ${reply.slice(0, 30)}`);
});

test('an internal note is kept apart from what the customer sees', async ({ page }) => {
  await openConsole(page);
  await openFirst(page, 'E-mail');
  await page.getByRole('radiogroup', { name: 'Write a' }).getByText('Internal note').click();
  await page.getByRole('textbox', { name: 'Internal note (only your team sees it)' }).fill('Checked with the warehouse: the parcel left on Monday.');
  await page.getByRole('button', { name: /^Add note/ }).click();
  const note = page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: 'Checked with the warehouse' });
  await expect(note).toHaveAttribute('data-author', 'note');
  await expect(note).toContainText('Internal note · ');
});

test('a status change is saved at once and shown everywhere', async ({ page }) => {
  await openConsole(page);
  await openFirst(page, 'Call');
  const article = page.getByRole('article');
  const statusButton = article.getByRole('button', { name: /^Status: / });
  const before = (await statusButton.textContent())!.trim();
  const next = before === 'Pending' ? 'Snoozed' : 'Pending';
  await statusButton.click();
  await page.getByRole('menuitem', { name: next }).click();
  await expect(statusButton).toHaveText(next);
  await page.reload();
  await openFirst(page, 'Call');
  await expect(page.getByRole('article').getByRole('button', { name: /^Status: / })).toHaveText(next);
});

test('a draft is saved as it is typed and is there again after the window was closed', async ({ page, context }) => {
  await openConsole(page);
  await openFirst(page, 'E-mail');
  const draft = 'Dear customer, I am looking into your order right now and will write again within the hour';
  await page.getByRole('textbox', { name: /^Reply to / }).fill(draft);
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.close();
  const again = await context.newPage();
  await again.goto(started.host.url);
  await openFirst(again, 'E-mail');
  await expect(again.getByRole('textbox', { name: /^Reply to / })).toHaveValue(draft);
});

test('the queue shows open work, most upset first or longest waiting first, with mood and waiting time', async ({ page }) => {
  await openConsole(page);
  // moods come from readings: the host must have read the backlog first (the indicator may not have appeared yet)
  await waitForBackgroundSettled(started.host.url);
  await chooseInQueue(page, 'Status', 'Open work');
  await chooseInQueue(page, 'Sort', 'Most upset first');
  const rows = page.getByTestId('conversation-row');
  await expect(rows.first().getByRole('img', { name: /^Mood: / })).toBeVisible();
  const moods = await rows.getByRole('img', { name: /^Mood: / }).evaluateAll((els) =>
    els.map((el) => Number(el.getAttribute('aria-label')!.split(' ').at(-1)!.replace('−', '-'))),
  );
  expect(moods.length).toBeGreaterThan(3);
  expect(moods).toEqual([...moods].sort((a, b) => a - b));
  const statuses = await rows.getByTestId('status').allTextContents();
  expect(statuses.every((s) => /open|pending/i.test(s))).toBe(true);

  // the upset ones are read anew: rows read at once would be none, or every mood
  await chooseInQueue(page, 'Mood', 'Upset');
  const upset = await rows.getByRole('img', { name: /^Mood: / }).evaluateAll((els) =>
    els.map((el) => Number(el.getAttribute('aria-label')!.split(' ').at(-1)!.replace('−', '-'))),
  );
  expect(upset.length).toBeGreaterThan(0);
  expect(upset.every((value) => value <= -0.25)).toBe(true);

  await chooseInQueue(page, 'Mood', 'Any mood');
  await chooseInQueue(page, 'Sort', 'Waiting longest');
  await expect(rows.first().getByTestId('waiting')).toContainText(/^waiting \d+ (min|h|d)$/);
});

test('the customer panel shows who they are across channels and their whole history, one click from each conversation', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('if nobody calls me by 10');
  await page.getByTestId('search-hit').first().click();
  const panel = page.getByRole('complementary', { name: 'Customer' });
  await expect(panel.getByRole('heading', { name: 'Marcus Reed' })).toBeVisible();
  const identities = panel.getByRole('list', { name: 'Identities' });
  await expect(identities.getByRole('img', { name: 'email' })).toBeVisible();
  await expect(identities.getByRole('img', { name: 'phone' })).toBeVisible();
  await expect(identities.getByRole('img', { name: 'chat' })).toBeVisible();
  const history = panel.getByTestId('history-item');
  expect(await history.count()).toBeGreaterThanOrEqual(3);
  const channels = await history.locator('svg[aria-label]').evaluateAll((els) => new Set(els.map((el) => el.getAttribute('aria-label'))).size);
  expect(channels).toBeGreaterThanOrEqual(2);
  await expect(panel).toContainText('No open follow-ups');
  const before = await page.getByRole('article').getByRole('heading', { level: 2 }).textContent();
  const other = panel.locator('[data-testid="history-item"]:not([aria-current="true"])').first();
  const subject = (await other.locator('p').first().textContent())!;
  await other.click();
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(subject);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).not.toHaveText(before!);
});

test('a call: started with a running timer, notes stamped with the time into it, ended with a disposition and wrap-up', async ({ page }) => {
  await openConsole(page);
  await openFirst(page, 'Call');
  await page.getByRole('button', { name: 'Start a call' }).click();
  const call = page.getByRole('region', { name: 'Call in progress' });
  // the timer runs (what it reads depends on how busy the machine is, not on the product)
  const timer = call.getByTestId('call-timer');
  await expect(timer).toHaveText(/^\d\d:\d\d$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!);
  await call.getByRole('textbox', { name: 'Call note' }).fill('Customer confirms the new address');
  await call.getByRole('textbox', { name: 'Call note' }).press('Enter');
  const thread = page.getByRole('log', { name: 'Messages' });
  await expect(thread.getByText(/^Customer confirms the new address$/)).toBeVisible();
  await expect(thread.getByLabel(/^\d\d:\d\d into the call$/).last()).toBeVisible();
  await call.getByRole('button', { name: 'End the call' }).click();
  await call.getByRole('textbox', { name: 'How did the call end?' }).click();
  await page.getByRole('option', { name: 'Follow-up needed' }).click();
  await call.getByRole('textbox', { name: 'Wrap-up' }).fill('Address changed; courier to confirm slot tomorrow.');
  await call.getByRole('button', { name: 'End the call and save' }).click();
  await expect(page.getByRole('button', { name: 'Start a call' })).toBeVisible();
  await expect(thread.getByText(/^Call ended \(0m \d+s\) · follow-up needed/)).toBeVisible();
  await expect(thread.getByText('Wrap-up: Address changed; courier to confirm slot tomorrow.')).toBeVisible();
});

test('a call ended as "to be called back" offers the follow-up its wrap-up names, to confirm and add', async ({ page }) => {
  await openConsole(page);
  await openFirst(page, 'Call');
  await page.getByRole('button', { name: 'Start a call' }).click();
  const call = page.getByRole('region', { name: 'Call in progress' });
  await call.getByRole('button', { name: 'End the call' }).click();
  await call.getByRole('textbox', { name: 'How did the call end?' }).click();
  await page.getByRole('option', { name: 'Customer to be called back' }).click();
  await expect(call.getByText('The conversation stays open and you are offered a follow-up to call back')).toBeVisible();
  await call.getByRole('textbox', { name: 'Wrap-up' }).fill('Courier lost the parcel. Call the customer back on Tuesday at 2pm with the new tracking.');
  await call.getByRole('button', { name: 'End the call and save' }).click();

  const offer = page.getByRole('region', { name: 'Follow-up offer' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('textbox', { name: 'What to do' })).toHaveValue('Call the customer back');
  // due on Tuesday at 14:00 on the agent's clock
  const due = offer.getByLabel('Due');
  await expect(due).toHaveValue(/T14:00$/);
  expect(await due.evaluate((input) => new Date((input as HTMLInputElement).value).getDay())).toBe(2);
  await offer.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(offer).toHaveCount(0);
  const panel = page.getByRole('complementary', { name: 'Customer' });
  await expect(panel.getByTestId('follow-up').filter({ hasText: 'Call the customer back' })).toBeVisible();
});

test('open work the agent has not read is marked unread until opened', async ({ page }) => {
  await openConsole(page);
  // the marks are counted on open work as read: counted at once, they would be the previous view's (or none)
  await chooseInQueue(page, 'Status', 'Open work');
  const unreadRow = page.getByTestId('conversation-row').filter({ has: page.getByTestId('unread') }).first();
  const name = (await unreadRow.locator('p').first().textContent())!;
  const before = await page.getByTestId('unread').count();
  await unreadRow.click();
  await expect(page.getByTestId('conversation-row').filter({ hasText: name }).first().getByTestId('unread')).toHaveCount(0);
  await expect(page.getByTestId('unread')).toHaveCount(before - 1);
});

test('a conversation set to urgent from the palette leads the queue sorted by priority', async ({ page }) => {
  await openConsole(page);
  await chooseInQueue(page, 'Status', 'Open work');
  const rows = page.getByTestId('conversation-row');
  // the fourth row as read, held by its id: the queue may be read again before the click
  const id = (await rows.nth(3).getAttribute('data-conversation-id'))!;
  const last = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);
  const name = (await last.locator('p').first().textContent())!;
  const subject = (await last.locator('p').nth(2).textContent())!;
  await last.click();
  await page.locator('body').press('Control+k');
  await page.getByRole('textbox', { name: 'Command' }).fill('priority: urgent');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article')).toContainText('urgent priority');
  await page.getByRole('textbox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Priority, then waiting' }).click();
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText(subject);
  await expect(rows.first().getByTestId('priority')).toHaveText('urgent');
});
