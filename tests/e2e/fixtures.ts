import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Fails any test in which the page logs an error, such as a Content-Security-Policy violation. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the app has taken over the prerendered deal screen: before that its buttons and
 * keys are only queued for the app (see src/main.tsx), and a test checking what they did would
 * race the app's script.
 */
export async function appReady(page: Page): Promise<void> {
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Zero axe violations against WCAG 2.2 A and AA. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function shownCardId(page: Page): Promise<string> {
  const id = await page.locator('article.card').getAttribute('data-card-id');
  if (!id) throw new Error('no card is shown');
  return id;
}

/** Every card id in the deck, read from the deck screen, grouped as the app shows them. */
export const CARD_COUNT = 49;
