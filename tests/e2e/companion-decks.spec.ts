/** A companion deck, chosen where the dealing happens: dealt, browsed, presented and reflected on like the main deck. */
import { readFileSync } from 'node:fs';
import { appReady, expect, expectNoAxeViolations, test } from './fixtures';

interface DeckFile {
  title: string;
  capabilities: { number: number; heading: string; framing?: string; tasks: { id: string; title?: string; text: string }[] }[];
}
const liveWell = JSON.parse(readFileSync('content/decks/live-well/deck.json', 'utf8')) as DeckFile;
const cards = liveWell.capabilities.flatMap((c) => c.tasks.map((t) => ({ ...t, section: c })));
/** The card with the most words on its face, heading and framing included: the hardest to fit on a wall. */
const longest = cards.reduce((a, b) =>
  (b.title ?? '').length + b.text.length + b.section.heading.length + (b.section.framing ?? '').length >
  (a.title ?? '').length + a.text.length + a.section.heading.length + (a.section.framing ?? '').length
    ? b
    : a,
);

test('a companion deck chosen on the deal screen is dealt with its own sections, kept after a reload, and reflected on', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const choice = page.getByLabel('Deck', { exact: true });
  await choice.selectOption({ label: liveWell.title });
  await expect(page.getByTestId('card-back')).toContainText(`${cards.length} cards ready to deal`);
  await expect(page.getByTestId('card-back')).toContainText(liveWell.title);
  await expect(page.getByTestId('selection-summary')).toHaveText(`All 8 themes · ${cards.length} cards`);
  await expectNoAxeViolations(page, 'deal screen with a companion deck');

  await page.getByRole('button', { name: 'Deal a card' }).click();
  const card = page.locator('article.card');
  await expect(card).toContainText(/Theme \d/);
  await expect(card).not.toContainText('Capability');
  await expect(card.locator('.card__group')).toHaveCount(0);
  const id = (await card.getAttribute('data-card-id'))!;
  const dealt = cards.find((c) => c.id === id)!;
  await expect(card.locator('.card__title')).toHaveText(dealt.title!);
  await expect(card.locator('.card__text')).toHaveText(dealt.text);
  await expect(card).toContainText(`Theme ${dealt.section.number}`);
  await expectNoAxeViolations(page, 'a companion card dealt');

  await page.getByRole('button', { name: 'Show the whole theme' }).click();
  await expect(page.locator('.spread')).toContainText(dealt.section.heading);
  await expect(page.locator('.spread__tasks li')).toHaveCount(dealt.section.tasks.length);
  await page.getByRole('button', { name: 'Show the whole theme' }).click();

  // The choice is kept: a reload deals on from the same deck.
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Deck', { exact: true })).toHaveValue('live-well');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', id);

  await page.getByRole('link', { name: 'Reflect on this card' }).click();
  const summary = page.getByLabel('The card');
  await expect(summary).toContainText(`Theme ${dealt.section.number}: ${dealt.section.heading}`);
  await expect(summary).toContainText(dealt.title!);
  await expect(summary).not.toContainText('For ');
  await expect(summary).not.toContainText('no longer in the deck');
  await page.getByLabel('What does this look like where you work?').fill('We share the agenda a week before.');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logbook' }).click();
  await expect(page.getByTestId('entry-summary')).toContainText(`Theme ${dealt.section.number}`);
  await expect(page.getByTestId('entry-summary')).not.toContainText('Capability');
});

test('the deck screen browses a companion deck, and About says how to use it and how its source was read', async ({ page }) => {
  await page.goto('/#/deck');
  await appReady(page);
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: liveWell.title });
  await expect(page.locator('.lead')).toContainText(`8 themes and ${cards.length} cards`);
  await expect(page.locator('.deck-list__item')).toHaveCount(8);
  await expect(page.locator('.deck-list__tasks a')).toHaveCount(cards.length);
  await expectNoAxeViolations(page, 'deck screen, companion deck');
  await page.getByRole('link', { name: 'About this deck' }).first().click();
  await expect(page.getByRole('heading', { name: 'How the source was read' })).toBeVisible();
  await expect(page.locator('p', { has: page.locator('cite') })).toContainText(', undated.');
  await expect(page.getByText(/A companion deck/)).toBeVisible();
  await expectNoAxeViolations(page, 'About, companion deck');
});

test('a link to a card of a deck not yet loaded finds it', async ({ page }) => {
  await page.goto('/#/card/engagement-purpose');
  await appReady(page);
  await expect(page.locator('article.card')).toContainText('Question area 1');
  await expect(page.locator('article.card .card__text')).toHaveText("what's the purpose");
});

test.describe('presented at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the companion card with the most words fits the wall', async ({ page }) => {
    await page.goto('/#/about');
    await appReady(page);
    await page.evaluate((cardId) => {
      const deal = { order: [cardId], dealt: 1, position: 0, seed: 1 };
      const state = { deckId: 'live-well', selection: { capabilities: [], groups: [] }, deal };
      localStorage.setItem('power-shifting:deal', JSON.stringify({ state, version: 1 }));
    }, longest.id);
    await page.goto('/#/present');
    await page.reload();
    const card = page.locator(`article.card[data-card-id="${longest.id}"]`);
    await expect(card).toBeVisible();
    await expect(card).toContainText(`Theme ${longest.section.number}`);
    await expect(card.locator('.card__title')).toHaveText(longest.title!);
    const box = (await card.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    const size = await card.locator('.card__text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    await expectNoAxeViolations(page, 'presenter, companion card');
  });
});

test('with a companion deck chosen, the logbook filters by the decks and groups its cards came from, and a section screen is named as its deck names it', async ({ page }) => {
  await page.goto('/#/logbook/new/cap-03-community-1');
  await appReady(page);
  await page.getByLabel('Which community are you working with?').fill('Moss Side');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  const liveWellCard = cards[0]!;
  await page.goto(`/#/logbook/new/${liveWellCard.id}`);
  await page.getByLabel('Which community are you working with?').fill('Hulme');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();

  await page.goto('/');
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: liveWell.title });
  await expect(page.getByTestId('card-back')).toContainText(liveWell.title);
  await page.goto('/#/capability/3');
  await expect(page).toHaveTitle('Theme 3 · Power Shifting');

  await page.goto('/#/logbook');
  await page.getByText('Filters', { exact: true }).click();
  // The groups of the cards written about, though the deck being dealt has none.
  const group = page.getByLabel('Group', { exact: true });
  await expect(group.locator('option')).toHaveText(['Any', 'Community leaders']);
  const deck = page.getByLabel('Deck', { exact: true });
  await expect(deck.locator('option')).toHaveText(['Any', 'Power Shifting Card Deck', liveWell.title]);
  // The sections offered are the dealt deck's, named as it names them, until another deck is chosen.
  await expect(page.getByLabel('Theme', { exact: true })).toBeVisible();
  await deck.selectOption({ label: 'Power Shifting Card Deck' });
  await expect(page.getByLabel('Capability', { exact: true })).toBeVisible();
  await expect(page.locator('.entry-summary')).toHaveCount(1);
  await expect(page.locator('.entry-summary')).toContainText('Capability 3');
  await expectNoAxeViolations(page, 'logbook filtered by deck');
});
