import type { Page } from '@playwright/test';
import { chooseInQueue } from './queueShown';
import { viewAs } from './viewAs';
import { expect, openConsoleWithDemo, startWebHost, stopWebHost, test } from './webHostFixture';

/**
 * The queue as an agent keeps it: it opens on open work with whoever has waited longest on top; its
 * view (filters, sort, search, the open conversation) lives in the address, so it survives other
 * pages, reloads and links, and back and forward move through it; views can be saved; every mark on
 * a row says what it means, and a conversation with an unsent draft is marked.
 */
test.describe.configure({ mode: 'serial' });
// each test walks through many steps of a loaded console: given three times the suite's limit, never less
test.beforeEach(() => test.slow());

let own: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  own = await startWebHost();
});
test.afterAll(async () => stopWebHost(own));

const rows = (page: Page) => page.getByTestId('conversation-row');
const selected = (page: Page) => page.locator('[data-testid="conversation-row"][aria-current="true"]');
const heading = (page: Page) => page.getByRole('article').getByRole('heading', { level: 2 });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** "waiting 3 h" → minutes. */
const minutes = (text: string) => {
  const [, n, unit] = /waiting (\d+) (min|h|d)/.exec(text)!;
  return Number(n) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
};

test('the inbox opens on open work, whoever has waited longest on top', async ({ page }) => {
  await openConsoleWithDemo(page, own.host.url);
  await expect(page.getByRole('textbox', { name: 'Status' })).toHaveValue('Open work');
  await expect(page.getByRole('textbox', { name: 'Sort' })).toHaveValue('Waiting longest');
  await expect(page.getByText(/waiting for us first, longest on top/)).toBeVisible();
  const statuses = await rows(page).getByTestId('status').allTextContents();
  expect(statuses.filter((s) => /resolved|snoozed/i.test(s))).toEqual([]);
  const waits = (await rows(page).getByTestId('waiting').allTextContents()).map(minutes);
  expect(waits.length).toBeGreaterThan(3);
  expect(waits).toEqual([...waits].sort((a, b) => b - a));

  // with any status, a resolved conversation never comes before one still waiting for us
  await chooseInQueue(page, 'Status', 'Any status');
  await expect(rows(page).first().getByTestId('waiting')).toBeVisible();
  await expect(rows(page).first()).not.toContainText(/resolved/i);
});

test('the view and the open conversation survive another page, a reload and a link; back and forward move through them', async ({ page, context }) => {
  await openConsoleWithDemo(page, own.host.url);
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await chooseInQueue(page, 'Status', 'Any status');
  await chooseInQueue(page, 'Sort', 'Newest first');
  await rows(page).nth(2).click();
  const open = (await selected(page).getAttribute('data-conversation-id'))!;
  const subject = (await heading(page).textContent())!;

  const expectSameView = async (on: Page) => {
    await expect(on.getByRole('radiogroup', { name: 'Channel' }).getByRole('radio', { name: 'Chat' })).toBeChecked();
    await expect(on.getByRole('textbox', { name: 'Status' })).toHaveValue('Any status');
    await expect(on.getByRole('textbox', { name: 'Sort' })).toHaveValue('Newest first');
    await expect(selected(on)).toHaveAttribute('data-conversation-id', open);
    await expect(heading(on)).toHaveText(subject);
  };

  await nav(page).getByRole('button', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/#\/customers$/);
  await nav(page).getByRole('button', { name: 'Inbox' }).click();
  await expectSameView(page);
  await page.reload();
  await expectSameView(page);
  // viewing as another person of the desk keeps what is on screen
  await viewAs(page, 'Aisha Khan (agent)');
  await expectSameView(page);
  await viewAs(page, null);
  const link = page.url();
  expect(link).toMatch(new RegExp(`#/inbox\\?.*open=${open}`));

  // back and forward: another conversation, then back to this one and forward again
  await rows(page).nth(0).click();
  await expect(selected(page)).not.toHaveAttribute('data-conversation-id', open);
  const other = (await selected(page).getAttribute('data-conversation-id'))!;
  await page.goBack();
  await expect(selected(page)).toHaveAttribute('data-conversation-id', open);
  await page.goForward();
  await expect(selected(page)).toHaveAttribute('data-conversation-id', other);

  // the link opens the same view and conversation in another page (which has the web host's token for this tab)
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('All', { exact: true }).click();
  const again = await context.newPage();
  await openConsoleWithDemo(again, own.host.url);
  await again.goto(link);
  await again.reload();
  await expectSameView(again);
  await again.close();
});

test('a search typed is kept in the address', async ({ page }) => {
  await openConsoleWithDemo(page, own.host.url);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('refund');
  await expect(page).toHaveURL(/[?&]q=refund/);
  await page.getByTestId('search-hit').first().click();
  await expect(page).toHaveURL(/[?&]at=\d+/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Search all messages' })).toHaveValue('refund');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect(page.locator('[data-focused]')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test('a view is saved under a name, shown with its count, applied in one click, renamed and deleted', async ({ page }) => {
  await openConsoleWithDemo(page, own.host.url);
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('E-mail', { exact: true }).click();
  await chooseInQueue(page, 'Status', 'Open work');
  await chooseInQueue(page, 'Sort', 'Most upset first');
  const count = (await page.getByTestId('queue-count').textContent())!.replace(/\D/g, '');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Upset e-mail');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const views = page.getByRole('list', { name: 'Saved views' });
  const saved = views.getByRole('listitem').filter({ hasText: 'Upset e-mail' }).getByRole('button');
  await expect(saved).toContainText(count);
  await expect(saved).toHaveAttribute('aria-current', 'true');

  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('All', { exact: true }).click();
  await expect(saved).not.toHaveAttribute('aria-current', 'true');
  await saved.click();
  await expect(page.getByRole('radiogroup', { name: 'Channel' }).getByRole('radio', { name: 'E-mail' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Sort' })).toHaveValue('Most upset first');

  // a second view with the same name (in any case) is refused, saying why
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('UPSET E-MAIL');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('You already have a view called “Upset e-mail”.')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Rename or delete saved views' }).click();
  await page.getByRole('textbox', { name: 'Name of the view Upset e-mail' }).fill('Angry e-mail');
  await page.getByRole('button', { name: 'Rename Upset e-mail' }).click();
  await expect(views.getByRole('listitem').filter({ hasText: 'Angry e-mail' })).toBeVisible();
  await page.reload();
  await expect(views.getByRole('listitem').filter({ hasText: 'Angry e-mail' })).toBeVisible();
  await page.getByRole('button', { name: 'Rename or delete saved views' }).click();
  await page.getByRole('button', { name: 'Delete Angry e-mail' }).click();
  await expect(views.getByRole('listitem')).toHaveCount(0);
});

test('every mark on a row says what it means, and a legend explains them all', async ({ page }) => {
  await openConsoleWithDemo(page, own.host.url);
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('All', { exact: true }).click();
  await chooseInQueue(page, 'Status', 'Open work');
  const unread = page.getByTestId('unread').first();
  await expect(unread).toHaveAttribute('title', /^Unread: /);
  await expect(unread).toHaveAccessibleName(/^Unread/);
  // not the green of a happy mood
  const colour = await unread.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(colour).toBe('rgb(25, 113, 194)');
  await expect(page.getByTestId('connection-dot').first()).toHaveAttribute('title', /^Connection: .+from stranger to kin$/);
  await expect(page.getByTestId('mood-dot').first()).toHaveAttribute('title', /^Mood of the customer’s last message: /);
  await expect(page.getByTestId('waiting').first()).toHaveAttribute('title', /^Waiting: /);

  await page.getByRole('button', { name: 'What the marks mean' }).click();
  const legend = page.getByRole('list', { name: 'Marks on a conversation' });
  for (const says of [/^Unread: /, /^Draft: /, /^Mood: /, /^Connection: /, /^Waiting: /, /^Follow-up overdue: /, /^Response target: /, /^Snoozed: /, /^Tags: /, /^Priority/]) {
    await expect(legend.getByRole('listitem').filter({ has: page.getByText(says) })).toHaveCount(1);
  }
  // the legend fits the window whole, a short one too (it ran off a 720 px window)
  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await expect(async () => {
      const box = (await page.getByRole('dialog', { name: 'What the marks mean' }).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }).toPass();
  }
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('a conversation with an unsent draft is marked in the queue as the draft is typed, and unmarked when it is emptied', async ({ page }) => {
  await openConsoleWithDemo(page, own.host.url);
  // an order readings cannot change while the test runs (moods arrive as the backlog is read)
  await chooseInQueue(page, 'Sort', 'Waiting longest');
  const id = (await rows(page).nth(1).getAttribute('data-conversation-id'))!;
  // held by its id: the queue is read again as drafts change, and its second row may then be another
  const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);
  const marked = row.getByTestId('draft-mark');
  await expect(marked).toHaveCount(0);
  await row.click();
  await page.getByRole('textbox', { name: /^Reply to / }).fill('Let me look into this for you right away');
  await expect(marked).toHaveText(/^Draft/);
  await expect(marked).toHaveAttribute('title', /unsent/);
  await page.reload();
  await expect(marked).toHaveText(/^Draft/);
  await page.getByRole('textbox', { name: /^Reply to / }).fill('');
  await expect(marked).toHaveCount(0);
});
