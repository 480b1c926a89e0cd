/** A team's own cards on a published deck: added in the app, dealt and marked, backed up and restored, the published text untouched. */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appReady, expect, expectNoAxeViolations, shownCardId, test, withoutSaveDialog } from './fixtures';
import { logbookBuckets } from './logbook-db';
import { downloaded } from './session-setup';

const OWN = 'Invite the youth forum to the protected time, and let them set the agenda.';
const DECK = JSON.parse(readFileSync(new URL('../../content/decks/power-shifting/deck.json', import.meta.url), 'utf8')) as {
  capabilities: { number: number; tasks: { id: string; group: string; text: string }[] }[];
};
const CAP_3 = DECK.capabilities.find((c) => c.number === 3)!.tasks;
const CAP_3_COMMUNITY = CAP_3.filter((t) => t.group === 'community');

async function chooseCapability3ForCommunity(page: Page, withOwn = true) {
  await page.getByRole('button', { name: 'Choose cards' }).click();
  await page.getByRole('radio', { name: 'Community leaders' }).check();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('checkbox', { name: /^3\. / }).check();
  const include = page.getByRole('checkbox', { name: /^Include our own cards/ });
  if (await include.count()) await include.setChecked(withOwn);
  await page.getByRole('button', { name: 'Shuffle and deal', exact: true }).click();
}

async function addOwnCard(page: Page) {
  await page.goto('/#/deck');
  await page.getByRole('link', { name: 'Add your own cards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your own cards for Power Shifting Card Deck' })).toBeVisible();
  await expect(page.getByText('No cards of your own yet.')).toBeVisible();
  await page.getByLabel('Add a card to').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Add a card' }).click();
  await expect(page.getByLabel('Capability', { exact: true })).toHaveValue('3');
  await page.getByLabel('For', { exact: true }).selectOption({ label: 'Community leaders' });
  await page.getByLabel('What the card says').fill(OWN);
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('What the card says')).toHaveValue(OWN, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByLabel('For', { exact: true })).toHaveValue('community');
  await expectNoAxeViolations(page, 'own cards on a published deck');
}

test('an own card on Power Shifting joins the deal, is marked, and survives a backup restored on a fresh profile; the published text never changes', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await appReady(page);
  await chooseCapability3ForCommunity(page);
  await expect(page.getByTestId('selection-summary')).toHaveText(`Capability 3 · community leaders · ${CAP_3_COMMUNITY.length} cards`);
  await page.keyboard.press('Space');
  await expect(page.locator('article.card')).toContainText(`Card 2 of ${CAP_3_COMMUNITY.length}`);
  const second = await shownCardId(page);

  // Written while a deal runs: it joins the cards still to be dealt, with no reshuffle.
  await addOwnCard(page);
  await page.goto('/');
  await expect(page.locator('article.card')).toContainText(`Card 2 of ${CAP_3_COMMUNITY.length + 1}`);
  expect(await shownCardId(page)).toBe(second);
  await expect(page.getByTestId('selection-summary')).toHaveText(`Capability 3 · community leaders · ${CAP_3_COMMUNITY.length + 1} cards`);
  for (let i = 2; i < CAP_3_COMMUNITY.length + 1; i++) await page.keyboard.press('Space');
  const card = page.locator('article.card');
  await expect(card).toContainText(`Card ${CAP_3_COMMUNITY.length + 1} of ${CAP_3_COMMUNITY.length + 1}`);
  await expect(card.locator('.card__text')).toHaveText(OWN);
  await expect(card).toContainText('Own card');
  await expect(card).toContainText('Capability 3');
  await expect(card).toContainText('For community leaders');
  await expectNoAxeViolations(page, 'own card dealt');

  // Left out when chosen so.
  await chooseCapability3ForCommunity(page, false);
  await expect(page.getByTestId('selection-summary')).toHaveText(`Capability 3 · community leaders · without our own cards · ${CAP_3_COMMUNITY.length} cards`);

  // Marked in the deck's list, beside both groups, in an entry about it, in print.
  await page.goto('/#/deck');
  const listed = page.locator('.deck-list__tasks li', { hasText: OWN });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Own card');
  await listed.getByRole('link').click();
  await expect(page.locator('article.card')).toContainText('Own card');
  await page.getByRole('button', { name: 'Show both groups' }).click();
  await expect(page.locator('.spread__tasks li', { hasText: OWN })).toContainText('Own card');
  await page.getByRole('button', { name: 'Show both groups' }).click();
  await page.getByRole('link', { name: 'Reflect on this card' }).click();
  await expect(page.getByLabel('The card')).toContainText('Capability 3 (own card)');
  await page.goto('/#/deck');
  await page.getByRole('link', { name: 'Print this deck' }).click();
  const printed = page.locator('.printed-card').filter({ hasText: OWN });
  await expect(printed).toHaveCount(1);
  await expect(printed).toContainText('Own card');

  await page.goto('/#/settings');
  const backup = await downloaded(page, () => page.getByRole('button', { name: 'Back up now' }).click());
  expect(JSON.parse(backup.text).data.decks[0]).toMatchObject({ addsTo: 'power-shifting', cards: [{ text: OWN, section: 3, group: 'community' }] });

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await withoutSaveDialog(fresh);
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto('/#/settings');
  await appReady(other);
  await other.getByLabel('Choose a backup file').setInputFiles(backup.path);
  await expect(other.getByTestId('restore-preview')).toContainText('with 1 card of your own on published decks');
  await other.getByRole('button', { name: 'Import this backup' }).click();
  await expect(other.getByText('Backup restored.')).toBeVisible();
  await other.goto('/');
  await appReady(other);
  await chooseCapability3ForCommunity(other);
  await expect(other.getByTestId('selection-summary')).toHaveText(`Capability 3 · community leaders · ${CAP_3_COMMUNITY.length + 1} cards`);
  await other.goto('/#/deck');
  await expect(other.locator('.deck-list__tasks li', { hasText: OWN })).toContainText('Own card');
  // The published cards read word for word as the deck file has them, none marked as own.
  for (const task of CAP_3) {
    const item = other.locator('.deck-list__tasks li', { has: other.locator(`a[href="#/card/${task.id}"]`) });
    await expect(item).toHaveText(task.text);
  }
  expect(errors).toEqual([]);
  await fresh.close();
});

test('the first screens leave the logbook unopened for someone who has made nothing in the app', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'Deal a card' }).click();
  await page.goto('/#/deck');
  await expect(page.getByRole('heading', { level: 1, name: 'The deck' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Neither in the shared store nor in a storage bucket of its own (src/storage/home.ts).
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(databases).not.toContain('power-shifting');
  expect(await logbookBuckets(page)).toEqual([]);
  // Nor is the logbook's code loaded by the page once its idle work (the service worker's start among it) has run.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  expect(scripts.filter((path) => /^\/assets\/logbook-/.test(path))).toEqual([]);
});
