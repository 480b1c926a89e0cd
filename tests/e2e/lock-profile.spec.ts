/**
 * The lock against the disk: a real Chromium on a profile folder (see crash.ts). Once locked,
 * no file of the profile holds what was typed; and turning the lock on survives the browser
 * being killed half-way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateBackup } from '../bench/generate-logbook.mjs';
import { discard, launch, openApp, profileDir, quit, type RunningBrowser } from './crash';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE, setLock, storedEntries } from './lock-steps';
import { logbookBuckets } from './logbook-db';
import { filesHolding } from './profile-files';

let profile: string;
let running: RunningBrowser | undefined;

test.beforeEach(() => {
  profile = profileDir('ps-lock-');
});

test.afterEach(async () => {
  await discard(running, profile);
  running = undefined;
});

/** A browser on the profile, and an entry saved in it for `community`. */
async function saveEntry(community: string) {
  running = await launch(profile);
  const page = await openApp(running, '/#/logbook/new');
  await page.getByLabel('Which community are you working with?').fill(community);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  return { page, origin: new URL(page.url()).origin };
}

test('what was written before the lock was set: once locked, no file of the profile holds it, and the passphrase opens it', async () => {
  test.setTimeout(180_000);
  const saved = 'Quillbracken';
  const drafted = 'Fernwhistle';
  const { page, origin } = await saveEntry(`${saved} allotment society`);
  // A draft left unsaved, its copy in localStorage as the page goes, then moved into the logbook.
  await page.goto(`${origin}/#/logbook/new`);
  await page.getByLabel('What does this look like where you work?').fill(`${drafted} thoughts half written`);
  await page.waitForTimeout(1500);
  await page.goto(`${origin}/#/about`);
  await page.reload();
  // Without the lock both are in the profile's files as typed: the search below can find them.
  await expect.poll(() => filesHolding(profile, saved).length, { message: 'saved text on disk before the lock' }).toBeGreaterThan(0);
  expect(filesHolding(profile, drafted).length, 'draft on disk before the lock').toBeGreaterThan(0);
  const before = await logbookBuckets(page);
  expect(before).toHaveLength(1);

  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(page.getByText('Your logbook is locked with a passphrase')).toBeVisible();
  await expect(page.getByTestId('lock-progress')).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  // Locking moves the encrypted logbook into a new bucket and deletes the old one with its files.
  await expect.poll(async () => (await logbookBuckets(page)).filter((name) => name !== before[0]), { timeout: 60_000 }).toHaveLength(1);
  await expect.poll(() => logbookBuckets(page)).toHaveLength(1);
  await quit(running!);
  running = undefined;

  expect(filesHolding(profile, saved), 'files holding the text saved before the lock').toEqual([]);
  expect(filesHolding(profile, drafted), 'files holding the draft typed before the lock').toEqual([]);

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  await again.getByLabel('Passphrase').fill(PASSPHRASE);
  await again.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(again.getByTestId('entry-summary')).toContainText(`${saved} allotment society`);
  await again.goto(`${origin}/#/logbook/new`);
  await expect(again.getByLabel('What does this look like where you work?')).toHaveValue(`${drafted} thoughts half written`);
});

test('with a lock set, no file of the profile holds what is typed, saved or not: not IndexedDB, not localStorage', async () => {
  test.setTimeout(120_000);
  const secret = 'Marigoldquince';
  const drafted = 'Thistlewhorl';
  running = await launch(profile);
  const page = await openApp(running, '/#/settings');
  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(page.getByText('Your logbook is locked with a passphrase')).toBeVisible();

  await page.goto(`${new URL(page.url()).origin}/#/logbook/new`);
  await page.getByLabel('Which community are you working with?').fill(`${secret} tenants association`);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  // An unsaved draft too, typed and left as the page goes (when a copy would go to localStorage).
  await page.goto(`${new URL(page.url()).origin}/#/logbook/new`);
  await page.getByLabel('What does this look like where you work?').fill(`${drafted} words not yet saved`);
  await page.waitForTimeout(1500);
  // A session: its title and participants (a form sent, which Chromium's autofill would keep) and
  // its notes (a field outside any form, which its session-restore file would keep).
  await page.goto(`${new URL(page.url()).origin}/#/sessions`);
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill('Supervision Plumtart');
  await page.getByLabel('Participants (optional)').fill('Gooseberryfool and colleague');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('In progress');
  await page.getByLabel('Notes for the whole session').fill('Damsonjam came up twice');
  await page.waitForTimeout(1500);
  await page.goto(`${new URL(page.url()).origin}/#/about`);
  await quit(running);
  running = undefined;

  expect(filesHolding(profile, secret), 'files holding the saved text').toEqual([]);
  expect(filesHolding(profile, drafted), 'files holding the draft').toEqual([]);
  for (const word of ['Plumtart', 'Gooseberryfool', 'Damsonjam']) expect(filesHolding(profile, word), `files holding ${word}`).toEqual([]);

  // And it is all there behind the passphrase, the draft included.
  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  await again.getByLabel('Passphrase').fill(PASSPHRASE);
  await again.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(again.getByTestId('entry-summary')).toContainText(`${secret} tenants association`);
  await again.goto(`${new URL(again.url()).origin}/#/logbook/new`);
  await expect(again.getByLabel('What does this look like where you work?')).toHaveValue(`${drafted} words not yet saved`);
  await again.goto(`${new URL(again.url()).origin}/#/sessions`);
  await again.getByRole('link', { name: 'Session 1' }).first().click();
  await expect(again.getByLabel('Notes for the whole session')).toHaveValue('Damsonjam came up twice');
});

/** A browser on the profile with a logbook of 4,000 entries restored from a backup. */
async function restoreEntries(info: TestInfo) {
  const deck = JSON.parse(readFileSync('content/decks/power-shifting/deck.json', 'utf8')) as unknown;
  const file = info.outputPath('backup.json');
  const backup = generateBackup(4000, deck);
  writeFileSync(file, JSON.stringify(backup));
  running = await launch(profile);
  const page = await openApp(running, '/#/settings');
  await page.locator('#restore-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import this backup' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible({ timeout: 90_000 });
  return { page, backup };
}

/** Unlocks with the passphrase, and waits for every live entry of `backup` to be listed. */
async function unlockAll(page: Page, backup: ReturnType<typeof generateBackup>) {
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('entry-summary').first()).toBeVisible({ timeout: 90_000 });
  const live = backup.data.entries.filter((e) => e.deleted === 0).length;
  await expect(page.locator('.logbook__count')).toHaveText(`${live} entries`, { timeout: 120_000 });
}

test('killed half-way through turning the lock on: reopened, unlocked, it finishes and nothing is lost', async ({ page: _unused }, info) => {
  test.setTimeout(240_000);
  const { page, backup } = await restoreEntries(info);

  await setLock(page);
  await expect(page.getByTestId('lock-progress')).toContainText(/[1-9]\d* records done/, { timeout: 60_000 });
  await running!.kill();

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  const half = await storedEntries(again);
  expect(half.sealed, 'encrypted before the kill').toBeGreaterThan(0);
  expect(half.plain, 'still to do after the kill').toBeGreaterThan(0);
  await unlockAll(again, backup);
  await expect.poll(() => storedEntries(again), { timeout: 120_000 }).toEqual({ sealed: 4000, plain: 0 });
  info.annotations.push({ type: 'rewrite', description: `killed with ${half.sealed} of 4000 entries encrypted; finished after reopening` });
});

test('killed while the locked logbook moves out of its old files: reopened, nothing is lost and the move finishes', async ({ page: _unused }, info) => {
  test.setTimeout(240_000);
  const { page, backup } = await restoreEntries(info);
  await setLock(page);
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(page.getByTestId('lock-progress')).toHaveCount(0, { timeout: 120_000 });
  const before = await logbookBuckets(page);

  await page.getByRole('button', { name: 'Lock now' }).first().click();
  // The new bucket exists while the records are copied into it: killed then.
  await expect.poll(() => logbookBuckets(page), { intervals: [10], timeout: 60_000 }).toHaveLength(2);
  await running!.kill();

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  await unlockAll(again, backup);
  // Moved afresh on reopening: one bucket, not the old one, every entry in it encrypted.
  const after = await logbookBuckets(again);
  expect(after).toHaveLength(1);
  expect(after).not.toEqual(before);
  expect(await storedEntries(again)).toEqual({ sealed: 4000, plain: 0 });
});

test('Delete all data takes what was written out of the profile’s files, not only out of the logbook', async () => {
  test.setTimeout(120_000);
  const word = 'Rhubarbcrumble';
  const { page, origin } = await saveEntry(`${word} food bank`);
  await expect.poll(() => filesHolding(profile, word).length, { message: 'on disk before' }).toBeGreaterThan(0);

  await page.goto(`${origin}/#/settings`);
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('Everything was deleted from this device.')).toBeVisible();
  await quit(running!);
  running = undefined;
  expect(filesHolding(profile, word), 'files holding the deleted entry').toEqual([]);

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  await expect(again.getByRole('heading', { name: 'Your logbook is empty' })).toBeVisible();
});
