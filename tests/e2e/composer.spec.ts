import { expect, test, type Page } from '@playwright/test';
import { MESSAGE_MAX_CHARS } from '../../shared/contract/send';
import { queueShown } from './queueShown';
import { openConsoleWithDemo, startWebHost, stopWebHost } from './webHostFixture';

/**
 * The composer in Chromium against the web host: a reply and a note keep separate drafts, the
 * message's length is counted as it is typed, a macro leaves the focus in the composer, a call's
 * composer says what a reply there is, and one can send and set the status in one go.
 */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

async function openFirst(page: Page, channel: 'Chat' | 'E-mail' | 'Call') {
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText(channel, { exact: true }).click();
  await queueShown(page);
  await page.getByTestId('conversation-row').first().click();
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').first()).toBeVisible();
}

/** The demo's first e-mail open, and the ids of it and the row under it (to leave it for and come back from). */
async function openFirstOfTwo(page: Page) {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'E-mail');
  // the one opened is the selected row (the first row read now may be another, if the queue was read again since the click)
  const id = (await page.locator('[data-testid="conversation-row"][aria-current="true"]').getAttribute('data-conversation-id'))!;
  const other = (await page.locator('[data-testid="conversation-row"]:not([aria-current="true"])').first().getAttribute('data-conversation-id'))!;
  const row = (conversationId: string) => page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  return { id, other, row };
}

const replyBox = (page: Page) => page.getByRole('textbox', { name: /^Reply to / });
const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Internal note (only your team sees it)' });

test('switching between reply and note (r / n) never carries text across', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'Chat');
  const reply = 'Hi, I have found your order and it goes out today by express.';
  await replyBox(page).fill(reply);
  // n: a note, empty — the reply's words stay with the reply
  await replyBox(page).press('Escape');
  await page.locator('body').press('n');
  await expect(noteBox(page)).toBeFocused();
  await expect(noteBox(page)).toHaveValue('');
  await noteBox(page).fill('Between us: this customer exaggerates every time.');
  await noteBox(page).press('Escape');
  await page.locator('body').press('r');
  await expect(replyBox(page)).toBeFocused();
  await expect(replyBox(page)).toHaveValue(reply);
});

test('sending a note leaves the reply draft as it was, on screen and on the host', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'E-mail');
  const customer = ((await replyBox(page).getAttribute('aria-label')) ?? '').replace(/^Reply to /, '');
  const reply = 'Dear customer, your refund is on its way.';
  await replyBox(page).fill(reply);
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Write a' }).getByText('Internal note').click();
  const note = 'Between us: refund approved by Morgan.';
  await noteBox(page).fill(note);
  await noteBox(page).press('Control+Enter');
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: note })).toHaveAttribute('data-author', 'note');
  await expect(noteBox(page)).toHaveValue('');
  await page.getByRole('radiogroup', { name: 'Write a' }).getByText(/^Reply to /).click();
  await expect(replyBox(page)).toHaveValue(reply);

  await page.reload();
  await page.getByTestId('conversation-row').filter({ hasText: customer }).first().click();
  await expect(replyBox(page)).toHaveValue(reply);
});

test('a draft typed or cleared just before another conversation opens is kept as it was left', async ({ page }) => {
  const { id, other, row } = await openFirstOfTwo(page);
  // the reply box names the customer: it shows which conversation's composer is on screen
  const mine = (await replyBox(page).getAttribute('aria-label'))!;
  const away = async () => {
    await row(other).click();
    await expect(row(other)).toHaveAttribute('aria-current', 'true');
    await expect(replyBox(page)).not.toHaveAttribute('aria-label', mine);
  };
  const back = async () => {
    await row(id).click();
    await expect(row(id)).toHaveAttribute('aria-current', 'true');
    await expect(replyBox(page)).toHaveAttribute('aria-label', mine);
  };
  // typed, and another conversation opened at once (typing never paused long enough to save): back, it is there
  await replyBox(page).fill('Half a thought about your parcel');
  await away();
  await back();
  await expect(replyBox(page)).toHaveValue('Half a thought about your parcel');
  // and on the host
  await page.reload();
  await back();
  await expect(replyBox(page)).toHaveValue('Half a thought about your parcel');
  // cleared, and away at once: the clearing is kept too, here and on the host
  await replyBox(page).fill('');
  await away();
  await back();
  await expect(replyBox(page)).toHaveValue('');
  await page.reload();
  await back();
  await expect(replyBox(page)).toHaveValue('');
});

test('a reply sent just before another conversation opens does not come back as a draft', async ({ page }) => {
  const { id, other, row } = await openFirstOfTwo(page);
  const mine = (await replyBox(page).getAttribute('aria-label'))!;
  const reply = 'Thank you for waiting. Your replacement leaves our warehouse tomorrow morning.';
  await replyBox(page).fill(reply);
  await expect(page.getByText('Draft saved')).toBeVisible();
  // sent, and away before the answer is in
  await replyBox(page).press('Control+Enter');
  await row(other).click();
  await expect(replyBox(page)).not.toHaveAttribute('aria-label', mine);
  await row(id).click();
  await expect(replyBox(page)).toHaveAttribute('aria-label', mine);
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: reply })).toHaveCount(1);
  await expect(replyBox(page)).toHaveValue('');
  await page.reload();
  await row(id).click();
  await expect(replyBox(page)).toHaveAttribute('aria-label', mine);
  await expect(replyBox(page)).toHaveValue('');
});

test('the length is counted as the agent types: a warning near the limit, and over it Send is blocked with the reason', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'E-mail');
  const count = page.getByTestId('message-length');
  await replyBox(page).fill('A short reply.');
  await expect(count).toHaveCount(0);

  await replyBox(page).fill('a'.repeat(MESSAGE_MAX_CHARS - 5_000));
  await expect(count).toHaveAttribute('data-state', 'near');
  await expect(count).toHaveText('95,000 / 100,000 characters (5,000 left)');
  await expect(page.getByRole('button', { name: /^Send Ctrl/ })).toBeEnabled();

  await replyBox(page).fill('a'.repeat(MESSAGE_MAX_CHARS + 12));
  await expect(count).toHaveAttribute('data-state', 'over');
  await expect(count).toHaveText('12 characters over the 100,000 a message may hold: shorten it to send');
  await expect(page.getByRole('button', { name: /^Send Ctrl/ })).toBeDisabled();
  // the keys do not send it either, and no refusal from the host appears
  await replyBox(page).press('Control+Enter');
  await expect(page.getByText(/Invalid input/)).toHaveCount(0);
  await expect(count).toHaveAttribute('data-state', 'over');
});

test('after a macro is inserted from the menu the focus is back in the composer, so Ctrl+Enter sends', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'Chat');
  // the reply, empty (an earlier test may have left drafts here)
  await page.getByRole('radiogroup', { name: 'Write a' }).getByText(/^Reply to /).click();
  await replyBox(page).fill('');
  await replyBox(page).press('Escape');
  await page.getByRole('button', { name: 'Macros' }).click();
  // the first built-in macro has blanks to fill: the dialog asks, and Insert puts it in
  await page.getByRole('menuitem').first().click();
  const fill = page.getByRole('dialog', { name: /^Fill in/ });
  await fill.getByRole('textbox').first().fill('sent a replacement by courier');
  await fill.getByRole('button', { name: 'Insert' }).click();
  await expect(fill).toHaveCount(0);
  await expect(replyBox(page)).not.toHaveValue('');
  await expect(replyBox(page)).toBeFocused();
  const inserted = await replyBox(page).inputValue();
  await page.keyboard.press('Control+Enter');
  // it went, or the draft check stopped it first: either way Ctrl+Enter reached the composer
  const sent = page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: inserted.split('\n')[0]!.slice(0, 20) });
  await expect(sent.or(page.getByRole('alertdialog', { name: /Before this goes/ })).first()).toBeVisible();
});

test('send and set the status in one go, from the split button or its key', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'E-mail');
  const status = page.getByRole('article').getByRole('button', { name: /^Status: / });
  await page.getByRole('radiogroup', { name: 'Write a' }).getByText('Internal note').click();
  await noteBox(page).fill('Asked the warehouse; waiting on them.');
  await page.getByRole('button', { name: 'Status after adding the note' }).click();
  await page.getByRole('menuitem', { name: /^Add note and mark pending/ }).click();
  await expect(status).toHaveText('Pending');

  await noteBox(page).fill('Warehouse confirmed; nothing more to do.');
  await noteBox(page).press('Control+Shift+Enter');
  await expect(status).toHaveText('Resolved');
  await expect(page.getByRole('log', { name: 'Messages' }).getByTestId('message').filter({ hasText: 'Warehouse confirmed' })).toBeVisible();
});

test('a call’s composer says what a reply there is: a written follow-up, not something said on the call', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'Call');
  await expect(page.getByRole('radiogroup', { name: 'Write a' })).toContainText('Written follow-up to');
  await expect(page.getByRole('radiogroup', { name: 'Write a' })).toContainText('Call note');
  await expect(page.getByTestId('composer-hint')).toContainText('Not said on the call');
  await expect(page.getByRole('textbox', { name: /^Written follow-up to / })).toBeVisible();
});

test('the composer grows with its text up to a limit, then scrolls inside', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await openFirst(page, 'Chat');
  const box = replyBox(page);
  await box.fill('One line.');
  const small = (await box.boundingBox())!.height;
  await box.fill(Array.from({ length: 6 }, (_, i) => `Line ${i + 1}.`).join('\n'));
  await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(small * 1.8);
  await box.fill(Array.from({ length: 60 }, (_, i) => `Line ${i + 1}.`).join('\n'));
  await expect.poll(() => box.evaluate((area) => area.scrollHeight > area.clientHeight + 10)).toBe(true);
  expect((await box.boundingBox())!.height).toBeLessThan(900 / 2);
});
