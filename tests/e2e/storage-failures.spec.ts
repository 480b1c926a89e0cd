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
  await expect(page.getByRole('alert')).toContainText('run out of storage space');
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
