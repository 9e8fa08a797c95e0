import { expect, type Page } from '@playwright/test';

/**
 * Waits until the queue shows the view last chosen: a new view's list is read first (the list is
 * not there meanwhile), and a list being read again says so (`aria-busy`). Rows read before this
 * may be none, or the previous view's.
 */
export async function queueShown(page: Page): Promise<void> {
  const list = page.getByRole('region', { name: 'Conversations' });
  await expect(list).toBeVisible();
  await expect(list).toHaveAttribute('aria-busy', 'false');
}

/** Chooses `option` in the queue's `select` (Status, Sort, Mood, Tag filter…) and waits until the queue shows it. */
export async function chooseInQueue(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('textbox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await queueShown(page);
}
