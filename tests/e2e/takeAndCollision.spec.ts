import { expect, test, type Browser, type Page } from '@playwright/test';
import { AUTH_PATHS, type NewInvitation } from '../../shared/contract/people';
import { postFromPage } from './postFromPage';
import { queueShown } from './queueShown';
import { look, startTeamServer, stopTeamServer, type TeamServer } from './teamServerFixture';

/**
 * One live queue on a team server: two agents signed in, each in a browser of their own, take the
 * same unassigned conversation at once (one gets it, the other is told who has it), and a reply
 * written while a colleague answered is held until its author reads it or sends it anyway.
 */
const ADMIN = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const AISHA = { name: 'Aisha Khan', email: 'aisha@kinship.test', password: 'seven green bottles hanging' };
const BILAL = { name: 'Bilal Osei', email: 'bilal@kinship.test', password: 'four quiet owls at midnight' };

// the demo loads on the server, and two browsers work on it: on a loaded 2-core machine it takes minutes
test.describe.configure({ timeout: 300_000 });

let server: TeamServer;
test.beforeAll(async () => {
  server = await startTeamServer();
});
test.afterAll(async () => {
  await stopTeamServer(server);
});

/** Waits for the console, starting from the welcome by loading the demo if it shows first. */
async function waitForConsole(page: Page, loadDemo = false): Promise<void> {
  const shell = page.getByRole('navigation', { name: 'Main navigation' });
  if (loadDemo) await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  await shell.waitFor();
}

/** An agent invited by the admin, signed in in a browser of their own. */
async function agentJoins(browser: Browser, admin: Page, person: typeof AISHA): Promise<Page> {
  const invited = await postFromPage<NewInvitation>(admin, AUTH_PATHS.invite, { email: person.email, name: person.name, role: 'agent' });
  const token = new URL(invited.link).hash.replace(/^#invite=/, '');
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await postFromPage(page, AUTH_PATHS.invitation, { token, name: person.name, password: person.password });
  await page.goto(server.url);
  await waitForConsole(page);
  await expect(page.getByRole('button', { name: new RegExp(`Signed in as ${person.name}`) })).toBeVisible();
  return page;
}

/** Shows the open, unassigned chats in the queue. */
async function showUnassignedChats(page: Page): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: 'Unassigned', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Assignee' })).toHaveValue('Unassigned');
  await queueShown(page);
  await expect(page.getByTestId('conversation-row').first()).toBeVisible();
}

const header = (page: Page) => page.getByRole('article').locator('header');
const replyBox = (page: Page) => page.getByRole('textbox', { name: /^Reply to / });

/** Sends the reply in the box, through the draft check if it has something to say. */
async function sendReply(page: Page, text: string): Promise<void> {
  await replyBox(page).fill(text);
  await page.getByRole('button', { name: /^Send/ }).first().click();
  const thread = page.getByRole('log', { name: 'Messages' });
  const check = page.getByRole('button', { name: 'Send anyway' });
  await expect(thread.getByText(text).or(check).first()).toBeVisible();
  if (await check.isVisible()) await check.click();
  await expect(thread.getByText(text)).toBeVisible();
}

test('two agents take the same conversation at once: one gets it, the other is told; a reply written while a colleague answered is held', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(server.url);
  await postFromPage(admin, AUTH_PATHS.setup, { token: new URL(server.setupLink).hash.replace(/^#setup=/, ''), ...ADMIN });
  await admin.goto(server.url);
  await waitForConsole(admin, true);
  await expect(admin.getByTestId('conversation-row').first()).toBeVisible();

  const aisha = await agentJoins(browser, admin, AISHA);
  const bilal = await agentJoins(browser, admin, BILAL);

  // an unassigned chat, out of its team's queue (the demo's are in a team's queue, and only someone on
  // a team takes its conversations: Aisha and Bilal, new here, are on none): the admin takes it out
  await showUnassignedChats(admin);
  const conversationId = await admin.getByTestId('conversation-row').first().getAttribute('data-conversation-id');
  await admin.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`).click();
  const teamBadge = header(admin).getByTestId('assignee').getByLabel(/^Team: /);
  if ((await teamBadge.count()) > 0) {
    await header(admin).getByRole('button', { name: 'Unassigned: change who has it' }).click();
    await admin.getByRole('menuitem', { name: /^Remove from / }).click();
    await expect(teamBadge).toHaveCount(0);
  }

  // both see the same unassigned chat
  await showUnassignedChats(aisha);
  // held by its id: the queue may be read again (and reordered) before the click
  await aisha.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`).click();
  await showUnassignedChats(bilal);
  await bilal.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`).click();
  for (const page of [aisha, bilal]) {
    await expect(header(page).getByRole('button', { name: 'Unassigned: change who has it' })).toBeVisible();
    await expect(header(page).getByRole('button', { name: /^Take/ })).toHaveAttribute('aria-keyshortcuts', 'a');
  }

  // both take it at once, by its key (a button may already be gone from the console that hears of the other's take first)
  await Promise.all([aisha, bilal].map((page) => page.keyboard.press('a')));
  const told = [aisha, bilal].map((page) => page.getByTestId('taken-notice'));
  // exactly one of them is told
  await expect.poll(async () => (await told[0]!.count()) + (await told[1]!.count())).toBe(1);
  const aishaWon = (await told[0]!.count()) === 0;
  const [winner, loser, winnerName] = aishaWon ? [aisha, bilal, AISHA.name] : [bilal, aisha, BILAL.name];
  await expect(loser.getByTestId('taken-notice')).toContainText(new RegExp(`${winnerName} took this (just now|\\d+ s ago)\\. It is theirs now: nothing was changed\\.`));
  await expect(header(loser).getByRole('button', { name: `${winnerName}: change who has it` })).toBeVisible();
  await expect(header(winner).getByRole('button', { name: 'Yours: change who has it' })).toBeVisible();
  await expect(winner.getByTestId('taken-notice')).toHaveCount(0);
  // an agent cannot take a colleague's conversation away: the picker says why
  await header(loser).getByRole('button', { name: `${winnerName}: change who has it` }).click();
  await expect(loser.getByRole('menu')).toContainText('only supervisors and admins reassign a colleague’s conversation');
  await expect(loser.getByRole('menuitem', { name: /\(you\)/ })).toBeDisabled();
  await loser.keyboard.press('Escape');
  await look(loser, 'take-refused');

  // the one who lost writes a reply; the one who has it answers first
  const draft = 'Thank you for waiting, I am looking into this for you right now.';
  await replyBox(loser).fill(draft);
  const first = 'Hello, I have this one and I am on it. You will hear from me within the hour.';
  await sendReply(winner, first);
  // it reaches the other console while the draft is there
  await expect(loser.getByRole('log', { name: 'Messages' }).getByText(first)).toBeVisible();
  await loser.getByRole('button', { name: /^Send/ }).first().click();
  const banner = loser.getByTestId('collision-banner');
  await expect(banner).toContainText(new RegExp(`${winnerName} replied (just now|\\d+ s ago)`));
  await expect(banner).toContainText(first);
  await expect(replyBox(loser)).toHaveValue(draft);
  await look(loser, 'collision-held');

  // "Read it": the reply shown, the draft kept; sent now, it goes
  await banner.getByRole('button', { name: 'Read it' }).click();
  await expect(banner).toHaveCount(0);
  await expect(replyBox(loser)).toHaveValue(draft);
  await expect(loser.locator('[data-focused]').filter({ hasText: first })).toBeVisible();

  // another reply from the colleague while the draft waits: held again, and sent anyway
  const second = 'Update: a replacement has been booked for tomorrow morning.';
  await sendReply(winner, second);
  await expect(loser.getByRole('log', { name: 'Messages' }).getByText(second)).toBeVisible();
  await loser.getByRole('button', { name: /^Send/ }).first().click();
  await expect(banner).toContainText(second);
  await banner.getByRole('button', { name: 'Send anyway' }).click();
  // the banner goes once the send is answered (sent, or the draft check's turn): its own button is not the check's
  await expect(banner).toHaveCount(0);
  // the draft check may speak next (the override goes with it)
  const thread = loser.getByRole('log', { name: 'Messages' });
  const check = loser.getByRole('button', { name: 'Send anyway' });
  await expect(thread.getByText(draft).or(check).first()).toBeVisible();
  if (await check.isVisible()) await check.click();
  await expect(thread.getByText(draft)).toBeVisible();
  await expect(replyBox(loser)).toHaveValue('');
  // and the colleague sees it arrive
  await expect(winner.getByRole('log', { name: 'Messages' }).getByText(draft)).toBeVisible();
});
