import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { closeDevices, inviteShown, join, linkDeviceInvite, newDevice, serverFiles, writeNote } from './sync-devices';

/** What a page shows after reading the logbook afresh: another device's change may arrive at any moment. */
async function afterReload(page: Page, path: string, check: () => Promise<unknown>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test('check-ins and decks of one’s own reach a linked device, and a check-in changed there comes back', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const laptop = await newDevice(browser, baseURL!);
  const phone = await newDevice(browser, baseURL!);

  await laptop.page.goto('/#/checkins');
  await laptop.page.getByLabel('Community', { exact: true }).fill('CHECKIN-COMMUNITY Moss Side');
  await laptop.page.getByLabel('Date', { exact: true }).fill('2026-05-01');
  await laptop.page.getByRole('button', { name: 'Start check-in' }).click();
  await expect(laptop.page.getByRole('heading', { level: 1, name: /Where are we now\? CHECKIN-COMMUNITY/ })).toBeVisible();

  await laptop.page.goto('/#/your-decks');
  await laptop.page.getByRole('button', { name: 'Make a new deck' }).click();
  await laptop.page.getByLabel('Name of the deck').fill('OWN-DECK housing team');
  await expect(async () => {
    await laptop.page.reload();
    await expect(laptop.page.getByLabel('Name of the deck')).toHaveValue('OWN-DECK housing team', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });

  await join(phone.page, await linkDeviceInvite(laptop.page));
  await afterReload(phone.page, '/#/checkins', () => expect(phone.page.getByRole('main')).toContainText('CHECKIN-COMMUNITY Moss Side', { timeout: 2000 }));
  await afterReload(phone.page, '/#/your-decks', () => expect(phone.page.getByRole('main')).toContainText('OWN-DECK housing team', { timeout: 2000 }));

  // Evidence noted on the phone reaches the laptop.
  await phone.page.goto('/#/checkins');
  await phone.page.getByTestId('checkin-item').getByRole('link').first().click();
  const evidence = phone.page.getByTestId('rated-people-2').getByLabel('Evidence (optional)');
  await evidence.fill('PHONE-EVIDENCE the youth club runs its own budget');
  await expect(async () => {
    await phone.page.reload();
    await expect(phone.page.getByTestId('rated-people-2').getByLabel('Evidence (optional)')).toHaveValue(/PHONE-EVIDENCE/, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  const checkinUrl = phone.page.url().replace(/^.*#/, '/#');
  await afterReload(laptop.page, checkinUrl, () =>
    expect(laptop.page.getByTestId('rated-people-2').getByLabel('Evidence (optional)')).toHaveValue(/PHONE-EVIDENCE/, { timeout: 2000 }),
  );

  const files = serverFiles();
  for (const typed of ['CHECKIN-COMMUNITY', 'Moss Side', 'OWN-DECK', 'PHONE-EVIDENCE']) expect(files).not.toContain(typed);
  await closeDevices(laptop, phone);
});

test('an entry shared with a team and then made private is withdrawn from the other member, and stays with its author on both her devices', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const annLaptop = await newDevice(browser, baseURL!);
  const annPhone = await newDevice(browser, baseURL!);
  const bob = await newDevice(browser, baseURL!);

  await join(annPhone.page, await linkDeviceInvite(annLaptop.page));
  // Afresh, so the invite read next is the team's, not the one just used.
  await annLaptop.page.reload();
  await annLaptop.page.getByLabel('Team name').fill('Gorton team');
  await annLaptop.page.getByRole('button', { name: 'Create the team' }).click();
  await expect(annLaptop.page.getByTestId('space').filter({ hasText: 'Team: Gorton team' })).toBeVisible();
  await join(bob.page, await inviteShown(annLaptop.page));

  await writeNote(annLaptop.page, 'WITHDRAWN-NOTE: the landlord meeting', (page) => page.getByLabel('Share with').selectOption({ label: 'Gorton team' }));
  await writeNote(annLaptop.page, 'STAYS-SHARED: the community fridge', (page) => page.getByLabel('Share with').selectOption({ label: 'Gorton team' }));
  const bobSees = (text: string) => bob.page.getByTestId('entry-summary').filter({ hasText: text });
  await afterReload(bob.page, '/#/logbook', () => expect(bobSees('WITHDRAWN-NOTE')).toBeVisible({ timeout: 2000 }));
  await afterReload(annPhone.page, '/#/logbook', () => expect(annPhone.page.getByTestId('entry-summary').filter({ hasText: 'WITHDRAWN-NOTE' })).toBeVisible({ timeout: 2000 }));

  // Ann makes it private again.
  await annLaptop.page.goto('/#/logbook');
  await annLaptop.page.getByTestId('entry-summary').filter({ hasText: 'WITHDRAWN-NOTE' }).getByRole('link').first().click();
  await annLaptop.page.getByRole('checkbox', { name: /Private/ }).check();
  await annLaptop.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(annLaptop.page.getByText('Saved to your logbook.')).toBeVisible();

  await afterReload(bob.page, '/#/logbook', () => expect(bobSees('WITHDRAWN-NOTE')).toHaveCount(0, { timeout: 2000 }));
  await expect(bobSees('STAYS-SHARED')).toBeVisible();
  // The author keeps it, private, on both her devices.
  await afterReload(annPhone.page, '/#/logbook', () =>
    expect(annPhone.page.getByTestId('entry-summary').filter({ hasText: 'WITHDRAWN-NOTE' })).toContainText('Private', { timeout: 2000 }),
  );
  await annLaptop.page.goto('/#/logbook');
  await expect(annLaptop.page.getByTestId('entry-summary').filter({ hasText: 'WITHDRAWN-NOTE' })).toBeVisible();
  // Bob's device does not bring it back after a restart of its sync.
  await bob.page.reload();
  await bob.page.goto('/#/logbook');
  await expect(bobSees('STAYS-SHARED')).toBeVisible();
  await expect(bobSees('WITHDRAWN-NOTE')).toHaveCount(0);

  const files = serverFiles();
  for (const typed of ['WITHDRAWN-NOTE', 'landlord', 'STAYS-SHARED', 'Gorton team']) expect(files).not.toContain(typed);
  await closeDevices(annLaptop, annPhone, bob);
});

test('a check-in shared with a team reaches the other member, and choosing “Just me” takes it back', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ann = await newDevice(browser, baseURL!);
  const bob = await newDevice(browser, baseURL!);
  await ann.page.goto('/#/settings');
  await ann.page.getByLabel('Team name').fill('Hulme team');
  await ann.page.getByRole('button', { name: 'Create the team' }).click();
  await join(bob.page, await inviteShown(ann.page));

  await ann.page.goto('/#/checkins');
  await ann.page.getByLabel('Community', { exact: true }).fill('TEAM-CHECKIN Hulme tenants');
  await ann.page.getByLabel('Date', { exact: true }).fill('2026-06-01');
  await ann.page.getByRole('button', { name: 'Start check-in' }).click();
  const share = ann.page.getByLabel('Share with');
  await share.selectOption({ label: 'Hulme team' });
  await expectNoAxeViolations(ann.page, 'check-in shared with a team');
  await expect(async () => {
    await ann.page.reload();
    await expect(ann.page.getByLabel('Share with')).toHaveValue(/.+/, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await afterReload(bob.page, '/#/checkins', () => expect(bob.page.getByRole('main')).toContainText('TEAM-CHECKIN Hulme tenants', { timeout: 2000 }));

  await ann.page.getByLabel('Share with').selectOption({ label: 'Just me' });
  await afterReload(bob.page, '/#/checkins', () => expect(bob.page.getByText('No check-ins yet.')).toBeVisible({ timeout: 2000 }));
  await ann.page.goto('/#/checkins');
  await expect(ann.page.getByRole('main')).toContainText('TEAM-CHECKIN Hulme tenants');

  const files = serverFiles();
  for (const typed of ['TEAM-CHECKIN', 'Hulme']) expect(files).not.toContain(typed);
  await closeDevices(ann, bob);
});
