/**
 * A full device: the browser profile on a small filesystem the test makes itself (tmpfs),
 * filled until about 100 KB is free. Nothing saved before is lost, nothing is reported saved
 * that was not, and a backup can still be made.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures';
import { launch, openApp, profileDir, quit, type RunningBrowser } from './crash';

const SIZE_MB = 96;

/** Mounts a tmpfs of `SIZE_MB` at `dir`; false where this machine does not let the tests mount one. */
function mountSmallDisk(dir: string): boolean {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  try {
    const [command = 'mount', ...args] = [...sudo, 'mount', '-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', dir];
    execFileSync(command, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function unmount(dir: string): void {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const [command = 'umount', ...args] = [...sudo, 'umount', '-l', dir];
  try {
    execFileSync(command, args, { stdio: 'pipe' });
  } catch {
    // Not mounted.
  }
}

const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Fills the disk until about `leave` bytes are free. */
function fill(dir: string, leave: number): string {
  const filler = join(dir, 'filler');
  const chunk = Buffer.alloc(1024 * 1024, 7);
  rmSync(filler, { force: true });
  writeFileSync(filler, '');
  while (free(dir) - chunk.length > leave) writeFileSync(filler, chunk, { flag: 'a' });
  const rest = free(dir) - leave;
  if (rest > 0) writeFileSync(filler, Buffer.alloc(rest, 7), { flag: 'a' });
  return filler;
}

let disk: string;
let running: RunningBrowser | undefined;

test.beforeEach(() => {
  disk = profileDir('ps-small-disk-');
  test.skip(!mountSmallDisk(disk), 'This machine does not let the tests mount a small filesystem (they need root or passwordless sudo).');
});

test.afterEach(async () => {
  if (running) await quit(running);
  running = undefined;
  unmount(disk);
  rmSync(disk, { recursive: true, force: true });
});

test('a device that fills up: the app says so, stops writing, still makes a backup, and keeps every entry saved before', async () => {
  test.setTimeout(180_000);
  const profile = join(disk, 'profile');
  mkdirSync(profile);
  running = await launch(profile);
  const page = await openApp(running, '/#/logbook/new');
  const origin = new URL(page.url()).origin;
  for (const n of [1, 2, 3]) {
    await page.goto(`${origin}/#/logbook/new`);
    await page.getByLabel('Notes').fill(`Saved before the disk filled, number ${n}`);
    await page.getByRole('button', { name: 'Save to logbook' }).click();
    await expect(page).toHaveURL(/#\/logbook\/entry\//);
  }
  fill(disk, 100 * 1024);

  // Go on using the app, as people do, until the device refuses a write.
  const banner = page.getByTestId('problem-banner');
  let saved = 3;
  for (let i = 0; i < 12 && !(await banner.isVisible()); i++) {
    await page.goto(`${origin}/#/logbook/new`);
    await page.getByLabel('Notes').fill(`Written on a nearly full disk ${i} ${'x'.repeat(60_000)}`);
    await page.getByRole('button', { name: 'Save to logbook' }).click();
    // Whichever comes first; the other wait is dropped, not left to fail later.
    const outcome = await Promise.race([
      page.waitForURL(/#\/logbook\/entry\//, { timeout: 20_000 }).then(() => 'saved', () => 'neither'),
      banner.waitFor({ timeout: 20_000 }).then(() => 'refused', () => 'neither'),
    ]);
    if (outcome === 'saved') saved++;
  }
  await expect(banner).toContainText('storage is full or damaged, so the app has stopped saving');
  await expect(page.locator('.form-error')).toContainText('Not saved');
  await expect(page.getByLabel('Notes')).toHaveValue(/^Written on a nearly full disk/);

  // From now on nothing is written, and nothing claims it was.
  await page.getByLabel('Notes').pressSequentially(' and more words', { delay: 20 });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('autosave')).toContainText('not saved');
  await expect(page.getByTestId('autosave')).not.toContainText('Draft kept');
  // (The last successful save's message may still be up: close it first.)
  if (await page.getByRole('button', { name: 'Close message' }).isVisible()) await page.getByRole('button', { name: 'Close message' }).click();
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.locator('.form-error')).toContainText('Not saved');
  await expect(page.getByText('Saved to your logbook.')).toHaveCount(0);

  // A backup, from the message itself, with no space left at all. Whether the browser can still
  // read the logbook then is its own affair (Chromium sometimes closes it after the failed write):
  // if it can, the backup has every saved entry; if not, the message says so and what to do, and
  // no download is begun only to fail.
  const downloads: Download[] = [];
  let backupFile: string | undefined;
  page.on('download', (d) => downloads.push(d));
  fill(disk, 0);
  await banner.getByRole('button', { name: 'Save a backup now' }).click();
  const status = banner.getByRole('status');
  await expect(status).toContainText(/Backup saved\.|no space left/);
  if ((await status.innerText()).includes('no space left')) {
    await expect(status).toContainText('the browser cannot even read the logbook. Everything saved before is still on the device. Free up some space');
    await expect(status).toContainText('close the browser completely and open the app again');
    expect(downloads).toEqual([]);
  } else {
    expect(downloads).toHaveLength(1);
    backupFile = join(profileDir('ps-backup-'), 'backup.json');
    await downloads[0]!.saveAs(backupFile);
    const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as { data: { entries: { notes: string; deleted: number }[] } };
    expect(backup.data.entries.filter((e) => e.deleted === 0)).toHaveLength(saved);
  }
  // Either way, writing stays stopped.
  await page.getByLabel('Notes').pressSequentially(' still', { delay: 20 });
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.locator('.form-error')).toContainText('Not saved');

  // Space is freed and the browser started again: every entry saved before is still there. Or,
  // as Chromium sometimes does after its files could not be written, it has cleared the logbook:
  // then the app says so, and the backup made from the message brings every entry back.
  await quit(running);
  running = undefined;
  rmSync(join(disk, 'filler'), { force: true });
  running = await launch(profile);
  const after = await openApp(running, '/#/logbook');
  const cleared = after.getByText(/The logbook on this device is empty, but it held \d+ entries when it was last used here/);
  await expect(after.getByTestId('entry-summary').first().or(cleared)).toBeVisible();
  if (await cleared.isVisible()) {
    expect(backupFile, 'The browser cleared the logbook, and no backup could be made before: entries were lost').toBeDefined();
    await after.getByRole('link', { name: 'Restore a backup' }).click();
    await after.getByLabel('Choose a backup file').setInputFiles(backupFile!);
    await after.getByRole('button', { name: 'Import this backup' }).click();
    await expect(after.getByText('Backup restored.')).toBeVisible();
    await after.goto(`${origin}/#/logbook`);
  }
  await expect(after.getByTestId('entry-summary')).toHaveCount(saved);
  for (const n of [1, 2, 3]) await expect(after.getByRole('link', { name: `Saved before the disk filled, number ${n}` })).toBeVisible();
  await expect(after.getByTestId('warning-banner')).toHaveCount(0);
  // And now a backup can be made as usual.
  await after.goto(`${origin}/#/settings`);
  const [download] = await Promise.all([after.waitForEvent('download'), after.getByRole('button', { name: 'Back up now' }).click()]);
  const backup = JSON.parse(await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  })) as { data: { entries: { notes: string; deleted: number }[] } };
  expect(backup.data.entries.filter((e) => e.deleted === 0)).toHaveLength(saved);
});
