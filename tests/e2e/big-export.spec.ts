import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from '@playwright/test';
import { generateBackup } from '../bench/generate-logbook.mjs';
import { expect, test, withoutSaveDialog } from './fixtures';

const ENTRIES = 4500;

async function restore(page: Page, file: string) {
  await page.goto('/#/settings');
  await page.locator('#restore-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import this backup' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible({ timeout: 60_000 });
}

async function exportCsv(page: Page): Promise<{ url: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export logbook as spreadsheet (CSV)' }).click(),
  ]);
  return { url: download.url(), bytes: readFileSync(await download.path()) };
}

async function withoutServiceWorker<T>(browser: Browser, baseURL: string, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', acceptDownloads: true });
  await withoutSaveDialog(context);
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test('a big logbook’s CSV streams to the downloads folder, and is the same file as one made without the service worker', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const deck = JSON.parse(readFileSync('content/decks/power-shifting/deck.json', 'utf8')) as unknown;
  const file = info.outputPath('big-backup.json');
  writeFileSync(file, JSON.stringify(generateBackup(ENTRIES, deck)));

  await page.goto('/');
  // The service worker takes a first visit at once (clients.claim), so no reload is needed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await restore(page, file);
  const streamed = await exportCsv(page);
  expect(streamed.url).toContain('/streamed-download/');
  // The app is still usable straight after.
  await page.getByRole('link', { name: 'Logbook' }).click();
  await expect(page.getByTestId('entry-summary').first()).toBeVisible();

  const text = streamed.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF"Entry ID"')).toBe(true);
  const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(ENTRIES * 3);
  const written = rows.map((r) => r.Written!);
  expect(written).toEqual([...written].sort().reverse());
  expect(new Set(rows.map((r) => r['Entry ID'])).size).toBe(ENTRIES);

  const ordinary = await withoutServiceWorker(browser, baseURL!, async (other) => {
    await restore(other, file);
    return exportCsv(other);
  });
  expect(ordinary.url).toMatch(/^blob:/);
  expect(ordinary.bytes.equals(streamed.bytes)).toBe(true);
});

test.describe('with the CSV worker’s garbage collected while it reads', () => {
  // `gc()` is in every page and worker (playwright.config.ts). The logbook lives in a storage bucket
  // (src/storage/home.ts): Chromium 156 left the worker's read waiting forever once the bucket's object was collected.
  test('the export still finishes, every row in it', async ({ page, context }, info) => {
    test.setTimeout(120_000);
    await withoutSaveDialog(context);
    const deck = JSON.parse(readFileSync('content/decks/power-shifting/deck.json', 'utf8')) as unknown;
    const file = info.outputPath('big-backup.json');
    writeFileSync(file, JSON.stringify(generateBackup(ENTRIES, deck)));
    await restore(page, file);
    await page.goto('/#/settings');
    const collect = () => (globalThis as unknown as { gc(): void }).gc();
    page.on('worker', (worker) => void worker.evaluate(async (times) => {
      for (let i = 0; i < times; i++) {
        (globalThis as unknown as { gc(): void }).gc();
        await new Promise((next) => setTimeout(next, 5));
      }
    }, 20).catch(() => undefined));
    await page.evaluate(collect);
    const { bytes } = await exportCsv(page);
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(ENTRIES * 3);
  });
});
