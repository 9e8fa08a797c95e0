import { expect, test, type Page } from '@playwright/test';
import { openConsoleWithDemo, showEverythingNewestFirst, startWebHost, stopWebHost } from './webHostFixture';
import { chooseInQueue } from './queueShown';

/** Keyboard first: the palette reaches every action, j/k and single keys work, the keymap is the user's. */
test.describe.configure({ mode: 'serial' });

let started: Awaited<ReturnType<typeof startWebHost>>;
test.beforeAll(async () => {
  started = await startWebHost();
});
test.afterAll(async () => stopWebHost(started));

const selected = (page: Page) => page.locator('[data-testid="conversation-row"][aria-current="true"]');
/** Which conversation is selected: its id, never its text (that holds "waiting N min", which ages). */
const ID = 'data-conversation-id';

test('j and k move through the inbox, r starts a reply, e resolves, Esc leaves the field', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.locator('body').press('j');
  await expect(selected(page)).toHaveCount(1);
  const first = (await selected(page).getAttribute(ID))!;
  expect(first).toMatch(/^\d+$/);
  await page.locator('body').press('j');
  await expect(selected(page)).not.toHaveAttribute(ID, first);
  await page.locator('body').press('k');
  await expect(selected(page)).toHaveAttribute(ID, first);

  await page.locator('body').press('r');
  await expect(page.getByRole('textbox', { name: /^Reply to / })).toBeFocused();
  await page.keyboard.type('jk typed here stay in the reply');
  await expect(selected(page)).toHaveAttribute(ID, first);
  await page.keyboard.press('Escape');
  await page.locator('body').press('e');
  await expect(page.getByRole('article').getByRole('button', { name: /^Status: / })).toHaveText('Resolved');
  await page.locator('body').press('/');
  await expect(page.getByRole('textbox', { name: 'Search all messages' })).toBeFocused();
});

test('Ctrl+K opens the palette, which lists the actions with their keys and runs them', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  // one nobody has: which conversation has waited longest depends on the day, and a colleague's is not ours to take;
  // in a team of the desk's owner (Order Care): a conversation of a team is taken only by someone on it
  await chooseInQueue(page, 'Assignee', 'Unassigned');
  await chooseInQueue(page, 'Team filter', 'My teams');
  await page.getByTestId('conversation-row').first().click();
  await page.locator('body').press('Control+k');
  const palette = page.getByRole('dialog');
  const input = page.getByRole('textbox', { name: 'Command' });
  await expect(input).toBeFocused();
  for (const title of ['Next conversation', 'Reply', 'Resolve the conversation', 'Take the conversation', 'Go to Settings', 'View as Aisha Khan (agent)']) {
    await expect(palette.getByText(title, { exact: true })).toBeVisible();
  }
  await input.fill('take the conversation');
  await page.keyboard.press('Enter');
  // taken by the person signed in (the desk's owner): the header says it is theirs
  await expect(page.getByRole('article').getByRole('button', { name: 'Yours: change who has it' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('body').press('Control+k');
  await page.getByRole('textbox', { name: 'Command' }).fill('go to settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
});

test('a key can be changed in Settings, conflicts are shown before saving, and the new key works', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.locator('body').press('Shift+S');
  const keyboard = page.getByRole('region', { name: 'Keyboard' });
  await keyboard.getByRole('textbox', { name: 'New key for Write an internal note' }).press('j');
  await expect(keyboard).toContainText('j is already used by Next conversation');
  await expect(keyboard.getByRole('button', { name: 'Save keys' })).toBeDisabled();
  await keyboard.getByRole('textbox', { name: 'New key for Write an internal note' }).press('Control+w');
  await expect(keyboard).toContainText('belongs to the browser or the operating system');
  await keyboard.getByRole('textbox', { name: 'New key for Write an internal note' }).press('m');
  await keyboard.getByRole('button', { name: 'Save keys' }).click();
  await expect(keyboard.getByRole('row', { name: /Write an internal note/ }).locator('kbd')).toHaveText('m');
  await page.reload();
  await page.locator('body').press('Shift+I');
  await page.getByTestId('conversation-row').first().click();
  await page.locator('body').press('m');
  await expect(page.getByRole('textbox', { name: 'Internal note (only your team sees it)' })).toBeFocused();
});

test('two conversations side by side, each with its own composer, and one popped out on its own', async ({ page, context }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.getByTestId('conversation-row').nth(2).click();
  const firstSubject = await page.getByRole('region', { name: 'Conversation', exact: true }).getByRole('heading', { level: 2 }).textContent();
  await page.locator('body').press('b');
  const beside = page.getByRole('region', { name: 'Conversation kept beside' });
  await expect(beside.getByRole('heading', { level: 2 })).toHaveText(firstSubject!);
  await page.locator('body').press('j');
  const main = page.getByRole('region', { name: 'Conversation', exact: true });
  await expect(main.getByRole('heading', { level: 2 })).not.toHaveText(firstSubject!);

  await beside.getByRole('textbox', { name: /^Reply to / }).fill('Written in the conversation kept beside.');
  await beside.getByRole('button', { name: /^Send/ }).click();
  // the coach may check the draft first (an upset customer); the agent can always send anyway
  const sentOrChecked = beside.getByTestId('message').filter({ hasText: 'Written in the conversation kept beside.' }).or(beside.getByRole('button', { name: 'Send anyway' }));
  await sentOrChecked.first().waitFor();
  if (await beside.getByRole('button', { name: 'Send anyway' }).isVisible()) await beside.getByRole('button', { name: 'Send anyway' }).click();
  await expect(beside.getByTestId('message').filter({ hasText: 'Written in the conversation kept beside.' })).toBeVisible();
  await expect(main.getByTestId('message').filter({ hasText: 'Written in the conversation kept beside.' })).toHaveCount(0);
  await expect(main.getByRole('textbox', { name: /^Reply to / })).toHaveValue('');

  const [popped] = await Promise.all([context.waitForEvent('page'), beside.getByRole('button', { name: 'Open the conversation in its own window' }).click()]);
  // the popped window may be wide enough for the customer panel, whose name is a heading too
  await expect(popped.getByRole('region', { name: 'Conversation', exact: true }).getByRole('heading', { level: 2 })).toHaveText(firstSubject!);
  await expect(popped.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await popped.close();

  await beside.getByRole('button', { name: 'Close the conversation kept beside' }).click();
  await expect(beside).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Customer' })).toBeVisible();
});

test('a macro with blanks asks for them, and one left empty stays visible in the draft, never a silent gap', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.getByTestId('conversation-row').first().click();
  const reply = page.getByRole('textbox', { name: /^Reply to / });
  await page.getByRole('button', { name: 'Macros' }).click();
  await page.getByRole('menuitem', { name: 'Sorry — here is how we fix it' }).click();
  const fill = page.getByRole('dialog', { name: 'Fill in “Sorry — here is how we fix it”' });
  await fill.getByRole('textbox', { name: 'What you have done' }).fill('I’ve sent a replacement card by courier.');
  await expect(fill).toContainText('Left empty, [when you will check in] goes into your draft as it is');
  await fill.getByRole('button', { name: 'Insert' }).click();
  await expect(fill).toHaveCount(0);
  await expect(reply).toHaveValue(/Here’s what I’ve done: I’ve sent a replacement card by courier\.\n\nI’ll check in with you by \[when you will check in\] to make sure it’s sorted\./);
});

test('a macro is inserted filled in from the menu, the palette or its own key set in Settings', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  // search looks within the queue's filters, and Edith's conversation is resolved
  await showEverythingNewestFirst(page);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill('somebody has got hold of my card details');
  await page.getByTestId('search-hit').first().click();
  await page.getByRole('button', { name: 'Clear search' }).click();
  const reply = page.getByRole('textbox', { name: /^Reply to / });
  await page.getByRole('button', { name: 'Macros' }).click();
  await page.getByRole('menuitem', { name: 'Refund confirmed' }).click();
  await expect(reply).toHaveValue(/^Hi Edith,\n\nI’ve processed your refund for order LH-\d+\./);
  await expect(reply).toHaveValue(/\n\nHannah$/);
  await reply.fill('');


  await page.locator('body').press('Control+k');
  await page.getByRole('textbox', { name: 'Command' }).fill('macro: thank you');
  await page.keyboard.press('Enter');
  await expect(reply).toHaveValue(/^Thank you so much, Edith/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await reply.fill('');
  await reply.press('Escape');

  await page.locator('body').press('Shift+S');
  const macros = page.getByRole('region', { name: 'Macros' });
  await macros.getByRole('textbox', { name: 'Key' }).first().press('Control+Shift+Y');
  await macros.getByRole('button', { name: 'Save macros' }).click();
  await expect(macros.getByRole('button', { name: 'Save macros' })).toBeDisabled();
  await macros.getByRole('textbox', { name: 'Key' }).nth(1).press('Control+k');
  await expect(macros).toContainText('Mod+K is already used by Open the command palette');

  await page.reload();
  // a reload stays on Settings: back to the inbox
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Inbox' }).click();
  // the inbox kept its view (everything, newest first), whose top row may be a call: pick a chat
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('textbox', { name: /^Reply to / }).click();
  await page.keyboard.press('Control+Shift+Y');
  await expect(page.getByRole('textbox', { name: /^Reply to / })).toHaveValue(/^Hi \S+,\n\nI’m really sorry about this/);
  // by its key, the blanks go in as visible fields to fill
  await expect(page.getByRole('textbox', { name: /^Reply to / })).toHaveValue(/I’ll check in with you by \[when you will check in\] to make sure/);
});

test('Settings → Macros keeps the keyboard’s rule for keys and refuses unknown placeholders, saying why as they are entered', async ({ page }) => {
  await openConsoleWithDemo(page, started.host.url);
  await page.locator('body').press('Shift+S');
  const macros = page.getByRole('region', { name: 'Macros' });
  // the same rule for keys as Settings → Keyboard, said as it is pressed, in words a person reads
  await macros.getByRole('textbox', { name: 'Key' }).first().press('Control+k');
  await expect(macros).toContainText('Mod+K is already used by Open the command palette');
  await expect(macros.getByRole('button', { name: 'Save macros' })).toBeDisabled();
  await macros.getByRole('textbox', { name: 'Key' }).first().press('Control+1');
  await expect(macros).toContainText('Mod+1 belongs to the browser or the operating system (it switches to browser tab 1)');
  await expect(macros.getByRole('button', { name: 'Save macros' })).toBeDisabled();
  // an unknown placeholder is refused, with the ones Kinship knows
  await macros.getByRole('textbox', { name: 'Key' }).first().press('Backspace');
  await macros.getByRole('textbox', { name: 'Text' }).first().fill('Hi {{first_name}}, all done.');
  await expect(macros).toContainText('{{first_name}} is not a placeholder Kinship knows. Use {{customer.firstName}}');
  await expect(macros.getByRole('button', { name: 'Save macros' })).toBeDisabled();
});
