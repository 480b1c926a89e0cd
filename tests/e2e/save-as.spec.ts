/**
 * Where the browser offers a "Save as" dialog (the File System Access API), exports go through
 * it, written as they are made. The dialog is a native window no test can answer, so here it is
 * a stand-in that keeps what is written, or is cancelled.
 */
import { expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const state = { chunks: [] as number[][], names: [] as string[], cancel: false, closed: false };
    (window as unknown as { saveAs: typeof state }).saveAs = state;
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: { suggestedName: string }) => {
      if (state.cancel) throw new DOMException('The user aborted a request.', 'AbortError');
      state.names.push(options.suggestedName);
      return {
        createWritable: async () =>
          new WritableStream<Uint8Array>({
            write: (chunk) => void state.chunks.push([...chunk]),
            close: () => void (state.closed = true),
          }),
      };
    };
  });
});

test('a backup is written through the Save as dialog, piece by piece, and noted as made', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('Kept in a file I chose where to put');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup saved.')).toBeVisible();
  const saved = await page.evaluate(() => (window as unknown as { saveAs: { chunks: number[][]; names: string[]; closed: boolean } }).saveAs);
  expect(saved.names[0]).toMatch(/^power-shifting-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  expect(saved.closed).toBe(true);
  const text = new TextDecoder().decode(new Uint8Array(saved.chunks.flat()));
  expect(JSON.parse(text).data.entries[0].notes).toBe('Kept in a file I chose where to put');
  await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
});

test('cancelling the Save as dialog saves nothing and says nothing went wrong', async ({ page }) => {
  await page.goto('/#/settings');
  await page.evaluate(() => ((window as unknown as { saveAs: { cancel: boolean } }).saveAs.cancel = true));
  await page.getByRole('button', { name: 'Export logbook as spreadsheet (CSV)' }).click();
  await expect(page.locator('.panel__status')).toHaveText('');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('last-backup')).toContainText('No backup made on this device yet.');
});
