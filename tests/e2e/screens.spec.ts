import { expect, test } from './fixtures';

const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'projector', width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test(`a card fits and reads well on a ${size.name} (${size.width}×${size.height})`, async ({ page }, info) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/#/card/cap-05-public-3');
    const card = page.locator('article.card');
    await expect(card).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
    const taskSize = await card.locator('.card__task').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(taskSize).toBeGreaterThanOrEqual(size.width >= 1920 ? 40 : 20);
    // Every button is a comfortable target.
    for (const button of await page.getByRole('button').all()) {
      const b = await button.boundingBox();
      if (b) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
    }
    await page.screenshot({ path: info.outputPath(`card-${size.name}.png`), fullPage: true });
  });
}

test('card animations are off when the user prefers reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/card/cap-01-public-1');
  const duration = await page.locator('article.card').evaluate((el) => getComputedStyle(el).animationDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
});
