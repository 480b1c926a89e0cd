/**
 * Crashes: the browser killed with SIGKILL while people type, then started again on the same
 * profile. Everything typed more than a second before the crash must come back.
 */
import { expect, test } from './fixtures';
import { logbookIndexedDB } from './logbook-db';
import { discard, expectKept, launch, openApp, profileDir, typeWords, words, type RunningBrowser } from './crash';

let profile: string;
let running: RunningBrowser | undefined;

test.beforeEach(() => {
  profile = profileDir();
});

test.afterEach(async () => {
  await discard(running, profile);
  running = undefined;
});

test('steady typing with no pause, then a crash: all but the last second of it comes back', async () => {
  test.setTimeout(120_000);
  running = await launch(profile);
  const page = await openApp(running, '/#/logbook/new');
  await page.getByLabel('What does this look like where you work?').click();
  // Never a pause: the next key comes within 60 ms of the last, for several seconds.
  const typed = await typeWords(page, words(40, 'w'), 20);
  // Killed 200 ms after the last key.
  await page.waitForTimeout(200);
  const crashAt = Date.now();
  await running.kill();

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook/new');
  const recovered = await again.getByLabel('What does this look like where you work?').inputValue();
  const counts = expectKept(typed, crashAt, recovered);
  test.info().annotations.push({ type: 'words', description: `${counts.kept} of ${counts.typed} typed came back (${counts.due} typed over a second before the crash)` });
  await expect(again.getByText('We kept what you were writing')).toBeVisible();
});

test('a follow-up typed on the Actions screen, then a crash two seconds later: every word comes back', async () => {
  test.setTimeout(120_000);
  running = await launch(profile);
  const page = await openApp(running, '/#/logbook/new');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Visit the tenants forum');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.goto(`${new URL(page.url()).origin}/#/actions`);
  await page.getByRole('button', { name: /^Mark done/ }).click();
  await page.getByLabel('What happened?').click();
  const typed = await typeWords(page, words(30, 'f'), 5);
  await page.waitForTimeout(2000);
  const crashAt = Date.now();
  await running.kill();

  running = await launch(profile);
  const again = await openApp(running, '/#/actions');
  const recovered = await again.getByLabel('What happened?').inputValue();
  const counts = expectKept(typed, crashAt, recovered);
  // Two seconds is well past the second allowed: every word is back.
  expect(counts.kept).toBe(counts.typed);
  test.info().annotations.push({ type: 'words', description: `${counts.kept} of ${counts.typed}` });
});

test('two tabs typing in one entry: saving one keeps the other’s draft, and after a crash both tabs’ words are there', async () => {
  test.setTimeout(120_000);
  running = await launch(profile);
  const a = await openApp(running, '/#/logbook/new');
  await a.getByLabel('Notes').fill('The entry both tabs edit.');
  await a.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(a).toHaveURL(/#\/logbook\/entry\//);
  const b = await running.context.newPage();
  await b.goto(a.url());
  await b.getByLabel('What does this look like where you work?').click();
  const typedB = await typeWords(b, words(5, 'tabb'));
  await a.getByLabel('What does this look like where you work?').click();
  await typeWords(a, words(5, 'taba'));
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByText('Saved to your logbook.')).toBeVisible();
  // Tab B's words are still its own draft: A's save did not delete it.
  await b.waitForTimeout(1500);
  const crashAt = Date.now();
  await running.kill();

  running = await launch(profile);
  const logbook = await openApp(running, '/#/logbook');
  const drafts = logbook.getByTestId('drafts-notice');
  await expect(drafts).toContainText('from another window');
  await drafts.getByRole('link').first().click();
  const recovered = await logbook.getByLabel('What does this look like where you work?').inputValue();
  const counts = expectKept(typedB, crashAt, recovered);
  expect(counts.kept).toBe(5);
  // Saving B's draft now does not undo A's save: both changed the same field, so both are kept to choose from.
  await logbook.getByRole('button', { name: 'Save changes' }).click();
  const conflicts = logbook.getByTestId('conflicts');
  await expect(conflicts).toContainText('taba01 taba02 taba03 taba04 taba05');
  await expect(conflicts).toContainText('tabb01 tabb02 tabb03 tabb04 tabb05');
  await conflicts.getByRole('button', { name: /^Keep this version/ }).last().click();
  await expect(conflicts).toHaveCount(0);
  test.info().annotations.push({ type: 'words', description: `tab B: ${counts.kept} of ${counts.typed}` });
});

test('words typed into an entry that another tab deletes, then a crash: the draft is listed and opens with every word', async () => {
  test.setTimeout(120_000);
  running = await launch(profile);
  const a = await openApp(running, '/#/logbook/new');
  await a.getByLabel('Notes').fill('An entry about to be deleted.');
  await a.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(a).toHaveURL(/#\/logbook\/entry\//);
  const b = await running.context.newPage();
  await b.goto(a.url());
  await a.getByLabel('What does this look like where you work?').click();
  const typed = await typeWords(a, words(25, 'del'), 5);
  await b.getByRole('button', { name: 'Delete entry' }).click();
  await expect(b).toHaveURL(/#\/logbook$/);
  await a.waitForTimeout(1500);
  const crashAt = Date.now();
  await running.kill();

  running = await launch(profile);
  const page = await openApp(running, '/#/logbook');
  await page.getByTestId('drafts-notice').getByRole('link').first().click();
  await expect(page.getByTestId('entry-gone')).toContainText('This entry was deleted');
  const counts = expectKept(typed, crashAt, await page.getByLabel('What does this look like where you work?').inputValue());
  expect(counts.kept).toBe(25);
  await page.getByRole('button', { name: 'Restore the entry with your changes' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  test.info().annotations.push({ type: 'words', description: `${counts.kept} of ${counts.typed}` });
});

/** Another tab opening the logbook as a newer version of the app does: a higher database version. */
async function openAsNewerVersion(page: import('@playwright/test').Page) {
  const logbook = await page.evaluateHandle(logbookIndexedDB);
  await page.evaluate(
    (factory) =>
      new Promise<void>((resolve, reject) => {
        const request = factory.open('power-shifting', 1000);
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
      }),
    logbook,
  );
}

test('a newer version opens the logbook in another tab: this tab says truthfully that it can no longer save, and Reload now keeps the words', async () => {
  test.setTimeout(120_000);
  running = await launch(profile);
  const a = await openApp(running, '/#/logbook/new');
  await a.getByLabel('Notes').click();
  const before = await typeWords(a, words(10, 'old'), 5);
  await a.waitForTimeout(1500);
  const b = await running.context.newPage();
  await b.goto(a.url().replace(/#.*$/, '#/about'));
  await openAsNewerVersion(b);
  const banner = a.getByTestId('problem-banner');
  await expect(banner).toContainText('can no longer save');
  await a.getByLabel('Notes').click();
  await a.keyboard.press('End');
  await typeWords(a, words(5, 'late'), 5);
  await a.waitForTimeout(1500);
  // Nothing claims those words are kept.
  await expect(a.getByTestId('autosave')).toContainText('not saved');
  await expect(a.getByTestId('autosave')).not.toContainText('Draft kept');
  const crashAt = Date.now();
  await running.kill();

  running = await launch(profile);
  const again = await openApp(running, '/#/logbook/new');
  const counts = expectKept(before, crashAt, await again.getByLabel('Notes').inputValue());
  expect(counts.kept).toBe(10);
});

test('after a newer version takes the logbook, Reload now brings back everything typed, the late words too', async ({ page, context }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('Typed before the newer version came');
  await page.waitForTimeout(1000);
  const other = await context.newPage();
  await other.goto('/#/about');
  await openAsNewerVersion(other);
  await other.close();
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText('can no longer save');
  await page.getByLabel('Notes').pressSequentially(', and after it');
  await Promise.all([page.waitForEvent('framenavigated'), banner.getByRole('button', { name: 'Reload now' }).click()]);
  await expect(page.getByLabel('Notes')).toHaveValue('Typed before the newer version came, and after it');
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
});
