/** Your own deck: made in the app, dealt, printed, backed up and restored elsewhere, shared as a file. */
import type { Page } from '@playwright/test';
import { appReady, expect, expectNoAxeViolations, test, withoutSaveDialog } from './fixtures';
import { downloaded } from './session-setup';

const TASK = 'Ask the tenants’ forum what they would change first.';

async function makeDeck(page: Page) {
  await page.goto('/#/deck');
  await appReady(page);
  await page.getByRole('link', { name: 'Your own decks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible();
  await expectNoAxeViolations(page, 'your decks');
  await page.getByRole('button', { name: 'Make a new deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Your deck/ })).toBeVisible();
  await page.getByLabel('Name of the deck').fill('Housing team deck');
  await page.getByLabel('Heading of section 1').fill('Listening first');
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.getByLabel('What the card says').fill(TASK);
  await page.getByLabel('Title (optional)').fill('Forum first');
  // Saved as typed, each box within a second of its last key, though the two boxes change one
  // item of the deck (the title was once lost when the text's save came back mid-typing): the
  // page read afresh shows both.
  await page.waitForTimeout(1500);
  await expect(page.locator('.field', { has: page.getByLabel('Title (optional)') }).getByRole('status')).not.toHaveText(/Not saved/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('What the card says')).toHaveValue(TASK, { timeout: 2000 });
    await expect(page.getByLabel('Title (optional)')).toHaveValue('Forum first', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Your deck: Housing team deck' })).toBeVisible();
  await expectNoAxeViolations(page, 'your deck, editing');
}

test('a deck of your own is made, dealt as “Own card”, printed, and restored from a backup on a fresh profile', async ({ page, browser }) => {
  // Two profiles, a print preview and a backup: long for a machine shared with other test runs.
  test.setTimeout(90_000);
  await makeDeck(page);
  await page.getByRole('button', { name: 'Deal from this deck' }).click();
  await expect(page.getByTestId('card-back')).toContainText('1 card ready to deal');
  await page.getByRole('button', { name: 'Deal a card' }).click();
  const card = page.locator('article.card');
  await expect(card).toContainText('Section 1');
  await expect(card).toContainText('Listening first');
  await expect(card.locator('.card__title')).toHaveText('Forum first');
  await expect(card.locator('.card__text')).toHaveText(TASK);
  await expect(card).toContainText('Own card');
  await expectNoAxeViolations(page, 'own card dealt');

  await page.getByRole('link', { name: 'Reflect on this card' }).click();
  await expect(page.getByLabel('The card')).toContainText('Section 1 (own card): Listening first');

  await page.goto('/#/deck');
  await page.getByRole('link', { name: 'Print this deck' }).click();
  const printed = page.locator('.printed-card').filter({ hasText: TASK });
  await expect(printed).toHaveCount(1);
  await expect(printed).toContainText('Own card');
  await expectNoAxeViolations(page, 'printing your deck');

  await page.goto('/#/settings');
  const backup = await downloaded(page, () => page.getByRole('button', { name: 'Back up now' }).click());
  expect(JSON.parse(backup.text).data.decks[0]).toMatchObject({ title: 'Housing team deck' });

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await withoutSaveDialog(fresh);
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto('/#/settings');
  await appReady(other);
  await other.getByLabel('Choose a backup file').setInputFiles(backup.path);
  await expect(other.getByTestId('restore-preview')).toContainText('with 1 deck of your own');
  await expect(other.getByTestId('restore-preview')).toContainText('add 1 deck or set of own cards');
  await other.getByRole('button', { name: 'Import this backup' }).click();
  await expect(other.getByText('Backup restored.')).toBeVisible();
  await other.goto('/');
  await other.getByLabel('Deck', { exact: true }).selectOption({ label: 'Housing team deck (your deck)' });
  await other.getByRole('button', { name: 'Deal a card' }).click();
  await expect(other.locator('article.card .card__text')).toHaveText(TASK);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a shared deck file is previewed, then imported or cancelled; a hostile file is refused and changes nothing', async ({ page, browser }) => {
  // Two profiles, a print preview and a backup: long for a machine shared with other test runs.
  test.setTimeout(90_000);
  await makeDeck(page);
  const shared = await downloaded(page, () => page.getByRole('button', { name: 'Share this deck as a file' }).click());
  expect(shared.name).toBe('power-shifting-deck-housing-team-deck.json');
  expect(JSON.parse(shared.text)).toMatchObject({ format: 'power-shifting-deck', version: 1, deck: { title: 'Housing team deck' } });

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await withoutSaveDialog(fresh);
  const other = await fresh.newPage();
  await other.goto('/#/your-decks');
  await appReady(other);
  await expect(other.getByText('You have not made a deck yet.')).toBeVisible();
  const chooser = other.getByLabel('Choose a deck file');
  const hostile = JSON.parse(shared.text);
  hostile.deck.cards[0].text = 'x'.repeat(5000);
  await chooser.setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await expect(other.getByRole('alert')).toContainText('This deck file is damaged, so nothing was imported');
  const overwrite = { ...JSON.parse(shared.text) };
  overwrite.deck.id = 'power-shifting';
  await chooser.setInputFiles({ name: 'overwrite.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(overwrite)) });
  await expect(other.getByRole('alert')).toContainText('would replace one of the app’s published decks');
  await chooser.setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "power-shifting-deck", ') });
  await expect(other.getByRole('alert')).toContainText('not valid JSON');
  await chooser.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(3 * 1024 * 1024, 32) });
  await expect(other.getByRole('alert')).toContainText('larger than any shared deck');
  await chooser.setInputFiles({ name: 'shape.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'power-shifting-deck', version: 1, exportedAt: '2026-03-01T09:00:00Z', deck: [1, 2] })) });
  await expect(other.getByRole('alert')).toContainText('damaged');
  await expect(other.getByText('You have not made a deck yet.')).toBeVisible();

  // Script in a card's words is shown as words, in the preview and on the card, and never runs.
  const scripted = JSON.parse(shared.text);
  scripted.deck.id = 'scripted-deck';
  scripted.deck.title = 'Scripted deck';
  scripted.deck.sections[0].id = 'scripted-section';
  scripted.deck.cards[0].id = 'scripted-card';
  scripted.deck.cards[0].title = '<img src=x onerror="window.__ran=1">';
  scripted.deck.cards[0].text = '<script>window.__ran=1</script>';
  await chooser.setInputFiles({ name: 'scripted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scripted)) });
  const preview = other.getByRole('region', { name: /^Import “/ });
  await expect(preview).toContainText('1 card in 1 section.');
  await expect(preview.getByTestId('import-preview-cards')).toHaveText('<img src=x onerror="window.__ran=1">');
  await expect(preview).toContainText('It will be added to your decks.');
  await expectNoAxeViolations(other, 'import preview');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  await expect(other.getByText('You have not made a deck yet.')).toBeVisible();
  await chooser.setInputFiles({ name: 'scripted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scripted)) });
  await preview.getByRole('button', { name: 'Import this deck' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'was added to your decks' })).toBeVisible();
  await other.getByRole('link', { name: 'Scripted deck' }).click();
  await expect(other.getByLabel('What the card says')).toHaveValue('<script>window.__ran=1</script>');
  await other.getByRole('button', { name: 'Deal from this deck' }).click();
  await other.getByRole('button', { name: 'Deal a card' }).click();
  await expect(other.locator('article.card .card__text')).toHaveText('<script>window.__ran=1</script>');
  expect(await other.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();

  await other.goto('/#/your-decks');
  await chooser.setInputFiles(shared.path);
  await expect(preview).toContainText('It will be added to your decks.');
  await preview.getByRole('button', { name: 'Import this deck' }).click();
  await expect(other.getByRole('status').filter({ hasText: '“Housing team deck” was added to your decks' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Housing team deck', exact: true })).toBeVisible();
  // The same deck again: the preview says it is already here, and offers to update it or add a copy.
  await chooser.setInputFiles(shared.path);
  await expect(preview).toContainText('You already have this deck, as “Housing team deck”');
  await preview.getByRole('button', { name: 'Update my deck' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'nothing changed' })).toBeVisible();
  await chooser.setInputFiles(shared.path);
  await preview.getByRole('button', { name: 'Add as a separate copy' }).click();
  await expect(other.getByRole('status').filter({ hasText: '“Housing team deck (copy)” was added to your decks' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Housing team deck (copy)' })).toBeVisible();
  await other.goto('/#/deck');
  await other.getByLabel('Deck', { exact: true }).selectOption({ label: 'Housing team deck (your deck)' });
  await expect(other.locator('.deck-list')).toContainText(TASK);
  await expect(other.locator('.deck-list')).not.toContainText('<script>');
  await fresh.close();
});

test('cards written into your deck while it is dealt join the cards still to deal, and cards removed leave, with no reshuffle', async ({ page }) => {
  await makeDeck(page);
  const deckPage = page.url();
  await page.getByRole('button', { name: 'Deal from this deck' }).click();
  await page.getByRole('button', { name: 'Deal a card' }).click();
  const card = page.locator('article.card');
  await expect(card).toContainText('Card 1 of 1');

  await page.goto(deckPage);
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.getByLabel('What the card says').nth(1).fill('Walk the estate with two residents.');
  await expect(page.locator('.field', { has: page.getByLabel('What the card says') }).nth(1).getByRole('status')).toHaveText('Saved');
  await page.goto('/');
  await expect(card).toContainText('Card 1 of 2');
  await expect(card.locator('.card__text')).toHaveText(TASK);
  await page.getByRole('button', { name: 'Next card' }).click();
  await expect(card).toContainText('Card 2 of 2');
  await expect(card.locator('.card__text')).toHaveText('Walk the estate with two residents.');
  await page.getByRole('button', { name: 'Previous' }).click();

  await page.goto(deckPage);
  await page.getByRole('listitem', { name: 'Card 2' }).getByRole('button', { name: 'Remove this card' }).click();
  await expect(page.getByLabel('What the card says')).toHaveCount(1);
  await page.goto('/');
  await expect(card).toContainText('Card 1 of 1');
  await expect(card.locator('.card__text')).toHaveText(TASK);
});
