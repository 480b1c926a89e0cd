import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { downloaded, startSupervision } from './session-setup';

const PEOPLE_1 = 'decide which communities they identify and connect with, which may change over time';

async function startCheckin(page: Page, community: string, date: string) {
  await page.goto('/#/checkins');
  await page.getByLabel('Community', { exact: true }).fill(community);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Start check-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Where are we now? ${community}` })).toBeVisible();
}

/** Opens one part of the check-in: a group of the destination, or the capabilities. */
async function openPart(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Parts of this check-in' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.locator('#part-title')).toHaveText(name);
}

/** Chooses a rating and waits until it is stored: the buttons show what storage holds. */
async function rate(page: Page, id: string, rating: string) {
  const radio = page.getByTestId(`rated-${id}`).getByRole('radio', { name: rating, exact: true });
  await radio.check();
  await expect(radio).toBeChecked();
}

test('a community checked in twice, a month apart: the change shows in the charts and the tables, and a check-in prints', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/checkins');
  await expect(page.getByText('No check-ins yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'check-ins (empty)');
  // Reached from the navigation.
  await page.goto('/#/deck');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where are we now?' })).toBeVisible();

  await startCheckin(page, 'Hulme', '2026-03-01');
  await expect(page.getByTestId('rated-people-1').locator('legend')).toHaveText(PEOPLE_1);
  await rate(page, 'people-1', 'Not yet');
  await rate(page, 'people-2', 'Starting');
  await page.getByTestId('rated-people-1').getByLabel('Evidence (optional)').fill('Only the usual faces at the forum.');
  await expectNoAxeViolations(page, 'check-in form');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'check-in form (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  // The evidence is saved as the part changes; the last part is the capabilities.
  await page.getByRole('button', { name: 'Next: Communities' }).click();
  await expect(page.locator('#part-title')).toBeFocused();
  await openPart(page, 'The 10 capabilities');
  await rate(page, 'cap-01', 'Starting');
  await expect(page.getByRole('navigation', { name: 'Parts of this check-in' })).toContainText('People 2 of 6');

  await startCheckin(page, 'Hulme', '2026-04-01');
  await rate(page, 'people-1', 'This is how we work');
  await rate(page, 'people-2', 'Getting there');
  await rate(page, 'people-3', 'Not applicable');
  await page.getByTestId('rated-people-1').getByLabel('Evidence (optional)').fill('Residents chair the forum now.');
  await expect(page.getByTestId('rated-people-1').getByRole('status')).toHaveText('Saved');
  await openPart(page, 'The 10 capabilities');
  await rate(page, 'cap-01', 'Getting there');

  await page.goto('/#/checkins');
  await expect(page.getByTestId('checkin-item')).toHaveCount(2);
  await expectNoAxeViolations(page, 'check-ins (two)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'check-ins (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('link', { name: 'See progress over time' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress over time' })).toBeVisible();
  const people = page.getByTestId('chart-people');
  // (0 + 1) / 2 in March, (3 + 2) / 2 in April; "not applicable" counts for nothing.
  await expect(people.locator('figcaption')).toContainText('Up 2.0 since 1 March 2026');
  await expect(people.locator('circle')).toHaveCount(2);
  expect(await people.locator('circle').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-date'), c.getAttribute('data-score')]))).toEqual([
    ['2026-03-01', '0.5'],
    ['2026-04-01', '2.5'],
  ]);
  // The later point is higher on the chart.
  const [march, april] = await people.locator('circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
  expect(april!).toBeLessThan(march!);
  await expect(page.getByTestId('chart-cap-01').locator('figcaption')).toContainText('Up 1.0 since 1 March 2026');
  await expect(page.getByTestId('chart-we').locator('figcaption')).toContainText('Not rated yet');
  await expect(page.getByTestId('actions-chart')).toBeVisible();
  await expectNoAxeViolations(page, 'progress (charts)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'progress (charts, dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('radio', { name: 'Tables' }).check();
  const groups = page.getByRole('table', { name: 'The destination’s groups, Hulme' });
  const row = groups.getByRole('row', { name: /^People/ });
  await expect(row.getByRole('cell')).toHaveText(['0.5 (2 of 6 rated)', '2.5 (2 of 6 rated)', 'Up 2.0 since 1 March 2026']);
  await expect(groups.getByRole('columnheader')).toHaveText(['Group', '1 March 2026', '1 April 2026', 'Change']);
  const capability = page.getByRole('table', { name: 'The capabilities, Hulme' }).getByRole('row', { name: /^1\. / });
  await expect(capability.getByRole('cell')).toHaveText(['Starting', 'Getting there', 'Up 1.0 since 1 March 2026']);
  await expect(page.getByTestId('actions-table')).toBeVisible();
  await expectNoAxeViolations(page, 'progress (tables)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'progress (tables, dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // The April check-in printed: every statement verbatim, its rating and its evidence.
  await page.goto('/#/checkins');
  await page.getByRole('link', { name: '1 April 2026' }).click();
  await page.getByRole('link', { name: 'Print or save' }).click();
  const doc = page.locator('.print-doc');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Where are we now? Hulme');
  await expect(doc).toContainText(`This is how we work: ${PEOPLE_1}`);
  await expect(doc).toContainText('Residents chair the forum now.');
  await expect(doc).toContainText('Not applicable');
  await expect(doc).toContainText('Shifting power to our people and communities');
  await expectNoAxeViolations(page, 'check-in to print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(doc).toBeVisible();
  await page.emulateMedia({ media: null });
  const docx = await downloaded(page, () => page.getByRole('button', { name: 'Save as a document' }).click());
  expect(docx.name).toMatch(/^power-shifting-where-are-we-now-hulme-2026-04-01\.docx$/);
});

test('evidence typed into a check-in survives a reload straight after typing; details corrected; deleted and brought back', async ({ page }) => {
  await startCheckin(page, 'Moss Side', '2026-05-01');
  const evidence = page.getByTestId('rated-people-2').getByLabel('Evidence (optional)');
  await evidence.fill('The youth club runs its own budget.');
  await page.reload();
  await expect(page.getByTestId('rated-people-2').getByLabel('Evidence (optional)')).toHaveValue('The youth club runs its own budget.');
  // Kept in the database, not only in the page's emergency copy: it is there after another reload too.
  await page.reload();
  await expect(page.getByTestId('rated-people-2').getByLabel('Evidence (optional)')).toHaveValue('The youth club runs its own budget.');

  // The community and date can be corrected; a deleted check-in can be brought back.
  await page.getByText('Change the community or date').click();
  await page.locator('details').getByLabel('Date').fill('2026-05-08');
  await page.getByRole('button', { name: 'Save these details' }).click();
  await expect(page.locator('.session__meta')).toContainText('8 May 2026');
  await page.getByRole('button', { name: 'Delete check-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where are we now?' })).toBeVisible();
  await expect(page.getByText('No check-ins yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('checkin-item')).toHaveCount(1);
  await page.getByRole('link', { name: '8 May 2026' }).click();
  await expect(page.getByTestId('rated-people-2').getByLabel('Evidence (optional)')).toHaveValue('The youth club runs its own budget.');
});

test('check-ins go into a backup and come back from it', async ({ page }) => {
  await startCheckin(page, 'Ancoats', '2026-06-01');
  await openPart(page, 'Communities');
  await rate(page, 'communities-1', 'Getting there');
  await page.getByTestId('rated-communities-1').getByLabel('Evidence (optional)').fill('Street parties every month.');
  await expect(page.getByTestId('rated-communities-1').getByRole('status')).toHaveText('Saved');

  await page.goto('/#/checkins');
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Save all check-ins as a spreadsheet (CSV)' }).click());
  expect(csv.name).toMatch(/^power-shifting-check-ins-.*\.csv$/);
  expect(csv.text).toContain('"Ancoats","Power Shifting Card Deck"');
  expect(csv.text).toContain('"Getting there","Street parties every month."');

  await page.goto('/#/settings');
  const backup = await downloaded(page, () => page.getByRole('button', { name: 'Back up now' }).click());
  expect(JSON.parse(backup.text).data.checkins).toHaveLength(1);
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.goto('/#/checkins');
  await expect(page.getByText('No check-ins yet.')).toBeVisible();

  await page.goto('/#/settings');
  await page.getByLabel('Choose a backup file').setInputFiles(backup.path);
  await expect(page.getByTestId('restore-preview')).toContainText('0 sessions and 1 check-in');
  await expect(page.getByTestId('restore-preview')).toContainText('Importing it will add 1 check-in');
  await page.getByRole('button', { name: 'Import this backup' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible();
  await page.goto('/#/checkins');
  await page.getByRole('link', { name: '1 June 2026' }).click();
  await openPart(page, 'Communities');
  await expect(page.getByTestId('rated-communities-1').getByRole('radio', { name: 'Getting there' })).toBeChecked();
  await expect(page.getByTestId('rated-communities-1').getByLabel('Evidence (optional)')).toHaveValue('Street parties every month.');
});

test('a check-in done while a session runs belongs to it: listed on the session and in its notes', async ({ page }) => {
  await startSupervision(page);
  const sessionUrl = page.url();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await expect(page.getByText('It will be part of the running session')).toBeVisible();
  await startCheckin(page, 'Carers in Wigan', '2026-07-01');
  await openPart(page, 'Staff');
  await rate(page, 'staff-1', 'Starting');
  await expect(page.getByRole('link', { name: 'Supervision with A.B.' }).last()).toBeVisible();
  await page.goto(sessionUrl);
  await expect(page.getByTestId('session-checkin')).toHaveText('Carers in Wigan, 1 July 2026');
  await page.getByText('Preview the notes').click();
  await expect(page.getByTestId('notes-preview')).toContainText('Where are we now? Check-ins');
  await expect(page.getByTestId('notes-preview')).toContainText('Starting 1');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });

  test('check-ins are reached from Sessions, and the top bar stays one line', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/#/sessions');
    const topbar = page.locator('.topbar');
    const brand = page.locator('.topbar__brand');
    // Measured once the app has drawn its bar.
    await expect(brand).toBeVisible();
    await expect(page.getByRole('link', { name: 'Where are we now?' })).toBeVisible();
    // One line: the bar is no taller than the brand in it, with its padding.
    expect((await topbar.boundingBox())!.height).toBeLessThan((await brand.boundingBox())!.height + 16);
    await page.getByRole('link', { name: 'Where are we now?' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Where are we now?' })).toBeVisible();
    await startCheckin(page, 'Levenshulme', '2026-08-01');
    await rate(page, 'people-1', 'Getting there');
    await expectNoAxeViolations(page, 'check-in form (phone)');
    await page.goto('/#/progress');
    await expect(page.getByTestId('chart-people').locator('figcaption')).toContainText('One check-in so far');
    await expectNoAxeViolations(page, 'progress (phone)');
  });
});
