import type { Page } from '@playwright/test';
import { waitForBackgroundSettled } from './backgroundSettled';
import { queueShown } from './queueShown';
import { expect, openConsoleWithDemo, test } from './webHostFixture';

/**
 * The emotional-connection index in the console, against the real web host and the demo: the
 * Customers page lists customers by stage with those at risk first; the customer panel shows the
 * index and what moved it; a follow-up cannot be promised for a time already past, and one that
 * has just fallen due shows overdue in the panel and flags the customer's conversations in the queue.
 */
test.describe.configure({ mode: 'serial' });

test('the Customers page lists customers by stage, with those at risk and why', async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  // the index is worked out in the background after the demo loads (and again once the backlog is
  // read): the counts are compared only once the host says that work has settled
  await waitForBackgroundSettled(webHost.url);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Customers' }).click();
  const rows = page.getByTestId('customer-row');
  // the list keeps showing the rows it had while it reads another stage: rows are read only once it has settled
  const list = page.getByRole('region', { name: 'Customers by connection' });
  await expect(list).toHaveAttribute('data-settled', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('customers-provisional')).toHaveCount(0);
  await expect(rows.first()).toBeVisible();

  const stages = page.getByRole('radiogroup', { name: 'Stage' });
  const countOf = async (label: string) => Number((await stages.getByText(new RegExp(`^${label} [\\d,]+$`)).textContent())!.replace(/\D/g, ''));
  await expect(stages.getByText(/^All [\d,]+$/)).toBeVisible();
  const friends = await countOf('Friend');
  const acquaintances = await countOf('Acquaintance');
  const stage = friends > 0 ? { label: 'Friend', value: 'friend' } : { label: 'Acquaintance', value: 'acquaintance' };
  expect(friends + acquaintances).toBeGreaterThan(0);

  await stages.getByText(new RegExp(`^${stage.label} `)).click();
  await expect(page.getByText(/^[\d,]+ customers?$/)).toHaveText(new RegExp(`^${stage.value === 'friend' ? friends : acquaintances} customers?$`));
  await expect(rows.first()).toHaveAttribute('data-stage', stage.value);
  await expect(list).toHaveAttribute('data-settled', 'true');
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-stage'))))).toEqual(new Set([stage.value]));

  // the at-risk section at the top of "All" gives each at-risk customer's reasons in words
  await stages.getByText(/^All /).click();
  await expect(list).toHaveAttribute('data-settled', 'true');
  if ((await countOf('At risk')) > 0) {
    const atRisk = page.getByRole('list', { name: 'At-risk customers' });
    await expect(atRisk.getByTestId('at-risk-reasons').first()).toHaveText(/\w+ \w+/);
    await atRisk.getByTestId('at-risk-customer').first().click();
    const detail = page.getByRole('complementary', { name: 'Customer connection' });
    await expect(detail.getByTestId('connection-stage')).toHaveText('At risk');
    await expect(detail.getByRole('list', { name: 'Why this customer is at risk' })).toBeVisible();
  }

  // choosing the highest-index customer shows what moved their index beside the list
  await rows.first().click();
  const detail = page.getByRole('complementary', { name: 'Customer connection' });
  await expect(detail.getByTestId('connection-score')).toHaveText(/^\d+(\.\d)?$/);
  await expect(detail.getByTestId('contribution').first()).toHaveText(/^[+−]\d+\.\d · \S/);
});

/** Chats have messages from both sides, so their customers' indexes always have something in them. */
async function firstChat(page: Page) {
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('Chat', { exact: true }).click();
  await queueShown(page);
  const first = page.getByTestId('conversation-row').first();
  await expect(first).toHaveAttribute('data-channel', 'chat');
  // held by its id: the queue is read again as follow-ups change, and its first row may then be another
  return page.locator(`[data-testid="conversation-row"][data-conversation-id="${await first.getAttribute('data-conversation-id')}"]`);
}

test('a customer panel shows the index and what moved it', async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  await (await firstChat(page)).click();
  const panel = page.getByRole('complementary', { name: 'Customer', exact: true });
  await expect(panel.getByTestId('connection-score')).toHaveText(/^\d+(\.\d)?$/);
  await expect(panel.getByTestId('connection-stage')).toHaveText(/^(Stranger|Acquaintance|Friend|Kin|At risk)$/);
  await expect(panel.getByTestId('contribution').first()).toHaveText(/^[+−]\d+\.\d · \S/);
  await panel.getByText('How is this worked out?').click();
  await expect(panel.getByText(/Every customer starts at 20/)).toBeVisible();
});

test('a follow-up cannot be promised for the past; one just fallen due shows overdue in the panel and flags the queue row', async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  const row = await firstChat(page);
  await expect(row.getByRole('img', { name: 'Follow-up overdue' })).toHaveCount(0);
  await row.click();
  const panel = page.getByRole('complementary', { name: 'Customer', exact: true });
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  // nothing said: the form says what it needs
  await panel.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(panel.getByText('Say what was promised')).toBeVisible();

  // the browser's wall-clock time `msAgo` before now, as the Due field takes it (to the minute)
  const localTimeAgo = (msAgo: number) =>
    page.evaluate((ago) => {
      const at = new Date(Date.now() - ago);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    }, msAgo);
  await panel.getByLabel('What was promised').fill('Ring back with the courier’s answer');
  // two days ago: a promise broken before it was made is refused, and the form says why
  await panel.getByLabel('Due').fill(await localTimeAgo(2 * 86_400_000 + 3_600_000));
  await panel.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(panel.getByText('This time is already past')).toBeVisible();
  await expect(panel.getByTestId('follow-up').filter({ hasText: 'Ring back with the courier’s answer' })).toHaveCount(0);

  // a minute ago (the time it took to type it) is still accepted, and is overdue at once
  await panel.getByLabel('Due').fill(await localTimeAgo(60_000));
  await panel.getByRole('button', { name: 'Save follow-up' }).click();

  const followUp = panel.getByTestId('follow-up').filter({ hasText: 'Ring back with the courier’s answer' });
  await expect(followUp).toHaveAttribute('data-overdue', 'true');
  await expect(followUp.getByTestId('follow-up-due')).toHaveText(/^overdue by \d+ minutes?$/);
  await expect(row.getByRole('img', { name: 'Follow-up overdue' })).toBeVisible();

  // done: the flag goes
  await followUp.getByRole('button', { name: 'Done: Ring back with the courier’s answer' }).click();
  await expect(followUp).toHaveCount(0);
  await expect(row.getByRole('img', { name: 'Follow-up overdue' })).toHaveCount(0);
});
