import type { Locator, Page } from '@playwright/test';
import { waitForBackgroundSettled } from './backgroundSettled';
import { startTeamServer, stopTeamServer } from './teamServerFixture';
import { expect, openConsoleWithDemo, test } from './webHostFixture';
import { queueShown } from './queueShown';
import { viewAs } from './viewAs';

/**
 * What an agent sees fits the window, at 1440×900 and at 1280×720, as the desk's owner (a supervisor)
 * and as an agent: nothing a person needs is cut off, squeezed or laid over something else.
 */

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Layout boxes are fractional: half a pixel either way is rounding, not clipping. */
const ROUNDING = 0.5;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no box for ${locator.toString()}`);
  return found;
}

/** Whether `inner` lies wholly inside `outer`. */
function within(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - ROUNDING &&
    inner.y >= outer.y - ROUNDING &&
    inner.x + inner.width <= outer.x + outer.width + ROUNDING &&
    inner.y + inner.height <= outer.y + outer.height + ROUNDING
  );
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - ROUNDING && b.x < a.x + a.width - ROUNDING && a.y < b.y + b.height - ROUNDING && b.y < a.y + a.height - ROUNDING;
}

/** The middle of a box, up and down. */
const middle = (of: Box) => of.y + of.height / 2;

/** Whether a box's middle lies within another's height: the two sit on one row. */
const sameRow = (a: Box, b: Box) => middle(a) >= b.y - ROUNDING && middle(a) <= b.y + b.height + ROUNDING;

/** Whether an element's own text overflows it (clipped or cut with an ellipsis). */
const overflows = (locator: Locator) => locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);

const reply = (page: Page) => page.getByRole('textbox', { name: /^Reply to / });
const coach = (page: Page) => page.getByRole('region', { name: 'Coach suggestions' });

/** Opens the most upset open conversation (it has three coach suggestions in the demo); of those nobody has, with `unassigned`. */
async function openMostUpset(page: Page, { unassigned = false } = {}) {
  // unassigned: nobody's, in a team of the person's (a conversation of a team is taken only by someone on it)
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/inbox?sort=upset${unassigned ? '&assignee=unassigned&team=mine' : ''}`);
  await page.getByRole('textbox', { name: 'Sort' }).and(page.locator('[value="Most upset first"]')).waitFor();
  if (unassigned) await expect(page.getByRole('textbox', { name: 'Assignee' })).toHaveValue('Unassigned');
  // the view is read first: its first row, not the previous view's
  await queueShown(page);
  await page.getByTestId('conversation-row').first().click();
  await page.getByRole('log', { name: 'Messages' }).waitFor();
}

async function setCoach(page: Page, open: boolean) {
  const fold = coach(page).getByTestId('coach-fold');
  if ((await fold.getAttribute('aria-expanded')) !== String(open)) await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', String(open));
}

test.beforeEach(async ({ page, webHost }) => {
  await openConsoleWithDemo(page, webHost.url);
  // the coach's suggestions come from the readings
  await waitForBackgroundSettled(webHost.url);
});

for (const person of [null, 'Aisha Khan (agent)']) {
  const who = person ?? 'the desk’s owner (supervisor)';

  test(`every coach card is whole and its Insert button inside the panel and clickable, as ${who}`, async ({ page }) => {
    if (person) await viewAs(page, person);
    await openMostUpset(page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await setCoach(page, true);
      const cards = coach(page).getByTestId('coach-prompt');
      await expect(cards).toHaveCount(3);
      // the cards' panel: what the fold line opens
      const panel = coach(page).locator(`[id="${await coach(page).getByTestId('coach-fold').getAttribute('aria-controls')}"]`);
      const viewport = { x: 0, y: 0, ...size };
      // as it opens, before anything is scrolled: no card is cut at the panel's side
      for (const card of await cards.all()) {
        const [cardBox, panelBox] = [await box(card), await box(panel)];
        expect(cardBox.x >= panelBox.x - ROUNDING && cardBox.x + cardBox.width <= panelBox.x + panelBox.width + ROUNDING, `${size.width}×${size.height}: a card is cut at the panel's side`).toBe(true);
      }
      for (const card of await cards.all()) {
        const insert = card.getByRole('button', { name: /^Insert/ });
        // scrolled to within the panel, as the agent would (Playwright's "if needed" leaves a half-shown button be)
        await insert.evaluate((element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
        const panelBox = await box(panel);
        // the panel scrolls up and down only: no card is cut at its side
        const cardBox = await box(card);
        expect(cardBox.x, `${size.width}×${size.height}: a card starts left of the panel`).toBeGreaterThanOrEqual(panelBox.x - ROUNDING);
        expect(cardBox.x + cardBox.width, `${size.width}×${size.height}: a card is cut at the panel's right`).toBeLessThanOrEqual(panelBox.x + panelBox.width + ROUNDING);
        const insertBox = await box(insert);
        expect(within(insertBox, panelBox), `${size.width}×${size.height}: Insert outside the coach panel`).toBe(true);
        expect(within(insertBox, viewport), `${size.width}×${size.height}: Insert outside the window`).toBe(true);
        // nothing lies over it: the point at its middle is the button
        const hit = await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null,
          { x: insertBox.x + insertBox.width / 2, y: insertBox.y + insertBox.height / 2 },
        );
        expect(hit).toBe(await insert.getAttribute('aria-label'));
      }
      // the fold line and the reply's tabs never lie over one another
      expect(overlap(await box(coach(page).getByTestId('coach-fold')), await box(page.getByRole('radiogroup', { name: 'Write a' })))).toBe(false);
    }
    // the last card's Insert, at 1280×720, puts its words into the reply (once, as the agent: an
    // inserted suggestion is settled and leaves the coach, and the next test counts on three)
    if (!person) return;
    const words = (await coach(page).getByTestId('coach-prompt').last().getByTestId('coach-text').textContent())!.replace(/^“|”$/g, '');
    // the card read, held by its words
    await coach(page).getByTestId('coach-prompt').filter({ hasText: words }).getByRole('button', { name: /^Insert/ }).click();
    await expect(reply(page)).toHaveValue(words);
    await reply(page).fill('');
  });

  test(`the conversation header keeps the subject and its pane actions on one row, as ${who}`, async ({ page }) => {
    if (person) await viewAs(page, person);
    // nobody's conversations: each header offers Take (to the owner and to an agent alike)
    await openMostUpset(page, { unassigned: true });
    const checkHeader = async (article: Locator, where: string) => {
      const title = article.getByRole('heading', { level: 2 });
      const actions = article.getByRole('button', { name: /^(Keep this conversation open beside|Open the conversation in its own window|Close the conversation kept beside)/ });
      expect(await actions.count()).toBeGreaterThan(0);
      const titleBox = await box(title);
      for (const action of await actions.all()) {
        expect(sameRow(await box(action), titleBox), `${where}: ${await action.getAttribute('aria-label')} is not on the subject's row`).toBe(true);
      }
      // a subject that does not fit is cut with an ellipsis, and whole in its title
      await expect(title).toHaveAttribute('title', (await title.textContent())!);
      // taking it and whose it is sit on one row
      const take = article.getByRole('button', { name: /^Take/ });
      await expect(take).toBeVisible();
      const whose = article.getByRole('button', { name: 'Unassigned: change who has it' });
      expect(sameRow(await box(take), await box(whose)), `${where}: Take is not on the row of whose it is`).toBe(true);
    };
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await checkHeader(page.getByRole('article'), `${size.width}×${size.height}`);
    }
    // two side by side, at the smaller size
    await page.getByTestId('conversation-row').first().click();
    await page.locator('body').press('b');
    await page.getByTestId('conversation-row').nth(1).click();
    await expect(page.getByRole('article')).toHaveCount(2);
    for (const [index, article] of (await page.getByRole('article').all()).entries()) {
      await checkHeader(article, `1280×720, side by side, pane ${index + 1}`);
      // the reply's switch stays inside its pane (its words cut with an ellipsis when they must be)
      const articleBox = await box(article);
      for (const choice of await article.getByRole('radiogroup', { name: 'Write a' }).locator('label').all()) {
        expect(within(await box(choice), articleBox), `pane ${index + 1}: “${await choice.textContent()}” runs out of the pane`).toBe(true);
      }
    }
    await page.locator('body').press('Shift+B');
    await expect(page.getByRole('article')).toHaveCount(1);
    await page.setViewportSize(SIZES[0]);
  });

  test(`a right-to-left draft is laid out right to left, and the tone line neither says “start typing” beside it nor runs under Send, as ${who}`, async ({ page }) => {
    if (person) await viewAs(page, person);
    await openMostUpset(page);
    await setCoach(page, false);
    const tone = page.getByTestId('draft-tone');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await reply(page).fill('شكرا لصبرك، وصل طلبك إلى مركز التوزيع.');
      // asked at once, before the draft has been read: the line says it is being read, never "start typing"
      expect(await tone.textContent()).not.toContain('start typing');
      const layout = await reply(page).evaluate((element) => {
        const style = getComputedStyle(element);
        return { direction: style.direction, textAlign: style.textAlign };
      });
      expect(layout.direction).toBe('rtl');
      expect(['start', 'right']).toContain(layout.textAlign);
      await expect(tone.getByTestId('draft-tone-label')).toBeVisible();
      expect(await tone.textContent()).not.toContain('start typing');
      // the line with the tone and the reading never runs under Send
      const send = page.getByRole('button', { name: /^Send/ });
      for (const part of await tone.locator(':scope > *').all()) expect(overlap(await box(part), await box(send)), `${size.width}×${size.height}: the tone line runs under Send`).toBe(false);
      expect(await overflows(tone)).toBe(false);
      // Hebrew too; and an empty draft asks for typing again
      await reply(page).fill('שלום, אני בודקת את ההזמנה שלך עכשיו.');
      expect(await reply(page).evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
      await reply(page).fill('');
      await expect(tone).toContainText('start typing');
    }
    await page.setViewportSize(SIZES[0]);
  });
}

test('the Customers list’s columns fit beside the customer’s panel, captions over their cells', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Customers' }).click();
  const firstRow = page.getByTestId('customer-row').first();
  // the scrolling list the rows are in
  const list = page.getByRole('region', { name: 'Customers', exact: true }).filter({ has: firstRow });
  await firstRow.waitFor();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const listBox = await box(list);
    const captions = page.getByTestId('customer-columns').locator(':scope > *');
    const cells = firstRow.locator(':scope > *');
    const shown = async (all: Locator[]) => (await Promise.all(all.map(async (one) => ((await one.isVisible()) ? one : null)))).filter((one): one is Locator => one !== null);
    const shownCaptions = await shown(await captions.all());
    const shownCells = await shown(await cells.all());
    expect(shownCaptions.length, `${size.width}×${size.height}: captions and cells differ`).toBe(shownCells.length);
    for (const [index, caption] of shownCaptions.entries()) {
      const captionBox = await box(caption);
      const where = `${size.width}×${size.height}: “${await caption.textContent()}”`;
      expect(captionBox.x + captionBox.width, `${where} runs out of the list`).toBeLessThanOrEqual(listBox.x + listBox.width + ROUNDING);
      expect(await overflows(caption), `${where} is cut`).toBe(false);
      // its cell starts under it
      expect(Math.abs((await box(shownCells[index]!)).x - captionBox.x), `${where} is not over its cell`).toBeLessThan(2);
    }
  }
  await page.setViewportSize(SIZES[0]);
});

test('a playbook rule’s kind and priority are readable whole', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  const playbook = page.getByTestId('coach-settings');
  await playbook.getByTestId('playbook-rule').first().getByRole('button').last().click();
  const kind = playbook.getByRole('textbox', { name: 'Kind', exact: true }).first();
  await expect(kind).toHaveValue('Acknowledge the feeling');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await kind.scrollIntoViewIfNeeded();
    expect(await overflows(kind), `${size.width}×${size.height}: the kind is cut`).toBe(false);
    expect(await overflows(playbook.getByRole('textbox', { name: 'Title', exact: true }).first())).toBe(false);
  }
  // the longest kind there is fits too (and the rule is put back as it was)
  for (const label of ['Invite into the community', 'Acknowledge the feeling']) {
    await kind.click();
    await page.getByRole('option', { name: label, exact: true }).click();
    await expect(kind).toHaveValue(label);
    expect(await overflows(kind), `“${label}” is cut`).toBe(false);
  }
  await page.setViewportSize(SIZES[0]);
});

test('Settings → People shows every status and address whole', async ({ browser }) => {
  const server = await startTeamServer();
  try {
    const page = await browser.newPage();
    await page.goto(server.setupLink);
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('E-mail address').fill('ada@kinship.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('purple kettle on the stairs');
    await page.getByLabel('Password again').fill('purple kettle on the stairs');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    // the demo's people cannot sign in: the longest status there is
    await page.getByRole('button', { name: 'Load the demo workspace' }).click();
    await page.getByTestId('conversation-row').first().waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    const table = page.getByRole('region', { name: 'People' }).getByRole('table', { name: 'People' });
    await expect(table.getByText('Cannot sign in').first()).toBeAttached();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await table.scrollIntoViewIfNeeded();
      const rows = await table.getByRole('row').all();
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows.slice(1)) {
        for (const badge of await row.locator('.mantine-Badge-label').all()) expect(await overflows(badge), `${size.width}×${size.height}: “${await badge.textContent()}” is cut`).toBe(false);
        for (const cell of await row.getByRole('cell').all()) expect(await overflows(cell), `${size.width}×${size.height}: “${await cell.textContent()}” overflows its cell`).toBe(false);
      }
      // the table fits its section: nothing to scroll sideways for
      expect(await overflows(page.getByRole('region', { name: 'People' }).locator('.mantine-Table-scrollContainer, table').first())).toBe(false);
    }
    await page.close();
  } finally {
    await stopTeamServer(server);
  }
});
