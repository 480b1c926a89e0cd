import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });

async function writeNote(page: Page, text: string) {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
}

/** The boxes of two elements overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test('on a phone: the tab bar and session bar stay in reach, the first entry shows above the fold, toasts cover nothing and go', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#/sessions');
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill('Supervision with A.B.');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page).toHaveURL(/#\/sessions\/\w+$/);
  for (const text of ['Carers want a say in the forum.', 'Ask the library about Tuesday space.', 'Walk the estate with Amir.', 'Fourth note, the newest.']) {
    await writeNote(page, text);
  }

  // Saved: the toast sits above the tab bar, over no button or link, and goes by itself.
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Saved to your logbook.');
  const controls = page.locator('main button:visible, main a:visible, .tabbar a, .session-bar button');
  for (const control of await controls.all()) {
    expect(await overlap(toast, control), `the toast covers ${await control.textContent()}`).toBe(false);
  }
  await expect(toast).toBeHidden({ timeout: 15_000 });

  // The Logbook: with the session bar and a backup reminder showing, the newest entry is whole above the fold.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Logbook' }).tap();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current session' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('entry-summary').first()).toContainText('Fourth note, the newest.');
  await expect(page.getByTestId('entry-summary').first()).toBeInViewport({ ratio: 1 });

  // Filters look like something that opens: a chevron beside the word.
  const chevron = await page.locator('.filters__more summary').evaluate((summary) => getComputedStyle(summary, '::before').borderRightWidth);
  expect(chevron).toBe('2px');
  await expectNoAxeViolations(page, 'logbook on a phone');

  // Scrolled to the end, the tab bar and the session bar are still there.
  await page.getByTestId('install-hint').scrollIntoViewIfNeeded();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('region', { name: 'Current session' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'End session' })).toBeInViewport({ ratio: 1 });

  // Install help, Android as well as iPhone, where people are; "Not now" puts it away for good.
  await page.getByTestId('install-hint').getByText('How to install').tap();
  await expect(page.getByTestId('install-hint')).toContainText('On Android');
  await expect(page.getByTestId('install-hint')).toContainText('On iPhone or iPad');
  await page.getByTestId('install-hint').getByRole('button', { name: 'Not now' }).tap();
  await expect(page.getByTestId('install-hint')).toHaveCount(0);

  // The backup reminder can wait a week, and stays away after a reload.
  await page.getByTestId('backup-reminder').getByRole('button', { name: 'Remind me in 7 days' }).tap();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('entry-summary').first()).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('install-hint')).toHaveCount(0);

  // Every section is a tap away, the current one marked.
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  for (const name of ['Deal', 'Deck', 'Actions', 'Sessions', 'Logbook']) {
    await tabs.getByRole('link', { name }).tap();
    await expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    await expect(tabs).toBeInViewport({ ratio: 1 });
  }
  await page.getByRole('link', { name: 'About', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Install the app' })).toBeVisible();
  await expect(page.getByText('On Android:')).toBeVisible();
});
