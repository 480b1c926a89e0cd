import { expect, expectNoAxeViolations, test } from './fixtures';
import { closeDevices, join, linkDeviceInvite, newDevice, serverFiles, writeNote } from './sync-devices';

test('two own devices linked with an invite hold one logbook: an entry written on either appears on the other', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const laptop = await newDevice(browser, baseURL!);
  const phone = await newDevice(browser, baseURL!);
  await writeNote(laptop.page, 'LAPTOP-NOTE before linking: walk the Levenshulme estate');

  const link = await linkDeviceInvite(laptop.page);
  await expect(laptop.page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(laptop.page, 'devices and sharing with an invite');
  expect(link.startsWith(baseURL!)).toBe(true);

  await join(phone.page, link);
  await expectNoAxeViolations(phone.page, 'joined');
  await phone.page.goto('/#/logbook');
  await expect(phone.page.getByTestId('entry-summary')).toContainText('LAPTOP-NOTE before linking');

  await writeNote(phone.page, 'PHONE-NOTE after linking: ask the allotment group');
  await laptop.page.goto('/#/logbook');
  await expect(laptop.page.getByTestId('entry-summary').filter({ hasText: 'PHONE-NOTE after linking' })).toBeVisible();

  await laptop.page.goto('/#/settings');
  await expect(laptop.page.getByTestId('space-status')).toContainText('Synced.');
  await expect(laptop.page.getByTestId('sync-status')).toHaveText('Synced');

  const files = serverFiles();
  for (const typed of ['LAPTOP-NOTE', 'PHONE-NOTE', 'Levenshulme', 'allotment']) expect(files).not.toContain(typed);
  await closeDevices(laptop, phone);
});
