import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { haveSharedModels, showEverythingNewestFirst, startWebHost, stopWebHost } from './webHostFixture';

/**
 * On-device analysis as a user meets it: the demo's backlog is read with visible progress, each
 * message carries its reading, the conversation its emotion track, the draft its tone, and
 * Settings → Analysis says which models did it — or, with no model, that the lexicon did.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

async function loadDemo(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Load the demo workspace' }).click();
  // loading takes as long as the machine needs: wait for the product's own sign, the rows
  await expect(page.getByTestId('conversation-row').first()).toBeVisible({ timeout: 60_000 });
}

async function openBySearch(page: Page, phrase: string) {
  // search looks within the queue's filters: these messages may be in resolved conversations
  await showEverythingNewestFirst(page);
  await page.getByRole('textbox', { name: 'Search all messages' }).fill(phrase);
  await page.getByTestId('search-hit').first().click();
  await expect(page.locator('[data-focused]')).toBeVisible();
}

test.describe('with the stand-in models', () => {
  test.skip(!haveSharedModels, '../shared/models is not beside this checkout');
  let started: Awaited<ReturnType<typeof startWebHost>>;
  test.beforeAll(async () => {
    started = await startWebHost();
  });
  test.afterAll(async () => stopWebHost(started));

  test('the backlog is read in the background and every message shows its reading', async ({ page }) => {
    await loadDemo(page, started.host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const analysis = page.getByRole('region', { name: 'Analysis' });
    // the product's own word that the backlog is read: Settings says all of it is (however long the machine takes);
    // it never says more read than there is, on the way or at the end
    const backlog = /backlog ([\d,]+) of ([\d,]+) read/;
    const count = (text: string) => Number(text.replace(/,/g, ''));
    const overcounts: string[] = [];
    await expect(async () => {
      const [seen, done, total] = (await analysis.textContent())!.match(backlog) ?? [];
      if (done && total && count(done) > count(total)) overcounts.push(seen!);
      expect(total ? count(total) : 0).toBeGreaterThan(1000);
      expect(done).toBe(total);
    }).toPass({ timeout: 150_000 });
    expect(overcounts).toEqual([]);
    const [, done, total] = (await analysis.textContent())!.match(backlog)!;
    expect(count(done!)).toBe(count(total!));
    await expect(page.getByRole('status', { name: 'Reading the backlog' })).toBeHidden();
    await page.getByRole('navigation').getByRole('button', { name: 'Inbox' }).click();

    await openBySearch(page, 'somebody has got hold of my card details');
    const readings = page.getByRole('log', { name: 'Messages' }).getByTestId('reading');
    await expect(readings.first()).toBeVisible();
    await expect(readings.first()).toHaveAccessibleName(/^Reading: (Anger|Disgust|Fear|Joy|Sadness|Surprise|Neutral) \d+% · [+−]?\d\.\d\d\. Details$/);
    await expect(page.getByRole('figure', { name: 'Customer emotion track' })).toBeVisible();
    await readings.first().hover();
    const details = page.getByRole('dialog', { name: /^Reading: / });
    await expect(details).toContainText('Model: selftrained-goemotions-ekman-uni + selftrained-goemotions-sentiment-uni');
    for (const emotion of ['Anger', 'Disgust', 'Fear', 'Joy', 'Sadness', 'Surprise', 'Neutral']) await expect(details).toContainText(emotion);
    await expect(page.getByRole('figure', { name: 'Customer emotion track' })).toContainText(/Customer’s feeling across \d+ messages/);
  });

  test('the draft is read as the agent types and its tone shown beside the composer', async ({ page }) => {
    await page.goto(started.host.url);
    await openBySearch(page, 'Nobody came, no text, no call');
    const tone = page.getByTestId('draft-tone');
    await expect(tone).toContainText('start typing');
    await page.getByRole('textbox', { name: /^(Reply to|Written follow-up to) / }).fill('Thank you so much, I am delighted we could sort this out for you!');
    await expect(tone.getByTestId('reading')).toHaveAccessibleName(/^Reading: \w+ \d+% · [+−]?\d\.\d\d\. Details$/);
    const first = await tone.getByTestId('reading').getAttribute('aria-label');
    await page.getByRole('textbox', { name: /^(Reply to|Written follow-up to) / }).fill('This is disgusting, useless and terrible. I hate it.');
    await expect(tone.getByTestId('reading')).not.toHaveAccessibleName(first!);
    // in the agent's terms: an apology is warm whatever sadness a model hears; blame is blame whatever it reads as
    await page.getByRole('textbox', { name: /^(Reply to|Written follow-up to) / }).fill('I am so sorry. I completely understand how frustrating this must be, and I will put it right today.');
    await expect(tone.getByTestId('draft-tone-label')).toHaveText('Warm');
    // beside Send, nothing is clipped but the reasons: the words on one line, both badges whole (they read "Wa…", "−0…")
    await expect(tone.getByTestId('reading')).toBeVisible();
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      expect((await tone.getByText('Tone of your draft:').boundingBox())!.height).toBeLessThan(24);
      for (const badge of [tone.getByTestId('draft-tone-label'), tone.getByTestId('reading')]) {
        const { shown, whole } = await badge.evaluate((el) => {
          const label = el.querySelector('.mantine-Badge-label') ?? el;
          return { shown: label.clientWidth, whole: label.scrollWidth };
        });
        expect(shown).toBeGreaterThanOrEqual(whole);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('textbox', { name: /^(Reply to|Written follow-up to) / }).fill('That is your problem.');
    await expect(tone.getByTestId('draft-tone-label')).toHaveText('Blaming');
  });

  test('Settings → Analysis shows the models, where they came from and the live latency of reads', async ({ page }) => {
    await page.goto(started.host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const analysis = page.getByRole('region', { name: 'Analysis' });
    await expect(analysis).toContainText('Models on this machine');
    await expect(analysis.getByRole('row', { name: /Emotion selftrained-goemotions-ekman-uni/ })).toContainText('models folder');
    await expect(analysis.getByRole('row', { name: /Sentiment selftrained-goemotions-sentiment-uni/ })).toContainText('sentiment (4 classes)');
    await expect(analysis).toContainText(/Live latency \(message in → reading stored\): p50 [\d.]+ ms, p95 [\d.]+ ms/);
  });
});

test.describe('with no model', () => {
  let started: Awaited<ReturnType<typeof startWebHost>>;
  test.beforeAll(async () => {
    started = await startWebHost(undefined, { KINSHIP_MODELS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-no-models-')) });
  });
  test.afterAll(async () => stopWebHost(started));

  test('the lexicon analyzer reads sentiment and every figure says so', async ({ page }) => {
    await loadDemo(page, started.host.url);
    await expect(page.getByText('Lexicon analyzer: sentiment only')).toBeVisible({ timeout: 30_000 });
    await openBySearch(page, 'answered my question within the hour');
    const reading = page.getByRole('log', { name: 'Messages' }).getByTestId('reading').first();
    await expect(reading).toHaveAccessibleName(/· lexicon\. Details$/);
    await reading.hover();
    await expect(page.getByRole('dialog', { name: /^Reading: / })).toContainText('Lexicon analyzer (no model): vader-sentiment (lexicon)');
    await expect(page.getByRole('figure', { name: 'Customer emotion track' })).toContainText('lexicon analyzer');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const analysis = page.getByRole('region', { name: 'Analysis' });
    await expect(analysis).toContainText('Lexicon analyzer (no model)');
    await expect(analysis.getByRole('status')).toContainText('no emotion or sentiment model was found');
  });
});
