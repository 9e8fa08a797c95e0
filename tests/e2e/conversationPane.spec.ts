import { expect, test, type Locator, type Page } from '@playwright/test';
import type { RunningWebHost } from '../../electron/web/runWebHost';
import type { IngestMessage } from '../../shared/contract/ingestion';
import { startHostInProcess } from './inProcessHost';
import { openConsoleWithDemo, showEverythingNewestFirst } from './webHostFixture';
import { queueShown } from './queueShown';

/**
 * The conversation pane and the console around it, in Chromium against the web host: the thread
 * keeps the room (the coach folded, Send on screen, the page never scrolling), right-to-left text,
 * attachments, live updates in every pane and window, the palette's reach, and unsaved playbook
 * edits that ask before they go. Layout facts, not timings.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startHostInProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

function ingestion() {
  const workspace = host.services.workspace;
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  return workspace.ingestion;
}

function chatFrom(name: string, handle: string, body: string, at: number, author: 'customer' | 'agent' = 'customer'): IngestMessage {
  return {
    channel: 'chat',
    customer: { displayName: name, identities: [{ kind: 'chat', value: handle }] },
    conversation: { externalRef: `${handle}-chat`, subject: `Chat with ${name}` },
    message: { author, body, sentAt: at, externalId: `${handle}-${at}`, ...(author === 'agent' ? { authorName: 'Aisha Khan' } : {}) },
  };
}

async function openRow(page: Page, name: string) {
  // the conversations these tests make are the newest: show everything newest first
  // (the inbox otherwise opens on open work, waiting longest, or where the last test left it)
  const hash = await page.evaluate(() => window.location.hash);
  if (!(hash.includes('status=all') && hash.includes('sort=recent'))) await showEverythingNewestFirst(page);
  await page.getByTestId('conversation-row').filter({ hasText: name }).first().click();
  await expect(page.getByRole('article', { name: `Conversation with ${name}` })).toBeVisible();
}

/** The page itself does not scroll: everything that scrolls is a pane. */
async function expectPageDoesNotScroll(page: Page) {
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({ scrollHeight: document.scrollingElement!.scrollHeight, innerHeight: window.innerHeight }));
  expect(scrollHeight).toBeLessThanOrEqual(innerHeight);
}

async function expectInViewport(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

async function threadHeight(page: Page): Promise<number> {
  return (await page.getByRole('log', { name: 'Messages' }).boundingBox())!.height;
}

async function runCommand(page: Page, label: string) {
  await page.locator('body').press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.getByRole('textbox', { name: 'Command' }).fill(label);
  await palette.getByRole('button', { name: label }).first().click();
  await expect(palette).toHaveCount(0);
}

test('the thread keeps the room: the coach folds to one line, long panels scroll inside, Send stays on screen, the page never scrolls', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  const ingest = ingestion();
  await ingest.ingest(chatFrom('Nadia Brook', 'nadia-e2e', 'My order never came.', Date.now() - 120_000));
  await ingest.ingest(chatFrom('Nadia Brook', 'nadia-e2e', 'This is the third time my parcel is missing. I am furious and really upset, nobody cares!', Date.now()));
  await openRow(page, 'Nadia Brook');
  const coach = page.getByRole('region', { name: 'Coach suggestions' });
  await expect(coach).toBeVisible();
  const send = page.getByRole('button', { name: /^Send( Ctrl\+Enter)?$/ });

  // folded until wanted: one line with the count and the most relevant suggestion's first words
  const fold = coach.getByTestId('coach-fold');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(fold).toContainText(/Coach · \d+ suggestions?/);
  await expect(coach.getByTestId('coach-prompt')).toHaveCount(0);
  expect((await fold.boundingBox())!.height).toBeLessThanOrEqual(40);
  // at 1440×900 the thread gets nearly half the window (it had a fifth with the coach shown)
  expect(await threadHeight(page)).toBeGreaterThanOrEqual(0.45 * 900);
  await expectInViewport(page, send);
  await expectPageDoesNotScroll(page);

  // opened from the palette, the coach shows its cards and Send stays on screen
  await runCommand(page, 'Open the coach');
  await expect(coach.getByTestId('coach-prompt').first()).toBeVisible();
  await expectInViewport(page, send);
  await expectPageDoesNotScroll(page);
  expect(await threadHeight(page)).toBeGreaterThanOrEqual(0.25 * 900);

  // a draft check with its findings: the decision and Send on screen, the page still
  const reply = page.getByRole('textbox', { name: 'Reply to Nadia Brook' });
  await reply.fill('Noted. Whatever. Not our problem really.');
  await send.click();
  const check = page.getByRole('alertdialog', { name: /Before this goes/ });
  await expect(check.getByTestId('draft-finding').first()).toBeVisible();
  await expectInViewport(page, check.getByRole('button', { name: 'Send anyway' }));
  await expectInViewport(page, send);
  await expectPageDoesNotScroll(page);

  // the same in a 1280×720 window
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectInViewport(page, check.getByRole('button', { name: 'Send anyway' }));
  await expectInViewport(page, send);
  await expectPageDoesNotScroll(page);
  await check.getByRole('button', { name: 'Keep editing' }).click();
  await expectInViewport(page, send);
  await expectPageDoesNotScroll(page);
  expect(await threadHeight(page)).toBeGreaterThanOrEqual(120);

  // the choice is remembered: folded again, it stays folded in the next conversation
  await coach.getByTestId('coach-fold').click();
  await expect(coach.getByTestId('coach-fold')).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await page.getByTestId('conversation-row').first().waitFor();
  await openRow(page, 'Nadia Brook');
  await expect(page.getByRole('region', { name: 'Coach suggestions' }).getByTestId('coach-fold')).toHaveAttribute('aria-expanded', 'false');
});

test('chats read as bubbles, a run of one author grouped; right-to-left text is laid out right to left, in the thread and the reply box', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  const at = Date.now() - 60_000;
  const ingest = ingestion();
  await ingest.ingest(chatFrom('Rania Haddad', 'rania-e2e', 'مرحبا، لم يصل طلبي بعد.', at));
  await ingest.ingest(chatFrom('Rania Haddad', 'rania-e2e', 'هل يمكنك المساعدة؟', at + 20_000));
  await ingest.ingest(chatFrom('Rania Haddad', 'rania-e2e', 'Of course, let me look.', at + 40_000, 'agent'));
  await openRow(page, 'Rania Haddad');
  const messages = page.getByRole('log', { name: 'Messages' }).getByTestId('message');
  await expect(messages).toHaveCount(3);
  const [first, second, third] = [messages.nth(0), messages.nth(1), messages.nth(2)];
  const direction = (locator: Locator) => locator.locator('[dir="auto"]').last().evaluate((element) => getComputedStyle(element).direction);
  expect(await direction(first)).toBe('rtl');
  expect(await direction(third)).toBe('ltr');
  // the second message continues the first's run; the agent's sits on the other side
  await expect(second).toHaveAttribute('data-grouped', 'true');
  await expect(first).not.toHaveAttribute('data-grouped', /.*/);
  const thread = (await page.getByRole('log', { name: 'Messages' }).boundingBox())!;
  const customerBox = (await first.boundingBox())!;
  const agentBox = (await third.boundingBox())!;
  expect(customerBox.x - thread.x).toBeLessThan(60);
  expect(thread.x + thread.width - (agentBox.x + agentBox.width)).toBeLessThan(60);
  // the time is there for screen readers on every bubble
  await expect(second.locator('time')).toHaveAttribute('aria-label', /Rania Haddad, /);

  const reply = page.getByRole('textbox', { name: 'Reply to Rania Haddad' });
  await reply.fill('شكرا لصبرك');
  expect(await reply.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(page.getByRole('heading', { name: 'Chat with Rania Haddad' })).toHaveAttribute('dir', 'auto');
  await reply.fill('');
});

test('a long chat message keeps its reading beside its bubble, at 1440×900 and 1280×720', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  const at = Date.now() - 30_000;
  await ingestion().ingest(chatFrom('Wren Castillo', 'wren-e2e', 'Hello, I ordered the oak bookcase three weeks ago and the tracking page has said "out for delivery" since Monday, nobody has called and I have taken two days off work to wait in for it.', at));
  await ingestion().ingest(chatFrom('Wren Castillo', 'wren-e2e', 'Could someone please tell me where it actually is?', at + 10_000));
  await openRow(page, 'Wren Castillo');
  const messages = page.getByRole('log', { name: 'Messages' }).getByTestId('message');
  await expect(messages).toHaveCount(2);
  // a reading wrapped under its bubble sat nearer the next message than its own
  const besideItsBubble = async () => {
    for (const message of [messages.nth(0), messages.nth(1)]) {
      const body = (await message.locator('[dir="auto"]').last().locator('xpath=..').boundingBox())!;
      const reading = (await message.getByTestId('reading').boundingBox())!;
      expect(reading.x).toBeGreaterThanOrEqual(body.x + body.width);
      expect(reading.y).toBeGreaterThanOrEqual(body.y);
      expect(reading.y + reading.height).toBeLessThanOrEqual(body.y + body.height + 2);
    }
  };
  await expect(messages.nth(0).getByTestId('reading')).toBeVisible();
  await expect(messages.nth(1).getByTestId('reading')).toBeVisible();
  await besideItsBubble();
  await page.setViewportSize({ width: 1280, height: 720 });
  await besideItsBubble();
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('an e-mail’s attachments show their name, type and size, and say when the size was not given', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  await ingestion().ingest({
    channel: 'email',
    customer: { displayName: 'Olu Bankole', identities: [{ kind: 'email', value: 'olu.e2e@example.com' }] },
    conversation: { subject: 'Photos of the damage' },
    message: {
      author: 'customer',
      body: 'Hello, photos attached.',
      sentAt: Date.now(),
      externalId: '<olu-e2e@example.com>',
      // as a mail parser hands them over, and a bare file name
      meta: { messageId: '<olu-e2e@example.com>', attachments: [{ filename: 'label.pdf', size: 248_000, contentType: 'application/pdf' }, 'IMG_2041.jpg'] } as never,
    },
  });
  await openRow(page, 'Olu Bankole');
  const files = page.getByRole('list', { name: 'Attachments' }).getByTestId('attachment');
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText('label.pdf');
  await expect(files.nth(0)).toContainText('PDF');
  await expect(files.nth(0)).toContainText(/248\s?kB/);
  await expect(files.nth(1)).toContainText('IMG_2041.jpg');
  await expect(files.nth(1)).toContainText('size not given');
  await expect(page.getByRole('log', { name: 'Messages' })).not.toContainText('NaN');
});

test('side by side and in its own window a conversation shows its customer and stays live as messages arrive', async ({ page, context }) => {
  await openConsoleWithDemo(page, host.url);
  const ingest = ingestion();
  const left = await ingest.ingest(chatFrom('Tomas Reyes', 'tomas-e2e', 'Where is my refund?', Date.now() - 60_000));
  await ingest.ingest(chatFrom('Ines Okafor', 'ines-e2e', 'Can I change my delivery address?', Date.now() - 30_000));

  await openRow(page, 'Tomas Reyes');
  await page.getByRole('button', { name: 'Keep this conversation open beside the next' }).click();
  await openRow(page, 'Ines Okafor');
  const beside = page.getByRole('region', { name: 'Conversation kept beside' });
  await expect(beside.getByRole('article', { name: 'Conversation with Tomas Reyes' })).toBeVisible();
  // in a pane this narrow the tone's words are not clipped under Send: Send moves below them
  for (const article of await page.getByRole('article').all()) {
    const words = (await article.getByTestId('draft-tone').getByText('Tone of your draft:').boundingBox())!;
    const send = (await article.getByRole('button', { name: /^Send( Ctrl\+Enter)?$/ }).boundingBox())!;
    const apart = words.x + words.width <= send.x || words.y + words.height <= send.y;
    expect(apart).toBe(true);
    expect(words.height).toBeLessThan(24);
  }
  // the customer panel is still there, for the conversation being worked in
  const customer = page.getByRole('complementary', { name: 'Customer' });
  await expect(customer.getByRole('heading', { name: 'Ines Okafor' })).toBeVisible();
  await beside.getByRole('log', { name: 'Messages' }).click();
  await expect(customer.getByRole('heading', { name: 'Tomas Reyes' })).toBeVisible();
  // and it folds away, and back
  await customer.getByRole('button', { name: 'Hide the customer panel' }).click();
  await expect(customer.getByRole('heading', { name: 'Tomas Reyes' })).toHaveCount(0);
  await customer.getByRole('button', { name: 'Show the customer panel' }).click();
  await expect(customer.getByRole('heading', { name: 'Tomas Reyes' })).toBeVisible();

  // a message arriving in the conversation kept beside shows there
  await ingest.ingest({ ...chatFrom('Tomas Reyes', 'tomas-e2e', 'Hello? Still waiting on that refund.', Date.now()), conversation: { id: left.conversationId } });
  await expect(beside.getByText('Hello? Still waiting on that refund.')).toBeVisible();

  // popped out into its own window: the customer beside it, and live
  const popup = context.waitForEvent('page');
  await page.getByRole('region', { name: 'Conversation', exact: true }).getByRole('button', { name: 'Open the conversation in its own window' }).click();
  const own = await popup;
  await expect(own.getByRole('article', { name: 'Conversation with Ines Okafor' })).toBeVisible();
  await expect(own.getByRole('complementary', { name: 'Customer' }).getByRole('heading', { name: 'Ines Okafor' })).toBeVisible();
  await ingest.ingest(chatFrom('Ines Okafor', 'ines-e2e', 'Any news on the address change?', Date.now()));
  await expect(own.getByRole('log', { name: 'Messages' }).getByText('Any news on the address change?')).toBeVisible();
  await expectPageDoesNotScroll(own);
  await own.close();
});

test('a customer writing into a resolved conversation brings it back to open work, unread, in the queue at once', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  const ingest = ingestion();
  const at = Date.now() - 600_000;
  await ingest.ingest(chatFrom('Rosa Lindqvist', 'rosa-e2e', 'Where is my refund?', at));
  const answer = chatFrom('Rosa Lindqvist', 'rosa-e2e', 'Refunded today, sorry for the wait.', at + 60_000, 'agent');
  await ingest.ingest({ ...answer, conversation: { ...answer.conversation, status: 'resolved' } });
  // open work, newest first: a conversation that comes back is at the top
  await page.evaluate(() => {
    window.location.hash = '#/inbox?status=active&sort=recent';
  });
  await queueShown(page);
  const row = page.getByTestId('conversation-row').filter({ hasText: 'Rosa Lindqvist' });
  await expect(row).toHaveCount(0);

  await ingest.ingest(chatFrom('Rosa Lindqvist', 'rosa-e2e', 'It has not reached my card.', Date.now()));
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('unread')).toHaveCount(1);
  await row.click();
  await expect(page.getByRole('article', { name: 'Conversation with Rosa Lindqvist' }).getByRole('button', { name: /^Status: / })).toHaveText(/^Open$/);
});

test('the palette reaches calls, follow-ups, the queue’s filters and sorts, and running one works', async ({ page }) => {
  await openConsoleWithDemo(page, host.url);
  // a filter of the queue, from the palette
  await runCommand(page, 'Show channel: Call');
  await expect(page.getByRole('radiogroup', { name: 'Channel' }).getByRole('radio', { name: 'Call' })).toBeChecked();
  await expect(page.getByTestId('conversation-row').first()).toHaveAttribute('data-channel', 'voice');
  // (the inbox opens sorted waiting longest: the palette offers the other orders)
  await runCommand(page, 'Sort the queue: Newest first');
  await expect(page.getByRole('textbox', { name: 'Sort' })).toHaveValue('Newest first');
  await page.getByTestId('conversation-row').first().click();
  await expect(page.getByRole('log', { name: 'Messages' })).toBeVisible();

  await page.locator('body').press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  for (const label of ['Start a call', 'Add a follow-up…', 'Show status: Any status', 'Sort the queue: Most upset first', 'Set priority: urgent', 'Resolve the conversation']) {
    await expect(palette.getByRole('button', { name: label }).first()).toBeAttached();
  }
  await page.keyboard.press('Escape');

  // a call started from the palette; then its note and its end are offered
  await runCommand(page, 'Start a call');
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await runCommand(page, 'Add a call note');
  await expect(page.getByRole('textbox', { name: 'Call note' })).toBeFocused();
  await page.keyboard.press('Escape');
  await runCommand(page, 'End the call…');
  await expect(page.getByRole('button', { name: 'End the call and save' })).toBeVisible();

  // a follow-up added from the palette, then marked done from it
  await runCommand(page, 'Add a follow-up…');
  const panel = page.getByRole('complementary', { name: 'Customer' });
  const form = panel.getByRole('form', { name: 'Add follow-up' });
  await form.getByRole('textbox', { name: 'What was promised' }).fill('Send the engineer’s report');
  await form.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(panel.getByTestId('follow-up').filter({ hasText: 'Send the engineer’s report' })).toBeVisible();
  await runCommand(page, 'Mark follow-up done: Send the engineer’s report');
  await expect(panel.getByTestId('follow-up').filter({ hasText: 'Send the engineer’s report' })).toHaveCount(0);
});

test('leaving Settings or the window with unsaved playbook edits asks first', async ({ page }) => {
  // the desk's owner in the demo is Hannah Cole, a supervisor: she edits the playbook
  await openConsoleWithDemo(page, host.url);
  await page.getByLabel('Main navigation').getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Coach playbook' });
  const rule = panel.getByTestId('playbook-rule').filter({ has: page.getByRole('button', { name: 'Acknowledge the frustration' }) });
  await rule.getByRole('button', { name: 'Acknowledge the frustration' }).click();
  await rule.getByRole('textbox', { name: 'Wording 1', exact: true }).fill('I hear you, {firstName}.');

  // in the console: refused once (the edit stays), then agreed to
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByLabel('Main navigation').getByRole('button', { name: 'Inbox' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/Discard/);
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).toHaveValue('I hear you, {firstName}.');

  // closing (or reloading) the window: the browser's own question; dismissed, the window stays
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked.length).toBe(2);
  expect(asked[1]).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Main navigation').getByRole('button', { name: 'Inbox' }).click();
  await expect(page.getByTestId('conversation-row').first()).toBeVisible();
});
