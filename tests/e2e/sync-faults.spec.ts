/**
 * Sync under faults: a second tab writing while the first syncs for the device, and a browser
 * killed with SIGKILL mid-sync, started again on the same profile.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { baseURL, discard, launch, openApp, profileDir, type RunningBrowser } from './crash';
import { closeDevices, inviteShown, join, linkDeviceInvite, newDevice, writeNote } from './sync-devices';

/** Waits until a page, read afresh, lists an entry with these words: another device's write may arrive at any moment. */
async function listed(page: Page, text: string): Promise<void> {
  await expect(async () => {
    await page.goto(`${baseURL()}/#/logbook`);
    await page.reload();
    await expect(page.getByTestId('entry-summary').filter({ hasText: text })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 45_000 });
}

test('a second tab writes while the first syncs for the device: the entry reaches the other device, and the other device’s reaches both tabs', async ({ browser, baseURL: base }) => {
  test.setTimeout(120_000);
  const laptop = await newDevice(browser, base!);
  const phone = await newDevice(browser, base!);
  await join(phone.page, await linkDeviceInvite(laptop.page));
  // The first tab syncs (it holds the lock since it first shared); the second only writes.
  await expect(laptop.page.getByTestId('sync-status')).toHaveText('Synced');
  const second = await laptop.context.newPage();
  await writeNote(second, 'SECOND-TAB-NOTE: written beside the syncing tab');
  await expect(laptop.page.getByTestId('sync-status')).toHaveText(/Sync/);
  await listed(phone.page, 'SECOND-TAB-NOTE');

  await writeNote(phone.page, 'PHONE-TO-TABS: seen in both tabs');
  await listed(second, 'PHONE-TO-TABS');
  await listed(laptop.page, 'PHONE-TO-TABS');
  await second.close();
  await closeDevices(laptop, phone);
});

let profile: string;
let running: RunningBrowser | undefined;

test.afterEach(async () => {
  await discard(running, profile);
  running = undefined;
});

async function save(page: Page, notes: string): Promise<void> {
  await page.goto(`${baseURL()}/#/logbook/new`);
  await page.getByLabel('Notes', { exact: false }).first().fill(notes);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  // The app then opens the entry: the next form must not be opened before that, or it is replaced.
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
}

test('a browser killed mid-sync loses nothing it saved, and syncs both ways when started again', async ({ browser, baseURL: base }) => {
  test.setTimeout(180_000);
  profile = profileDir();
  running = await launch(profile);
  const laptop = await openApp(running, '/#/settings');
  await laptop.getByRole('button', { name: 'Link another device' }).click();
  const phone = await newDevice(browser, base!);
  await join(phone.page, await inviteShown(laptop));
  await save(laptop, 'BEFORE-CRASH-0: synced before the crash');
  await listed(phone.page, 'BEFORE-CRASH-0');

  // Several saves, the browser killed straight after the last: their sync may be under way or not begun.
  for (let i = 1; i <= 4; i++) await save(laptop, `MID-SYNC-${i}: saved just before the crash`);
  await running.kill();
  running = undefined;

  // Meanwhile the phone writes.
  await writeNote(phone.page, 'WHILE-DOWN: written while the laptop was gone');

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  for (let i = 1; i <= 4; i++) await expect(again.getByTestId('entry-summary').filter({ hasText: `MID-SYNC-${i}` })).toBeVisible();
  for (let i = 1; i <= 4; i++) await listed(phone.page, `MID-SYNC-${i}`);
  await listed(again, 'WHILE-DOWN');
  await expect(phone.page.getByTestId('entry-summary')).toHaveCount(6);
  await expect(again.getByTestId('entry-summary')).toHaveCount(6);
  await closeDevices(phone);
});
