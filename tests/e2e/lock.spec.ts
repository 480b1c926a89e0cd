/**
 * The lock: a logbook of 1,000 entries locked, reloaded, unlocked and searched; the profile on
 * disk holding none of the typed text once locked; turning the lock on killed half-way and
 * finished after; auto-lock in presenter view.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateBackup } from '../bench/generate-logbook.mjs';
import { appReady, expect, expectNoAxeViolations, test } from './fixtures';
import { PASSPHRASE, setLock, storedEntries } from './lock-steps';

async function restore(page: Page, file: string) {
  await page.goto('/#/settings');
  await page.locator('#restore-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import this backup' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible({ timeout: 60_000 });
}

test('a logbook of 1,000 entries is locked, reloaded, unlocked with the passphrase and searched', async ({ page }, info) => {
  test.setTimeout(180_000);
  const deck = JSON.parse(readFileSync('content/decks/power-shifting/deck.json', 'utf8')) as unknown;
  const file = info.outputPath('backup.json');
  const backup = generateBackup(1000, deck);
  backup.data.entries[500]!.reflection += ' Quokka panel in Levenshulme.';
  writeFileSync(file, JSON.stringify(backup));
  await page.goto('/');
  await appReady(page);
  await restore(page, file);

  const code = await setLock(page);
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4})+$/);
  await expectNoAxeViolations(page, 'the recovery code');
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(page.getByTestId('lock-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByText('Your logbook is locked with a passphrase')).toBeVisible();
  expect(await storedEntries(page)).toEqual({ sealed: 1000, plain: 0 });

  await page.reload();
  await appReady(page);
  await page.goto('/#/logbook');
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();
  await expectNoAxeViolations(page, 'the unlock screen');
  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('does not open this logbook');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('entry-summary').first()).toBeVisible({ timeout: 60_000 });

  // Search as you type, over the index made from the decrypted records.
  await page.getByLabel('Search your logbook').pressSequentially('quokka levensh');
  await expect(page.getByText('1 of 1000 entries match')).toBeVisible();
  await expect(page.getByTestId('entry-summary')).toContainText('Quokka panel in Levenshulme.');

  // Lock now, from the top bar: the logbook asks again, and the deck still deals.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();
  await page.getByRole('link', { name: 'Deal' }).first().click();
  await expect(page.locator('article.card, .card--back').first()).toBeVisible();
});
