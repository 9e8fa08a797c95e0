import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { queueShown } from './queueShown';
import { look, teamServerForFile } from './teamServerFixture';

const ADA = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const HANNAH = { name: 'Hannah Brandt', email: 'hannah@kinship.test', password: 'seven green bottles hanging' };

// two people in two browsers over a team server with the demo loaded: minutes on a loaded 2-core machine
test.describe.configure({ timeout: 900_000 });

const teamServer = teamServerForFile();

/** The inbox on every conversation, newest first: both people see the same list. */
async function showAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/inbox?status=all&sort=recent';
  });
  await page.getByTestId('conversation-row').first().waitFor();
  await queueShown(page);
}

/**
 * Ada's console's WebSocket, through a route the test can cut: `drop()` ends the connection at both
 * ends (as a dropped network would) and refuses new ones until `restore()`.
 */
async function cuttable(page: Page) {
  let down = false;
  const live: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/api(\?.*)?$/, (ws) => {
    if (down) {
      void ws.close({ code: 1006, reason: 'network down' }).catch(() => undefined);
      return;
    }
    live.push({ page: ws, server: ws.connectToServer() });
  });
  return {
    async drop() {
      down = true;
      for (const pair of live.splice(0)) {
        await pair.server.close().catch(() => undefined);
        await pair.page.close({ code: 1006, reason: 'network down' }).catch(() => undefined);
      }
    },
    restore() {
      down = false;
    },
  };
}

test('two people on one queue: viewing and typing show, go when they stop, survive a dropped connection, and go after the grace period', async ({ browser }) => {
  const server = teamServer();
  // Ada, the first admin, loads the demo and invites Hannah
  const adaContext = await browser.newContext();
  const ada = await adaContext.newPage();
  const adaLine = await cuttable(ada);
  await ada.goto(server.setupLink);
  await ada.getByLabel('Your name').fill(ADA.name);
  await ada.getByLabel('E-mail address').fill(ADA.email);
  await ada.getByRole('textbox', { name: 'Password', exact: true }).fill(ADA.password);
  await ada.getByLabel('Password again').fill(ADA.password);
  await ada.getByRole('button', { name: 'Create the admin account' }).click();
  await ada.getByRole('button', { name: 'Load the demo workspace' }).click();
  await ada.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await ada.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  const people = ada.getByRole('region', { name: 'People' });
  await people.getByLabel('E-mail address').fill(HANNAH.email);
  await people.getByRole('button', { name: 'Invite' }).click();
  const invitation = await people.getByRole('textbox', { name: 'Invitation link' }).inputValue();

  const hannahContext = await browser.newContext();
  const hannah = await hannahContext.newPage();
  await hannah.goto(invitation);
  await hannah.getByLabel('Your name').fill(HANNAH.name);
  await hannah.getByRole('textbox', { name: 'Password', exact: true }).fill(HANNAH.password);
  await hannah.getByLabel('Password again').fill(HANNAH.password);
  await hannah.getByRole('button', { name: 'Join and sign in' }).click();
  await hannah.getByRole('navigation', { name: 'Main navigation' }).waitFor();

  // presence: Ada sees Hannah online beside her name in People (read again: Hannah has joined since)
  await ada.reload();
  const hannahRow = people.getByRole('row').filter({ hasText: HANNAH.email });
  await expect(hannahRow.getByRole('img', { name: `${HANNAH.name} is online` })).toBeVisible();
  await hannahRow.scrollIntoViewIfNeeded();
  await look(ada, 'presence-people');

  await showAll(ada);
  await showAll(hannah);
  // the same conversation for both: the newest chat
  const conversationId = await hannah.locator('[data-testid="conversation-row"][data-channel="chat"]').first().getAttribute('data-conversation-id');
  // held by its id: the queue may be read again (and reordered) before the click
  const first = hannah.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  const customer = (await first.getByTestId('row-name').innerText()).trim();
  const adaRow = ada.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  await expect(adaRow).toBeVisible();
  await expect(adaRow.getByTestId('row-activity')).toHaveCount(0);

  // Hannah opens it: Ada sees "Hannah is viewing" on its row
  await first.click();
  await hannah.getByRole('article', { name: `Conversation with ${customer}` }).waitFor();
  await expect(adaRow.getByRole('img', { name: 'Hannah is viewing' })).toBeVisible();
  // and on its header, once she opens it too; Hannah never sees herself there, only Ada
  await adaRow.click();
  const adaHeader = ada.getByRole('article', { name: `Conversation with ${customer}` }).getByTestId('conversation-activity');
  await expect(adaHeader).toHaveText('Hannah is viewing');
  const hannahHeader = hannah.getByRole('article', { name: `Conversation with ${customer}` }).getByTestId('conversation-activity');
  await expect(hannahHeader).toHaveText('Ada is viewing');

  // Hannah types a reply: Ada sees it on the header and the row; it goes when she stops typing
  const reply = hannah.getByRole('textbox', { name: `Reply to ${customer}` });
  await reply.click();
  await reply.pressSequentially('Let me look into that for you', { delay: 20 });
  await expect(adaHeader).toHaveText('Hannah is typing a reply…');
  await expect(adaRow.getByRole('img', { name: 'Hannah is typing a reply' })).toBeVisible();
  // the look of it, at both sizes, while she types on
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await ada.setViewportSize({ width, height });
    await reply.pressSequentially(' and', { delay: 20 });
    await expect(adaHeader).toHaveText('Hannah is typing a reply…');
    await ada.screenshot({ path: test.info().outputPath(`typing-${width}x${height}.png`) });
  }
  await ada.setViewportSize({ width: 1440, height: 900 });
  // the account menu: Ada's own presence, and the team's
  await ada.getByRole('button', { name: /Signed in as Ada Admin \(Admin\), online/ }).click();
  await expect(ada.getByTestId('team-presence').locator(`[data-person="${HANNAH.name}"]`)).toHaveAttribute('data-presence', 'online');
  await look(ada, 'presence-menu');
  await ada.keyboard.press('Escape');
  // she stops: after a pause "typing" goes by itself (the host is told; Ada's console hears it)
  await expect(adaHeader).toHaveText('Hannah is viewing');
  await look(ada, 'viewing');

  // Ada's connection drops; Hannah writes a note meanwhile; Ada's console comes back and shows it, once
  await adaLine.drop();
  await expect(ada.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await reply.fill('');
  await hannah.getByRole('radiogroup', { name: 'Write a' }).getByText('Internal note').click();
  const note = hannah.getByRole('textbox', { name: 'Internal note (only your team sees it)' });
  await note.fill('Courier confirmed the parcel left the depot this morning.');
  await note.press('Control+Enter');
  await expect(hannah.getByRole('article', { name: `Conversation with ${customer}` }).getByText('Courier confirmed the parcel left the depot this morning.')).toHaveCount(1);
  adaLine.restore();
  // the browser says it is online again: the console tries at once
  await ada.evaluate(() => window.dispatchEvent(new Event('online')));
  const adaThread = ada.getByRole('article', { name: `Conversation with ${customer}` });
  await expect(adaThread.getByText('Courier confirmed the parcel left the depot this morning.')).toHaveCount(1);
  await expect(ada.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
  // and who is viewing is told afresh on the new connection
  await expect(adaHeader).toHaveText('Hannah is viewing');

  // Hannah's page closes: after the grace period she no longer views it, and is offline
  await hannah.close();
  await expect(adaHeader).toHaveText('', { timeout: 90_000 });
  await expect(adaRow.getByTestId('row-activity')).toHaveCount(0);
  await ada.getByRole('button', { name: /Signed in as Ada Admin/ }).click();
  await expect(ada.getByTestId('team-presence').locator(`[data-person="${HANNAH.name}"]`)).toHaveAttribute('data-presence', 'offline');
  await adaContext.close();
  await hannahContext.close();
});
