import type { Page } from '@playwright/test';
import { appReady, expect, test, CARD_COUNT } from './fixtures';

/**
 * Holds back the app's script, as a slow phone's network would: until `release` is called the
 * prerendered first screen is all there is.
 */
async function holdApp(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/boot-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('a tap on “Deal a card” before the app has loaded deals once it has, and only once however often it was tapped', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('/');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Deal a card' }).click();
  await expect(page.locator('html[data-ready]')).toHaveCount(0);
  release();
  await appReady(page);
  await expect(page.locator('article.card')).toContainText(`Card 1 of ${CARD_COUNT}`);
  // Had the extra taps dealt too, the next card would be the fourth.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('article.card')).toContainText(`Card 2 of ${CARD_COUNT}`);
});

test('“Choose cards” and Space pressed before the app has loaded are done in order once it has', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('/');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Choose cards' }).click();
  await expect(page.locator('html[data-ready]')).toHaveCount(0);
  release();
  await appReady(page);
  await expect(page.locator('article.card')).toContainText(`Card 1 of ${CARD_COUNT}`);
  await expect(page.getByRole('button', { name: 'Choose cards' })).toHaveAttribute('aria-expanded', 'true');
});
