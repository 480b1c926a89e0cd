/** Sessions set up through the app, as people do, and the files they take away. */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

export async function startSupervision(page: Page) {
  await page.goto('/#/sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill('Supervision with A.B.');
  await page.getByLabel('Participants (optional)').fill('A.B., C.D.');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B.' })).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText('In progress');
}
