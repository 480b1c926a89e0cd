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
import { logbookBuckets } from './logbook-db';

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

test('an encrypted backup holds none of the words, and restoring it on another device asks for its passphrase', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('/#/logbook/new');
  await appReady(page);
  await page.getByLabel('Which community are you working with?').fill('Gorton Quokka club');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.goto('/#/settings');
  await expect(page.getByText('Without a passphrase the backup is not encrypted')).toBeVisible();
  await page.getByLabel('Encrypt the backup with a passphrase').check();
  await page.getByLabel('Passphrase for this backup').fill('backup only words');
  await page.getByLabel('The same passphrase again').last().fill('backup only words');
  await expectNoAxeViolations(page, 'the backup passphrase');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up now' }).click()]);
  const file = await download.path();
  expect(readFileSync(file, 'utf8')).not.toContain('Quokka');

  const other = await browser.newContext({ baseURL });
  try {
    const there = await other.newPage();
    await there.goto('/#/settings');
    await appReady(there);
    await there.locator('#restore-file').setInputFiles(file);
    await expect(there.getByRole('alert')).toContainText('This backup is encrypted');
    await there.getByLabel('The backup’s passphrase').fill('not it');
    await there.getByRole('button', { name: 'Open the backup' }).click();
    await expect(there.getByRole('alert')).toContainText('does not open this backup');
    await there.getByLabel('The backup’s passphrase').fill('backup only words');
    await there.getByRole('button', { name: 'Open the backup' }).click();
    await expect(there.getByTestId('restore-preview')).toContainText('It is encrypted');
    await there.getByRole('button', { name: 'Import this backup' }).click();
    await expect(there.getByText('Backup restored.')).toBeVisible();
    await there.goto('/#/logbook');
    await expect(there.getByTestId('entry-summary')).toContainText('Gorton Quokka club');
  } finally {
    await other.close();
  }
});

test('in presenter view the lock comes by itself after the idle time, and with L, and the wall shows nothing but the card', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.goto('/#/logbook/new');
  await appReady(page);
  await page.getByLabel('Which community are you working with?').fill('Chorlton Quokka circle');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await page.getByLabel('Lock by itself after').selectOption('5');

  await page.goto('/#/present');
  await expect(page.getByText('Press → or Space to deal the first card')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const card = page.locator('.presenter article.card');
  await expect(card).toBeVisible();
  await page.clock.fastForward('06:00');
  // Locked: the wall keeps its card, and asks nothing and shows nothing of the logbook.
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toHaveCount(0);
  await expect(card).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Quokka');
  await page.keyboard.press('Escape');
  await page.goto('/#/logbook');
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();

  // L locks at once from the wall.
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('entry-summary')).toContainText('Chorlton Quokka circle');
  await page.goto('/#/present');
  await expect(card).toBeVisible();
  await page.keyboard.press('l');
  await page.goto('/#/logbook');
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();
});

test('locking with a second tab open: the other tab lets go of the logbook, it moves out of its old files, and both tabs open it again', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/#/logbook/new');
  await page.getByLabel('Which community are you working with?').fill('Wythenshawe food pantry');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(page.getByTestId('lock-progress')).toHaveCount(0, { timeout: 60_000 });
  const other = await context.newPage();
  await other.goto('/#/logbook');
  await expect(other.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();
  const before = await logbookBuckets(page);

  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await expect.poll(async () => { const now = await logbookBuckets(page); return now.length === 1 && now[0] !== before[0]; }, { timeout: 60_000 }).toBe(true);
  for (const tab of [other, page]) {
    await tab.goto('/#/logbook');
    await tab.getByLabel('Passphrase').fill(PASSPHRASE);
    await tab.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(tab.getByTestId('entry-summary')).toContainText('Wythenshawe food pantry');
  }
});

test('this device unlocks the logbook (WebAuthn with a virtual authenticator), beside the passphrase', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // WebAuthn refuses IP addresses as sites: the same server, by name.
  const site = baseURL!.replace('127.0.0.1', 'localhost');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  await page.goto(`${site}/#/logbook/new`);
  await page.getByLabel('Which community are you working with?').fill('Gorton repair cafe');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();

  await page.getByRole('button', { name: 'Unlock with this device too' }).click();
  await page.getByLabel('Current passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Set up this device' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open this logbook');
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up this device' }).click();
  await expect(page.getByText('This device can now unlock the logbook')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop unlocking with this device' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await page.goto(`${site}/#/logbook`);
  await expect(page.getByRole('heading', { name: 'The logbook is locked' })).toBeVisible();
  await expectNoAxeViolations(page, 'the unlock screen with this device offered');
  await page.getByRole('button', { name: 'Unlock with this device' }).click();
  await expect(page.getByTestId('entry-summary')).toContainText('Gorton repair cafe');

  // The passphrase still opens it; stopping leaves only the passphrase and the recovery code.
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('entry-summary')).toContainText('Gorton repair cafe');
  await page.goto(`${site}/#/settings`);
  await page.getByRole('button', { name: 'Stop unlocking with this device' }).click();
  await expect(page.getByText('This device no longer unlocks the logbook.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await page.goto(`${site}/#/logbook`);
  await expect(page.getByLabel('Passphrase')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock with this device' })).toHaveCount(0);
});
