import { appReady, expect, expectNoAxeViolations, shownCardId, test, CARD_COUNT } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('card-back')).toBeVisible();
  await appReady(page);
});

test('deals cards with the keyboard, without repeats, moving focus to each card', async ({ page }) => {
  await expect(page.getByTestId('selection-summary')).toHaveText(`All 10 capabilities · both groups · ${CARD_COUNT} cards`);
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowRight' : 'Space');
    await expect(page.locator('article.card')).toContainText(`Card ${i + 1} of ${CARD_COUNT}`);
    const id = await shownCardId(page);
    expect(seen).not.toContain(id);
    seen.push(id);
    await expect(page.locator('article.card')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/card/${id}$`));
  }
  await expect(page.getByRole('status').filter({ hasText: 'Card 12 of 49' })).toHaveCount(1);

  // Back through what was dealt, then forward again without dealing anything new.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await shownCardId(page)).toBe(seen[9]);
  await page.keyboard.press('ArrowRight');
  expect(await shownCardId(page)).toBe(seen[10]);

  // The browser's back button steps back too, and the deal follows it.
  await page.goBack();
  expect(await shownCardId(page)).toBe(seen[9]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await shownCardId(page)).not.toBe(seen[11]);
  expect(seen).not.toContain(await shownCardId(page));
});

test('every press of a clicker deals, however quickly they come', async ({ page }) => {
  await page.keyboard.press('PageDown');
  await expect(page.locator('article.card')).toContainText(`Card 1 of ${CARD_COUNT}`);
  // Presses as fast as the page can take them: each one after the screen has updated for the one
  // before, but before the browser has had a moment to spare (a quick third press was once lost).
  await page.evaluate(async () => {
    for (let i = 0; i < 7; i++) {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
      for (let j = 0; j < 5; j++) await Promise.resolve();
    }
  });
  await expect(page.locator('article.card')).toContainText(`Card 8 of ${CARD_COUNT}`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(page.locator('article.card')).toContainText(`Card 5 of ${CARD_COUNT}`);
});

test('deals from one capability and one group until the selection runs out, then reshuffles', async ({ page }) => {
  await page.getByRole('button', { name: 'Choose cards' }).click();
  await page.getByRole('radio', { name: 'Community leaders' }).check();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Shuffle and deal' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose at least one capability to deal from.');
  await page.getByRole('checkbox', { name: /^5\. We change the way we commission/ }).check();
  await page.getByRole('button', { name: 'Shuffle and deal' }).click();

  await expect(page.getByTestId('selection-summary')).toHaveText('Capability 5 · community leaders · 4 cards');
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    if (i > 0) await page.keyboard.press('Space');
    const card = page.locator('article.card');
    await expect(card).toContainText(`Card ${i + 1} of 4`);
    await expect(card).toContainText('Capability 5');
    await expect(card).toContainText('For community leaders');
    const id = await shownCardId(page);
    expect(id).toMatch(/^cap-05-community-/);
    seen.add(id);
  }
  expect(seen.size).toBe(4);
  await expect(page.getByText('you have dealt all 4 cards in this selection')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next card' })).toBeDisabled();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Reshuffle and deal again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('article.card')).toContainText('Card 1 of 4');

  // The selection survives a reload.
  await page.reload();
  await expect(page.getByTestId('selection-summary')).toHaveText('Capability 5 · community leaders · 4 cards');
});

test('shows both groups for the current capability side by side', async ({ page }) => {
  await page.goto('/#/card/cap-03-public-2');
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/#\/card\/cap-03-public-2\/both$/);
  const spread = page.locator('.spread');
  await expect(spread.getByRole('heading', { name: 'Public service leaders' })).toBeVisible();
  await expect(spread.getByRole('heading', { name: 'Community leaders' })).toBeVisible();
  await expect(spread.getByRole('listitem')).toHaveCount(6);
  await expect(spread.locator('[aria-current="true"]')).toContainText('Ensure these are coordinated across sectors');
  await expectNoAxeViolations(page, 'both groups');
  await page.getByRole('button', { name: 'Show both groups' }).click();
  await expect(page).toHaveURL(/#\/card\/cap-03-public-2$/);
});

test('a deep link to a card survives a reload, and an unknown card says so', async ({ page }) => {
  await page.goto('/#/card/cap-08-public-2');
  const card = page.locator('article.card');
  await expect(card).toContainText('We change the way we understand our accountability');
  await expect(card).toContainText('Care Quality Commission (CQC)');
  await expect(card).toContainText('For public service leaders');
  await expect(card).toContainText('Picked from the deck');
  await page.reload();
  await expect(card).toContainText('Care Quality Commission (CQC)');
  await expect(page).toHaveTitle('Card · Power Shifting');

  await page.goto('/#/card/no-such-card');
  await expect(page.getByRole('heading', { name: 'Card not found' })).toBeVisible();
});

test('has no accessibility violations before and after dealing', async ({ page }) => {
  await expectNoAxeViolations(page, 'deal screen (face down)');
  await page.getByRole('button', { name: 'Choose cards' }).click();
  await expectNoAxeViolations(page, 'selection panel');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Deal a card' }).click();
  await expect(page.locator('article.card')).toBeVisible();
  await expectNoAxeViolations(page, 'dealt card');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the deck and the button that deals it fit on the screen, and every card leaves Next in view', async ({ page }) => {
    // Every one of the 49 cards is dealt and measured: on a busy machine that takes a while.
    test.setTimeout(120_000);
    const deal = page.getByRole('button', { name: 'Deal a card' });
    await expect(deal).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('card-back')).toContainText('Tap Deal a card to start.');
    await expect(page.getByRole('link', { name: 'Power Shifting' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Shared screen' })).toBeVisible();
    await deal.tap();
    const next = page.getByRole('button', { name: 'Next card' });
    for (let i = 1; i < CARD_COUNT; i++) {
      await expect(page.locator('article.card')).toContainText(`Card ${i} of ${CARD_COUNT}`);
      await expect(next, `Next card out of view on ${await shownCardId(page)}`).toBeInViewport({ ratio: 1 });
      await next.tap();
    }
    await expectNoAxeViolations(page, 'deal on a phone');
  });
});
