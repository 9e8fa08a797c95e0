import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Coach playbook, once its heading shows: the panel. */
export async function openPlaybook(page: Page): Promise<Locator> {
  await page.getByLabel('Main navigation').getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Coach playbook' });
  await expect(panel.getByRole('heading', { name: 'Coach playbook' })).toBeVisible();
  return panel;
}

/** Opens the playbook's rule titled `title`, once its first wording shows: the rule. */
export async function openRule(page: Page, title: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Coach playbook' });
  const rule = panel.getByTestId('playbook-rule').filter({ has: page.getByRole('button', { name: title }) });
  await rule.getByRole('button', { name: title }).click();
  await expect(rule.getByRole('textbox', { name: 'Wording 1', exact: true })).toBeVisible();
  return rule;
}
