/** The presenter view on a 1080p projector, read from the back of a hall. */
import type { Page } from '@playwright/test';
import { appReady, expect, test } from './fixtures';

const LONGEST = 'cap-06-community-1';
const SHORTEST = 'cap-03-public-3';

/** Puts a card on the wall, as if it had just been dealt (the deal is kept in localStorage). */
async function present(page: Page, cardId: string) {
  await page.goto('/#/about');
  await appReady(page);
  await page.evaluate((id) => {
    const deal = { order: [id], dealt: 1, position: 0, seed: 1 };
    const state = { deckId: 'power-shifting', selection: { capabilities: [], groups: [] }, deal };
    localStorage.setItem('power-shifting:deal', JSON.stringify({ state, version: 1 }));
  }, cardId);
  await page.goto('/#/present');
  await page.reload();
  await expect(page.locator(`article.card[data-card-id="${cardId}"]`)).toBeVisible();
}

const px = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the card fills the screen: the longest task at 72 px or more, the shortest larger, all of it on screen', async ({ page }, info) => {
    await present(page, LONGEST);
    await page.screenshot({ path: info.outputPath('longest.png') });
    const longest = await px(page, '.card__task');
    expect(longest).toBeGreaterThanOrEqual(72);
    // Heading and group readable from the back of a hall.
    expect(await px(page, '.card__heading')).toBeGreaterThanOrEqual(36);
    expect(await px(page, '.card__group')).toBeGreaterThanOrEqual(28);
    const box = (await page.locator('article.card').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(box.width).toBeGreaterThan(1920 * 0.85);

    await present(page, SHORTEST);
    expect(await px(page, '.card__task')).toBeGreaterThan(longest);
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('shortest.png') });
  });

  test('both groups on the wall are as readable, and still on one screen', async ({ page }) => {
    await present(page, LONGEST);
    await page.keyboard.press('b');
    const spread = page.locator('.presenter__spread .spread');
    await expect(spread).toBeVisible();
    expect(await px(page, '.spread__tasks a')).toBeGreaterThanOrEqual(36);
    const box = (await spread.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
  });

  test('no focus ring around the projected card, and the tools fade until the pointer moves', async ({ page }) => {
    await present(page, LONGEST);
    const card = page.locator('article.card');
    await expect(card).toBeFocused();
    expect(await card.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    const tools = page.locator('.presenter__tools');
    await expect(tools).toHaveCSS('opacity', '0', { timeout: 10_000 });
    await page.mouse.move(200, 200);
    await page.mouse.move(300, 300);
    await expect(tools).toHaveCSS('opacity', '1');
  });
});

test('nothing but the card reaches the wall: no toast, reminder or banner', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('A private note about a colleague');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  await page.goto('/#/present');
  await expect(page.locator('.presenter')).toBeVisible();
  await expect(page.locator('.toast-region, .banner, .update-prompt, [data-testid="app-status"]')).toHaveCount(0);
  await expect(page.getByText('A private note about a colleague')).toHaveCount(0);
});
