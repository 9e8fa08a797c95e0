import { expect, test } from '@playwright/test';
import type { RunningWebHost } from '../../electron/web/runWebHost';
import { startHostInProcess } from './inProcessHost';
import { queueShown } from './queueShown';

/**
 * Teams end to end, in Chromium against the desk's web host: the desk's owner (an admin of a desk
 * nobody has named) makes a team in Settings, assigns a chat to it from the header's "Assign to",
 * finds it under "My teams" with the team on its row, and takes it from the team's queue.
 */
let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startHostInProcess();
  const workspace = host.services.workspace;
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  await workspace.ingestion.ingest({
    channel: 'chat',
    customer: { displayName: 'Nadia Brook', identities: [{ kind: 'chat', value: 'nadia-teams' }] },
    conversation: { externalRef: 'nadia-teams-chat', subject: 'Return a lamp' },
    message: { author: 'customer', body: 'How do I send the lamp back?', sentAt: Date.now() - 60_000, externalId: 'nadia-teams-1' },
  });
});
test.afterAll(async () => {
  await host?.stop();
});

test('an admin makes a team; a conversation assigned to it shows the team, is in "My teams", and is taken from there', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

  // Settings → Teams: a new team with the desk's owner on it
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('button', { name: 'New team' }).click();
  await teams.getByLabel('Team name').fill('Returns');
  await teams.getByRole('textbox', { name: 'Members' }).click();
  await page.getByRole('option', { name: 'Desk owner' }).click();
  await teams.getByRole('button', { name: 'Create team' }).click();
  await expect(teams.getByTestId('team-setting').filter({ hasText: 'Returns' })).toContainText('Desk owner');

  // the chat, assigned to the team from its header
  await page.evaluate(() => {
    window.location.hash = '#/inbox?status=all&sort=recent';
  });
  await queueShown(page);
  const row = page.getByTestId('conversation-row').filter({ hasText: 'Nadia Brook' });
  await row.click();
  const conversation = page.getByRole('article', { name: 'Conversation with Nadia Brook' });
  await conversation.getByRole('button', { name: 'Unassigned: change who has it' }).click();
  await page.getByRole('menuitem', { name: 'Team Returns' }).click();
  await expect(conversation.getByTestId('assignee').getByLabel('Team: Returns')).toBeVisible();
  await expect(row.getByLabel('Team: Returns')).toBeVisible();

  // "My teams" has it, nobody's yet: taken from the team's queue, it stays the team's
  await page.getByRole('textbox', { name: 'Team filter' }).click();
  await page.getByRole('option', { name: 'My teams' }).click();
  await queueShown(page);
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await expect(page).toHaveURL(/team=mine/);
  await conversation.getByRole('button', { name: /^Take/ }).click();
  await expect(conversation.getByRole('button', { name: 'Yours: change who has it' })).toBeVisible();
  await expect(conversation.getByTestId('assignee').getByLabel('Team: Returns')).toBeVisible();
});
