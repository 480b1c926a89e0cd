import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { makeInvite, parseInvite } from '../../src/sync/invite-link';
import { startSupervision } from './session-setup';
import { closeDevices, inviteShown, join, linkDeviceInvite, newDevice, serverFiles, writeNote } from './sync-devices';

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

async function addSessionAction(page: Page, what: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add an action' });
  await form.getByLabel('What will be done?').fill(what);
  await form.getByRole('button', { name: /Add/ }).click();
  await expect(page.getByTestId('session-actions')).toContainText(what);
}

async function markDone(page: Page, what: string, happened: string): Promise<void> {
  await page.goto('/#/actions');
  const item = page.getByTestId('action-item').filter({ hasText: what });
  await item.getByRole('button', { name: /^Mark done/ }).click();
  await item.getByLabel('What happened?').fill(happened);
  await item.getByRole('button', { name: 'Save as done' }).click();
  await expect(page.getByTestId('action-item').filter({ hasText: what })).toHaveCount(0);
}

test('a supervision pair holds one series: each updates an action and both see both; offline edits on both sides converge; private entries stay home', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const supervisor = await newDevice(browser, baseURL!);
  const supervisee = await newDevice(browser, baseURL!);
  await startSupervision(supervisor.page);
  const sessionUrl = supervisor.page.url();
  await addSessionAction(supervisor.page, 'ACTION-ONE visit the food bank');
  await addSessionAction(supervisor.page, 'ACTION-TWO phone the housing officer');
  await writeNote(supervisor.page, 'PRIVATE-REFLECTION: I dread the panel', (page) => page.getByRole('checkbox', { name: /Private/ }).check());
  await writeNote(supervisor.page, 'SHARED-REFLECTION: the estate walk worked');

  await supervisor.page.goto(sessionUrl);
  await supervisor.page.getByRole('button', { name: 'Share this series with your supervisee or supervisor' }).click();
  const link = await inviteShown(supervisor.page);
  await expectNoAxeViolations(supervisor.page, 'session with a series invite');
  await join(supervisee.page, link);

  await supervisee.page.goto('/#/actions');
  await expect(supervisee.page.getByTestId('action-item').filter({ hasText: 'ACTION-ONE' })).toBeVisible();
  await expect(supervisee.page.getByTestId('action-item').filter({ hasText: 'ACTION-TWO' })).toBeVisible();
  await markDone(supervisee.page, 'ACTION-TWO', 'SUPERVISEE-FOLLOWUP: the officer called back');
  await markDone(supervisor.page, 'ACTION-ONE', 'SUPERVISOR-FOLLOWUP: the food bank opens Fridays');
  for (const { page } of [supervisor, supervisee]) {
    await page.goto(sessionUrl);
    const table = page.getByTestId('session-actions');
    await expect(table.getByRole('row').filter({ hasText: 'ACTION-ONE' })).toContainText('Done');
    await expect(table.getByRole('row').filter({ hasText: 'ACTION-TWO' })).toContainText('Done');
  }
  await supervisee.page.goto('/#/logbook');
  await expect(supervisee.page.getByTestId('entry-summary').filter({ hasText: 'SHARED-REFLECTION' })).toBeVisible();
  await expect(supervisee.page.getByText(/PRIVATE-REFLECTION/)).toHaveCount(0);

  // Both offline: each adds an action in the session; back online, both hold both.
  for (const device of [supervisor, supervisee]) {
    await device.context.setOffline(true);
    await device.page.goto(sessionUrl);
  }
  await expect(supervisor.page.getByTestId('sync-status')).toHaveText('Waiting to sync');
  await addSessionAction(supervisor.page, 'OFFLINE-SUPERVISOR book the room');
  await addSessionAction(supervisee.page, 'OFFLINE-SUPERVISEE bring the map');
  for (const device of [supervisor, supervisee]) await device.context.setOffline(false);
  for (const { page } of [supervisor, supervisee]) {
    const table = page.getByTestId('session-actions');
    await expect(table).toContainText('OFFLINE-SUPERVISOR book the room', { timeout: 30_000 });
    await expect(table).toContainText('OFFLINE-SUPERVISEE bring the map', { timeout: 30_000 });
    await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });
  }
  await expect(supervisee.page.getByText(/PRIVATE-REFLECTION/)).toHaveCount(0);

  const files = serverFiles();
  for (const typed of ['ACTION-ONE', 'food bank', 'FOLLOWUP', 'PRIVATE-REFLECTION', 'SHARED-REFLECTION', 'OFFLINE-SUPERVIS', 'Supervision with A.B.']) expect(files).not.toContain(typed);
  await closeDevices(supervisor, supervisee);
});

test('a team of three shares only what is shared with it; a joiner without the invite secret is refused; a removed member gets nothing new; leaving and a new key', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const ann = await newDevice(browser, baseURL!);
  const bob = await newDevice(browser, baseURL!);
  const cal = await newDevice(browser, baseURL!);
  const dan = await newDevice(browser, baseURL!);

  await ann.page.goto('/#/settings');
  await ann.page.getByLabel('Team name').fill('Levenshulme team');
  await ann.page.getByRole('button', { name: 'Create the team' }).click();
  const link = await inviteShown(ann.page);
  await expect(ann.page.getByTestId('space').filter({ hasText: 'Team: Levenshulme team' })).toBeVisible();
  await expectNoAxeViolations(ann.page, 'a team and its invite');

  // The same space and key, but a secret of someone's guessing: the server refuses, nothing is kept.
  // The link is the payload, then the kind of space and its name.
  const invite = parseInvite(link.replace(/(#\/join\/[\w-]+).*$/, '$1'));
  if (!invite.ok) throw new Error(invite.message);
  const forged = `${makeInvite(baseURL!, { ...invite.value, inviteSecret: new Uint8Array(32).fill(7) })}/team/Levenshulme%20team`;
  await dan.page.goto(forged);
  await dan.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(dan.page.getByRole('alert')).toHaveText('This invite is not valid for this space.');
  await dan.page.goto('/#/settings');
  await expect(dan.page.getByTestId('no-spaces')).toBeVisible();

  await join(bob.page, link);
  await join(cal.page, link);
  await writeNote(ann.page, 'TEAM-NOTE-ONE: the library lends rooms free', (page) => page.getByLabel('Share with').selectOption({ label: 'Levenshulme team' }));
  await writeNote(ann.page, 'ANN-OWN-NOTE: just for me');
  for (const { page } of [bob, cal]) {
    await page.goto('/#/logbook');
    await expect(page.getByTestId('entry-summary').filter({ hasText: 'TEAM-NOTE-ONE' })).toBeVisible();
  }
  await expect(bob.page.getByText(/ANN-OWN-NOTE/)).toHaveCount(0);

  // Ann removes Cal: Cal's device is refused and the space moves to a new key.
  await ann.page.goto('/#/settings');
  const team = ann.page.getByTestId('space').filter({ hasText: 'Team: Levenshulme team' });
  await team.getByRole('button', { name: 'Members' }).click();
  const members = team.getByRole('list', { name: /Members of/ }).getByRole('listitem');
  await expect(members).toHaveCount(3);
  // Bob joined first, so Cal is the last of the three.
  await members.nth(2).getByRole('button', { name: /^Remove/ }).click();
  await expect(team.getByRole('status')).toContainText('The space has a new key');
  await cal.page.goto('/#/settings');
  await expect(cal.page.getByTestId('space-status')).toContainText('This device was removed from this space.');
  await expect(cal.page.getByTestId('sync-status')).toHaveText('Sync problem');

  await writeNote(ann.page, 'TEAM-NOTE-TWO: after Cal left', (page) => page.getByLabel('Share with').selectOption({ label: 'Levenshulme team' }));
  await bob.page.goto('/#/logbook');
  await expect(bob.page.getByTestId('entry-summary').filter({ hasText: 'TEAM-NOTE-TWO' })).toBeVisible();
  await cal.page.goto('/#/logbook');
  await expect(cal.page.getByTestId('entry-summary').filter({ hasText: 'TEAM-NOTE-ONE' })).toBeVisible();
  await expect(cal.page.getByText(/TEAM-NOTE-TWO/)).toHaveCount(0);

  // Bob writes to the team after the new key; Ann reads it.
  await writeNote(bob.page, 'BOB-TEAM-NOTE: the bus stop is where people meet', (page) => page.getByLabel('Share with').selectOption({ label: 'Levenshulme team' }));
  await ann.page.goto('/#/logbook');
  await expect(ann.page.getByTestId('entry-summary').filter({ hasText: 'BOB-TEAM-NOTE' })).toBeVisible();

  // The owner can change the key again at any time; Bob leaves.
  await ann.page.goto('/#/settings');
  await ann.page.getByTestId('space').getByRole('button', { name: 'Change the key' }).click();
  await expect(ann.page.getByTestId('space').getByRole('status')).toContainText('The space has a new key');
  await bob.page.goto('/#/settings');
  await bob.page.getByTestId('space').getByRole('button', { name: 'Leave' }).click();
  await expect(bob.page.getByTestId('no-spaces')).toBeVisible();
  await bob.page.goto('/#/logbook');
  await expect(bob.page.getByTestId('entry-summary').filter({ hasText: 'TEAM-NOTE-TWO' })).toBeVisible();

  const files = serverFiles();
  for (const typed of ['TEAM-NOTE', 'ANN-OWN-NOTE', 'BOB-TEAM-NOTE', 'library lends', 'Levenshulme team']) expect(files).not.toContain(typed);
  await closeDevices(ann, bob, cal, dan);
});
