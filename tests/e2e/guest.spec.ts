/**
 * Guest mode on a shared device: a logbook apart from the device's own, marked on every screen,
 * a backup offered before leaving, and nothing of it on the disk after leaving (the profile
 * folder searched, as in lock-profile.spec.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { discard, launch, openApp, profileDir, quit, type RunningBrowser } from './crash';
import { expect, expectNoAxeViolations, test, withoutSaveDialog } from './fixtures';
import { filesHolding } from './profile-files';

const BANNER = 'Guest — nothing is kept';

async function writeEntry(page: Page, community: string): Promise<void> {
  await page.goto(new URL('/#/logbook/new', page.url()).href);
  await page.getByLabel('Which community are you working with?').fill(community);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
}

async function startGuest(page: Page): Promise<void> {
  await page.goto(new URL('/#/settings', page.url()).href);
  await page.getByRole('link', { name: 'Use the app as a guest' }).click();
  await expect(page.getByRole('heading', { name: 'Use as a guest' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByTestId('guest-banner')).toContainText(BANNER);
}

test('a guest’s logbook is apart from the device’s own, marked on every screen, and a backup is offered before leaving', async ({ page, context }) => {
  await withoutSaveDialog(context);
  await page.goto('/#/about');
  await writeEntry(page, 'OWNER-ENTRY Moss Side residents');
  await startGuest(page);
  await expectNoAxeViolations(page, 'guest session started');
  await page.goto('/#/logbook');
  await expect(page.getByText('OWNER-ENTRY')).toHaveCount(0);
  await writeEntry(page, 'GUEST-ENTRY Ancoats youth panel');
  for (const path of ['/#/', '/#/deck', '/#/logbook', '/#/sessions', '/#/actions', '/#/settings', '/#/facilitate']) {
    await page.goto(path);
    await expect(page.getByTestId('guest-banner'), path).toContainText(BANNER);
  }
  // A reload stays a guest, with the guest's logbook.
  await page.goto('/#/logbook');
  await page.reload();
  await expect(page.getByTestId('entry-summary')).toContainText('GUEST-ENTRY');

  await page.getByRole('link', { name: 'Leave guest mode' }).click();
  await expect(page.getByRole('heading', { name: 'Leave guest mode' })).toBeVisible();
  await expectNoAxeViolations(page, 'leave guest mode');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toContain('GUEST-ENTRY Ancoats youth panel');

  await page.getByRole('button', { name: 'Leave and wipe everything' }).click();
  await expect(page.getByRole('heading', { name: 'Deal a card' })).toBeVisible();
  await expect(page.getByTestId('guest-banner')).toHaveCount(0);
  await page.goto('/#/logbook');
  await expect(page.getByTestId('entry-summary')).toContainText('OWNER-ENTRY');
  await expect(page.getByText('GUEST-ENTRY')).toHaveCount(0);
});

let profile: string;
let running: RunningBrowser | undefined;

test.afterEach(async () => {
  await discard(running, profile);
  running = undefined;
});

test('after leaving guest mode and a restart, no file of the profile holds what the guest wrote', async () => {
  test.setTimeout(120_000);
  profile = profileDir('ps-guest-');
  const secret = 'Periwinkleaster';
  running = await launch(profile);
  const page = await openApp(running, '/#/about');
  await writeEntry(page, 'Owner words kept');
  await startGuest(page);
  await writeEntry(page, `${secret} allotment society`);
  // And a draft, typed and not saved.
  await page.goto(new URL('/#/logbook/new', page.url()).href);
  await page.getByLabel('What does this look like where you work?').fill(`${secret} draft not saved`);
  await page.waitForTimeout(1500);
  await page.goto(new URL('/#/guest', page.url()).href);
  await page.getByRole('button', { name: 'Leave and wipe everything' }).click();
  await expect(page.getByTestId('guest-banner')).toHaveCount(0);
  await quit(running);
  running = undefined;
  expect(filesHolding(profile, secret), 'files holding the guest’s words').toEqual([]);

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook');
  await expect(again.getByTestId('entry-summary')).toContainText('Owner words kept');
  await quit(running);
  running = undefined;
  expect(filesHolding(profile, secret), 'files holding the guest’s words after a restart').toEqual([]);
});
