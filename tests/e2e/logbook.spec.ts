import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { v1Database, writeRawDatabase } from '../fixtures/db-v1';

async function writeReflection(page: Page) {
  await page.goto('/#/card/cap-01-community-2');
  await page.getByRole('link', { name: 'Reflect on this card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reflect on this card' })).toBeVisible();
  await expect(page.getByLabel('The card')).toContainText('Undertake walkabouts with residents');
  await page.getByLabel('Which community are you working with?').fill('Levenshulme allotment group');
  await page.getByLabel('What does this look like where you work?').fill('We hold meetings in the town hall, not where people live.');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByRole('button', { name: 'Add an action' }).click();
  const actions = page.getByTestId('action-fields');
  await actions.nth(0).getByLabel('What will you do?').fill('Walk the estate with two residents');
  await actions.nth(0).getByLabel('Who with, or who owns it?').fill('Priya');
  await actions.nth(0).getByLabel('By when?').fill('2020-01-31');
  await actions.nth(1).getByLabel('What will you do?').fill('Ask the allotment group where to meet');
  await actions.nth(1).getByLabel('Status').selectOption('doing');
  await page.getByLabel('Tags (optional)').fill('walkabouts, estates');
}

test('writes a reflection with two actions, finds it again after a reload, and completes an action', async ({ page }) => {
  await writeReflection(page);
  await expectNoAxeViolations(page, 'reflection form');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\/[0-9A-Z]{26}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit entry' })).toBeVisible();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logbook' }).click();
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
  await expectNoAxeViolations(page, 'logbook');
  const search = page.getByLabel('Search your logbook');
  await search.fill('allotment town');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
  await expect(page.getByTestId('entry-summary')).toContainText('Undertake walkabouts');
  await expect(page.getByTestId('entry-summary')).toContainText('2 actions: 2 open, 0 done');
  await search.fill('allotment zebra');
  await expect(page.getByTestId('entry-summary')).toHaveCount(0);
  await expect(page.getByText('No entries match.')).toBeVisible();
  await search.fill('');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
  const items = page.getByTestId('action-item');
  await expect(items).toHaveCount(2);
  await expect(page.getByText('2 open actions, 1 overdue')).toBeVisible();
  // Overdue first.
  await expect(items.nth(0)).toContainText('Walk the estate with two residents');
  await expect(items.nth(0)).toContainText('Overdue');
  await expectNoAxeViolations(page, 'actions');
  await items.nth(0).getByRole('button', { name: /^Mark done/ }).click();
  await items.nth(0).getByLabel('What happened?').fill('Six residents came; we walked for an hour.');
  await items.nth(0).getByLabel('What did you learn?').fill('The bus stop is where people really meet.');
  await items.nth(0).getByRole('button', { name: 'Save as done' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText('Ask the allotment group where to meet');

  await page.reload();
  await page.goto('/#/logbook');
  await page.getByLabel('Search your logbook').fill('bus stop');
  await expect(page.getByTestId('entry-summary')).toContainText('2 actions: 1 open, 1 done');
  await page.getByTestId('entry-summary').getByRole('link').click();
  const done = page.getByTestId('action-fields').nth(0);
  await expect(done.getByLabel('Status')).toHaveValue('done');
  await expect(done.getByLabel('What did you learn?')).toHaveValue('The bus stop is where people really meet.');
});

test('a draft typed but not saved is back after a reload', async ({ page }) => {
  await writeReflection(page);
  await expect(page.getByTestId('autosave')).toContainText('Draft kept on this device');
  await page.reload();
  await expect(page.getByText('We kept what you were writing')).toBeVisible();
  await expect(page.getByLabel('Which community are you working with?')).toHaveValue('Levenshulme allotment group');
  await expect(page.getByTestId('action-fields')).toHaveCount(2);
  await expect(page.getByTestId('action-fields').nth(1).getByLabel('What will you do?')).toHaveValue(
    'Ask the allotment group where to meet',
  );
  // The logbook points at the unsaved draft too.
  await page.goto('/#/logbook');
  await expect(page.getByTestId('drafts-notice')).toContainText('an unsaved draft');
  await page.getByTestId('drafts-notice').getByRole('link').click();
  await expect(page.getByLabel('Tags (optional)')).toHaveValue('walkabouts, estates');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.goto('/#/logbook');
  await expect(page.getByTestId('drafts-notice')).toHaveCount(0);
});

test('a draft is kept when the page is hidden and the tab closed', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').pressSequentially('Typed just before closing the tab');
  // Hide the page at once (as switching apps on a phone does), then close and reopen.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.getByTestId('autosave')).toContainText('Draft kept');
  const again = await page.context().newPage();
  await page.close({ runBeforeUnload: true });
  await again.goto('/#/logbook/new');
  await expect(again.getByLabel('Notes')).toHaveValue('Typed just before closing the tab');
});

test('text typed just before a reload is kept, however quick the reload', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('What does this look like where you work?').fill('Typed a moment ago');
  await page.reload();
  await expect(page.getByLabel('What does this look like where you work?')).toHaveValue('Typed a moment ago');
});

test('a second tab sees a new entry without reloading', async ({ page, context }) => {
  await page.goto('/#/logbook');
  await expect(page.getByRole('heading', { name: 'Your logbook is empty' })).toBeVisible();
  await expectNoAxeViolations(page, 'empty logbook');
  const other = await context.newPage();
  await other.goto('/#/logbook/new');
  await other.getByLabel('Notes').fill('Written in the other tab');
  await other.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(other).toHaveURL(/#\/logbook\/entry\//);
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
  await expect(page.getByTestId('entry-summary')).toContainText('Written in the other tab');
});

test('a free note can point at a capability, be filtered, deleted and restored with undo', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Write a free note' })).toBeVisible();
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write something before saving: any field will do.');
  await page.getByLabel('Capability (optional)').selectOption('7');
  await page.getByLabel('Notes').fill('Map the networks that already exist <script>alert(1)</script>');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);

  await page.goto('/#/logbook');
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Capability').selectOption('3');
  await expect(page.getByText('0 of 1 entry match')).toBeVisible();
  await page.getByLabel('Capability').selectOption('7');
  await expect(page.getByTestId('entry-summary')).toContainText('Capability 7');
  // User text is shown as text, never run as HTML.
  await expect(page.getByTestId('entry-summary')).toContainText('<script>alert(1)</script>');

  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'Your logbook is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
});

test('settings show whether storage is kept and how much is used', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByTestId('storage-facts')).toContainText('Protected from automatic clearing');
  await expect(page.getByTestId('storage-facts')).toContainText(/Space used\s*\d/);
  await expectNoAxeViolations(page, 'settings');
});

test('a logbook written by the first release opens in this one, with its actions, and keeps working', async ({ page }) => {
  // A blank page of the app's origin, running none of its code, writes the old database as it was.
  await page.route('**/blank', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>blank</title>' }));
  await page.goto('/blank');
  await page.evaluate(writeRawDatabase, v1Database('power-shifting'));

  await page.goto('/#/logbook');
  const entry = page.getByTestId('entry-summary');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Moss Side tenants');
  await expect(entry).toContainText('1 action: 1 open, 0 done');
  await page.getByLabel('Search your logbook').fill('tenants forum');
  await expect(entry).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
  const item = page.getByTestId('action-item');
  await expect(item).toContainText('Visit the tenants forum');
  await item.getByRole('button', { name: /^Mark done/ }).click();
  await item.getByLabel('What happened?').fill('Went on a Tuesday.');
  // A follow-up typed but not yet saved survives a reload, its form open again.
  await page.reload();
  await expect(item.getByLabel('What happened?')).toHaveValue('Went on a Tuesday.');
  await expect(item).toContainText('What you had typed here before is back');
  await expectNoAxeViolations(page, 'actions with a recovered follow-up');
  await item.getByRole('button', { name: 'Save as done' }).click();
  await expect(page.getByRole('heading', { name: 'No open actions' })).toBeVisible();
  await page.reload();
  await page.goto('/#/logbook');
  await expect(page.getByTestId('entry-summary')).toContainText('1 action: 0 open, 1 done');
});
