import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { upgradeStatus } from '../helpers/upgradeStatus';
import { look, teamServerForFile } from './teamServerFixture';
import { startWebHost, stopWebHost } from './webHostFixture';

const ADMIN = { name: 'Ada Admin', email: 'ada@kinship.test', password: 'purple kettle on the stairs' };
const AGENT = { name: 'Agnes Agent', email: 'agnes@kinship.test', password: 'seven green bottles hanging' };

// one person's whole path through a team server, in two browsers: on a loaded 2-core machine it takes minutes
test.describe.configure({ timeout: 300_000 });

const teamServer = teamServerForFile();

/** Waits for the console (its navigation), starting the workspace empty if it shows the welcome first. */
async function waitForConsole(page: Page): Promise<void> {
  const shell = page.getByRole('navigation', { name: 'Main navigation' });
  const startEmpty = page.getByRole('button', { name: /Start empty/ });
  await shell.or(startEmpty).first().waitFor();
  if (await startEmpty.isVisible()) await startEmpty.click();
  await shell.waitFor();
}

/** Serious or critical accessibility violations (axe) on the page, or inside `within` only. */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (within) axe = axe.include(within);
  const results = await axe.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

test('first admin from the setup link, an invited agent signs in elsewhere, is deactivated and signed out at once', async ({ browser }) => {
  const server = teamServer();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(server.setupLink);
  await expect(admin.getByRole('heading', { name: 'Set up the first admin' })).toBeVisible();
  // the one-time token leaves the address bar at once
  await expect.poll(() => admin.url()).toBe(server.url);
  await look(admin, 'setup');
  await admin.getByLabel('Your name').fill(ADMIN.name);
  await admin.getByLabel('E-mail address').fill(ADMIN.email);
  await admin.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await admin.getByLabel('Password again').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Create the admin account' }).click();
  await waitForConsole(admin);
  await expect(admin.getByRole('button', { name: /Signed in as Ada Admin \(Admin\)/ })).toBeVisible();
  // the session cookie: HttpOnly, SameSite=Strict (no TLS on loopback, so not Secure)
  const [cookie] = await adminContext.cookies();
  expect(cookie).toMatchObject({ name: 'kinship-session', httpOnly: true, sameSite: 'Strict', secure: false });
  expect(await admin.evaluate(() => document.cookie)).toBe('');

  // the setup link works once
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(server.setupLink);
  await expect(strangerPage.getByRole('alert')).toContainText('already been used');
  await stranger.close();

  // invite an agent from Settings → People
  await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  const people = admin.getByRole('region', { name: 'People' });
  await people.getByLabel('E-mail address').fill(AGENT.email);
  await people.getByLabel('Name', { exact: true }).fill('Agnes');
  await people.getByRole('button', { name: 'Invite' }).click();
  const linkBox = people.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkBox).toHaveValue(/#invite=[\w-]{43}$/);
  const invitation = await linkBox.inputValue();
  await expect(people.getByRole('table', { name: 'Open invitations' })).toContainText(AGENT.email);
  await people.scrollIntoViewIfNeeded();
  await look(admin, 'people');
  expect(await seriousViolations(admin, '[aria-labelledby="people-settings-title"]')).toEqual([]);

  // the agent, in a browser of their own
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.goto(invitation);
  await expect(agent.getByRole('heading', { name: 'Join your team on Kinship' })).toBeVisible();
  await expect(agent.getByText(`Invited as ${AGENT.email}`)).toBeVisible();
  await look(agent, 'invitation');
  await agent.getByLabel('Your name').fill(AGENT.name);
  await agent.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await agent.getByLabel('Password again').fill('short');
  await agent.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(agent.getByRole('alert')).toContainText('at least 12 characters');
  await agent.getByRole('textbox', { name: 'Password', exact: true }).fill(AGENT.password);
  await agent.getByLabel('Password again').fill(AGENT.password);
  await agent.getByRole('button', { name: 'Join and sign in' }).click();
  await waitForConsole(agent);
  await expect(agent.getByRole('button', { name: /Signed in as Agnes Agent \(Agent\)/ })).toBeVisible();
  // an agent has no People page
  await agent.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  await expect(agent.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(agent.getByRole('region', { name: 'People' })).toHaveCount(0);

  // the admin sees them signed in, and deactivates them
  await admin.reload();
  await waitForConsole(admin);
  const row = admin.getByRole('row').filter({ hasText: AGENT.email });
  await expect(row).toContainText('Signed in');
  // makes them a supervisor: their console says so at once, without a reload, and may now edit what supervisors edit
  await row.getByRole('textbox', { name: `${AGENT.name}'s role` }).click();
  await admin.getByRole('option', { name: 'Supervisor' }).click();
  await expect(row.getByRole('textbox', { name: `${AGENT.name}'s role` })).toHaveValue('Supervisor');
  await expect(agent.getByRole('button', { name: /Signed in as Agnes Agent \(Supervisor\)/ })).toBeVisible();
  await row.getByRole('button', { name: `Deactivate ${AGENT.name}` }).click();
  const dialog = admin.getByRole('dialog', { name: `Deactivate ${AGENT.name}?` });
  await look(admin, 'deactivate');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Deactivated');

  // the agent's console is signed out at once, without doing anything
  await expect(agent.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(agent.getByRole('status')).toContainText('Your session has ended');
  // and cannot sign in again
  await agent.getByLabel('E-mail address').fill(AGENT.email);
  await agent.getByLabel('Password').fill(AGENT.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await expect(agent.getByRole('alert')).toContainText('deactivated');

  // a WebSocket from a foreign origin is refused, even with the admin's session cookie
  const wsUrl = `${server.origin.replace('http', 'ws')}/api`;
  expect(await upgradeStatus(wsUrl, { Origin: 'https://evil.example', Cookie: `${cookie!.name}=${cookie!.value}` })).toBe(403);
  expect(await upgradeStatus(wsUrl, { Origin: server.origin, Cookie: `${cookie!.name}=${cookie!.value}` })).toBe(101);

  // the admin signs out
  await admin.getByRole('button', { name: /Signed in as Ada Admin/ }).click();
  await admin.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(admin.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(admin.getByRole('status')).toContainText('You are signed out');
  expect(await upgradeStatus(wsUrl, { Origin: server.origin, Cookie: `${cookie!.name}=${cookie!.value}` })).toBe(401);
  await adminContext.close();
  await agentContext.close();
});

test('a wrong password five times is rate-limited, with when to try again', async ({ browser }) => {
  const server = teamServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(ADMIN.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`not the password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('That e-mail address and password do not match an account here.');
    await expect(page.getByLabel('Password')).toHaveValue('');
  }
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many failed sign-ins for this account. Try again in 15 minutes.');
  await look(page, 'rate-limited');
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('the desk’s web host opened without its token still says which address to open (it has no sign-in)', async ({ page }) => {
  const desk = await startWebHost();
  try {
    await page.goto(desk.host.origin);
    await expect(page.getByRole('alert')).toContainText('This page needs the address the Kinship web host printed');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  } finally {
    await stopWebHost(desk);
  }
});
