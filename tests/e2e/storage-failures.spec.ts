import { appReady, expect, test } from './fixtures';

test('a full disk is explained in plain English and the typed text stays', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'entries') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('Something worth keeping');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText('storage is full or damaged, so the app has stopped saving');
  await expect(banner.getByRole('button', { name: 'Save a backup now' })).toBeVisible();
  await expect(page.locator('.form-error')).toContainText('Not saved');
  await expect(page.locator('.form-error')).toContainText('What you wrote is still here on screen');
  await expect(page.getByLabel('Notes')).toHaveValue('Something worth keeping');
  await expect(page).toHaveURL(/#\/logbook\/new$/);
});

test('a browser that refuses storage gets a clear message, and the text stays', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await page.goto('/#/logbook/new');
  await expect(page.getByRole('alert').first()).toContainText('not letting the app save anything');
  await page.goto('/');
  await appReady(page);
  await page.keyboard.press('Space');
  await expect(page.locator('article.card')).toBeVisible();
});
