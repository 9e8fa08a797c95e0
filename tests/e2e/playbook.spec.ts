import AxeBuilder from '@axe-core/playwright';
import type { User } from '../../shared/contract/domain';
import { openPlaybook, openRule } from './playbookPanel';
import { directCalls, viewAs } from './viewAs';
import { expect, openConsoleWithDemo, test } from './webHostFixture';

/** Settings → Coach playbook: agents read it, supervisors change it, and a preview shows what it would do. */

test.describe.configure({ timeout: 300_000 });

const WORDING = 'I can hear how fed up you are, {firstName}, and I would be too.';

const READ_ONLY = 'Only a supervisor or an admin can change the playbook.';
test('agents read the playbook; a supervisor changes a wording, it persists, and the preview shows which rules fire', async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  // the desk's owner, the demo's team lead, views the console as an agent: labelled while it is on
  await expect(page.getByText('Signed in as')).toContainText('Hannah Cole (supervisor)');
  await viewAs(page, 'Aisha Khan (agent)');
  let panel = await openPlaybook(page);

  // an agent reads but cannot change
  await expect(panel.getByText(READ_ONLY)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toHaveCount(0);
  let rule = await openRule(page, 'Acknowledge the frustration');
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).toBeDisabled();
  await expect(panel.getByRole('switch', { name: 'Use the rule “Acknowledge the frustration”' })).toBeDisabled();

  // a supervisor can: the owner stops viewing as Aisha
  await viewAs(page, null);
  await expect(panel.getByText(READ_ONLY)).toHaveCount(0);
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).toBeEnabled();
  await rule.getByRole('textbox', { name: 'Wording 1', exact: true }).fill('Hi {frstName}');
  await expect(rule.getByText(/Unknown placeholder \{frstName\}/).first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await rule.getByRole('textbox', { name: 'Wording 1', exact: true }).fill(WORDING);
  await expect(panel.getByTestId('unsaved-changes')).toBeVisible();
  expect(await new AxeBuilder({ page }).include('[data-testid="coach-settings"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`))).toEqual([]);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('unsaved-changes')).toHaveCount(0);
  await expect(panel.getByText('Changed by a supervisor')).toBeVisible();

  // it persisted
  await page.reload();
  // the page stays where it was (Settings): wait for the console itself
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  panel = await openPlaybook(page);
  rule = await openRule(page, 'Acknowledge the frustration');
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).toHaveValue(WORDING);

  // the preview runs the playbook on a demo conversation (the most upset one is picked first)
  await expect(panel.getByLabel('Conversation', { exact: true })).not.toHaveValue('');
  await expect(panel.getByTestId('preview-rule').first()).toBeVisible();
  const rules = await panel.getByTestId('playbook-rule').count();
  await expect(panel.getByTestId('preview-rule')).toHaveCount(rules);
  await expect(panel.locator('[data-testid="preview-rule"][data-fired="true"]').first()).toBeVisible();
  await expect(panel.getByTestId('preview-suggestion').first()).toBeVisible();
  await expect(panel.getByRole('heading', { name: /^Every rule \(\d+ of \d+ fired\)$/ })).toBeVisible();

  // turning off a rule that was shown takes it out of the preview, unsaved
  const shownTitle = (await panel.getByTestId('preview-suggestion').first().locator('p').first().textContent())!.trim();
  // (from the keyboard: the switch's track covers its input)
  await panel.getByRole('switch', { name: `Use the rule “${shownTitle}”` }).focus();
  await page.keyboard.press('Space');
  await expect(panel.getByTestId('preview-rule').filter({ hasText: shownTitle }).first()).toContainText('Turned off');
  await expect(panel.getByTestId('preview-suggestion').filter({ hasText: shownTitle })).toHaveCount(0);

  // back to the default (confirmed), so no other test meets this playbook
  await panel.getByRole('button', { name: 'Restore defaults' }).click();
  await page.getByRole('dialog', { name: 'Restore the default playbook?' }).getByRole('button', { name: 'Restore defaults' }).click();
  await expect(panel.getByText('Kinship’s default')).toBeVisible();
  await expect(panel.getByTestId('unsaved-changes')).toHaveCount(0);
  // the rule is still open, now with the default wording
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).not.toHaveValue(WORDING);
});

test('a direct WebSocket call of a forbidden method is refused and changes nothing; nobody can switch role', async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  const [users, current] = await directCalls(webHost.url, [
    { method: 'users.list', input: {} },
    { method: 'playbook.get', input: {} },
  ]);
  const aisha = (users?.ok ? (users.value as User[]) : []).find((user) => user.name === 'Aisha Khan')!;
  const playbook = current?.ok ? (current.value as { playbook: { rules: { enabled: boolean }[] } }).playbook : null;
  expect(playbook).not.toBeNull();
  const off = { ...playbook!, rules: playbook!.rules.map((rule) => ({ ...rule, enabled: false })) };
  const [view, save, setRole, after] = await directCalls(webHost.url, [
    // a script viewing its connection as the agent gets no more than the agent may
    { method: 'session.viewAs', input: { userId: aisha.id } },
    { method: 'playbook.save', input: { playbook: off } },
    // there is no call that changes anyone's role
    { method: 'session.setRole', input: { role: 'supervisor' } },
    { method: 'playbook.get', input: {} },
  ]);
  expect(view).toMatchObject({ ok: true, value: { role: 'agent', viewingAs: { name: 'Aisha Khan' } } });
  expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(setRole).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  expect(after).toMatchObject({ ok: true, value: { isDefault: true, canEdit: false } });

  // and the agent's view in the console cannot reach the editor either; other consoles are not touched
  await viewAs(page, 'Aisha Khan (agent)');
  const panel = await openPlaybook(page);
  await expect(panel.getByText(READ_ONLY)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toHaveCount(0);
  const [elsewhere] = await directCalls(webHost.url, [{ method: 'playbook.get', input: {} }]);
  expect(elsewhere).toMatchObject({ ok: true, value: { canEdit: true } });
});
