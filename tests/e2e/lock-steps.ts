/** Steps the lock's tests share. */
import type { Page } from '@playwright/test';
import { logbookIndexedDB } from './logbook-db';

export const PASSPHRASE = 'tram stop allotment kettle';

/** Sets a lock from Settings, and returns the recovery code it showed. */
export async function setLock(page: Page): Promise<string> {
  await page.goto(new URL('/#/settings', page.url()).href);
  const panel = page.getByRole('region', { name: 'Lock the logbook' });
  await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await panel.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await panel.getByLabel(/I understand/).check();
  await panel.getByRole('button', { name: 'Set the lock' }).click();
  return (await page.getByTestId('recovery-code').textContent())!.trim();
}

/** What IndexedDB holds of the logbook's entries, read raw in the page: how many are encrypted. */
export async function storedEntries(page: Page): Promise<{ sealed: number; plain: number }> {
  const logbook = await page.evaluateHandle(logbookIndexedDB);
  return page.evaluate((factory) => {
    return new Promise<{ sealed: number; plain: number }>((resolve, reject) => {
      const request = factory.open('power-shifting');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const all = db.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => {
          const rows = all.result as object[];
          db.close();
          resolve({ sealed: rows.filter((r) => '$sealed' in r).length, plain: rows.filter((r) => !('$sealed' in r)).length });
        };
      };
    });
  }, logbook);
}
