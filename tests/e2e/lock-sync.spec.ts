/** The lock with sync and own decks: a locked device sends nothing, shows no sync status, and carries on once unlocked. */
import type { WebSocket } from '@playwright/test';
import { API_PATH } from '../../src/domain/sync/protocol';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { PASSPHRASE, setLock } from './lock-steps';
import { closeDevices, join, linkDeviceInvite, newDevice, writeNote } from './sync-devices';

test('a locked device sends nothing to the sync server and shows no sync status; unlocked, it syncs what arrived meanwhile', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const laptop = await newDevice(browser, baseURL!);
  const phone = await newDevice(browser, baseURL!);
  // Once it is locked: every request and every WebSocket message the laptop sends.
  let locked = false;
  const sent: string[] = [];
  const sockets: WebSocket[] = [];
  // The app's own files may load from the server while locked (a reload): what counts is the sync API.
  laptop.context.on('request', (request) => locked && new URL(request.url()).pathname.startsWith(API_PATH) && sent.push(`${request.method()} ${request.url()}`));
  laptop.page.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('framesent', () => locked && sent.push(`frame on ${socket.url()}`));
  });
  await writeNote(laptop.page, 'LAPTOP-NOTE before the lock');
  await join(phone.page, await linkDeviceInvite(laptop.page));

  await setLock(laptop.page);
  await laptop.page.getByRole('button', { name: 'I have kept it safe' }).click();
  await expect(laptop.page.getByTestId('sync-status')).toHaveText('Synced');
  const open = sockets.filter((s) => !s.isClosed());
  expect(open.length, 'the laptop syncs over a WebSocket while unlocked').toBeGreaterThan(0);
  await laptop.page.getByRole('button', { name: 'Lock now' }).first().click();
  await expect(laptop.page.getByLabel('Passphrase')).toBeVisible();
  await expect.poll(() => open.every((s) => s.isClosed()), { message: 'the sync connection closes on locking' }).toBe(true);
  locked = true;
  await expect(laptop.page.getByTestId('sync-status')).toHaveCount(0);

  // Own decks are sealed too: the deal screen says so, and deals from the built-in decks.
  await laptop.page.goto('/#/');
  await expect(laptop.page.getByTestId('own-decks-locked')).toContainText('Your own decks are locked with the logbook');
  await expectNoAxeViolations(laptop.page, 'deal screen while locked');

  // The phone writes while the laptop is locked; a reload of the locked laptop does not start sync either.
  await writeNote(phone.page, 'PHONE-NOTE while the laptop was locked');
  await phone.page.goto('/#/settings');
  await expect(phone.page.getByTestId('sync-status')).toHaveText('Synced');
  await laptop.page.reload();
  await expect(laptop.page.getByTestId('own-decks-locked')).toBeVisible();
  await writeNote(phone.page, 'PHONE-NOTE second, after the laptop reloaded');
  await expect(phone.page.getByTestId('sync-status')).toHaveText('Synced');
  expect(sent, 'sent by the laptop while locked').toEqual([]);
  await expect(laptop.page.getByTestId('sync-status')).toHaveCount(0);

  locked = false;
  await laptop.page.goto('/#/logbook');
  await laptop.page.getByLabel('Passphrase').fill(PASSPHRASE);
  await laptop.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(laptop.page.getByTestId('entry-summary').filter({ hasText: 'PHONE-NOTE second' })).toBeVisible({ timeout: 30_000 });
  await expect(laptop.page.getByTestId('entry-summary').filter({ hasText: 'PHONE-NOTE while the laptop was locked' })).toBeVisible();
  await expect(laptop.page.getByTestId('sync-status')).toHaveText('Synced');
  await expect(laptop.page.getByTestId('own-decks-locked')).toHaveCount(0);
  await closeDevices(laptop, phone);
});
