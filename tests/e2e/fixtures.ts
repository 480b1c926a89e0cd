import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Every page, in every test: fails the test if the page logs an error (a Content-Security-Policy
 * violation, say). And the browser's "Save as" dialog (the File System Access API, which the app
 * prefers for exports) is taken away, because it is a native window no test can answer: files
 * then arrive as downloads, as they do in browsers without it. tests/e2e/save-as.spec.ts tests
 * the dialog's path with a stand-in for it.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  context: async ({ context }, use) => {
    await withoutSaveDialog(context);
    await use(context);
  },
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

/** Files come as downloads in this context: see `test` above. For contexts a test makes itself. */
export async function withoutSaveDialog(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

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
