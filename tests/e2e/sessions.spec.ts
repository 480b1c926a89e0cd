import { writeFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, shownCardId, test } from './fixtures';
import { downloaded, startSupervision } from './session-setup';

test('a supervision session: deal, reflect, take notes away, back up, restore, and review next time', async ({ page }, info) => {
  // The longest journey (accessibility scans, a PDF, a backup and a restore): 12 s alone,
  // past 30 s when the machine is busy with other tests.
  test.setTimeout(60_000);
  await startSupervision(page);
  await expectNoAxeViolations(page, 'session (new)');

  // Deal two cards while the session records, and reflect on the second.
  await page.getByRole('link', { name: 'Deal a card' }).first().click();
  await expect(page.getByRole('region', { name: 'Current session' })).toContainText('recording');
  await page.keyboard.press('Space');
  const first = await shownCardId(page);
  await page.keyboard.press('Space');
  const second = await shownCardId(page);
  await page.keyboard.press('w');
  await page.getByLabel('Which community are you working with?').fill('Carers in Wigan');
  await page.getByLabel('What does this look like where you work?').fill('Private: I find the panel meetings hard.');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Ask carers what would help');
  await page.getByLabel('Who with, or who owns it?').fill('C.D.');
  await page.getByLabel('By when?').fill('2030-06-30');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').nth(1).fill('Book the carers centre');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);

  // The session holds the cards and the entry; notes typed into it are kept.
  await page.getByRole('region', { name: 'Current session' }).getByRole('link').click();
  await expect(page.locator('.session-cards__item')).toHaveCount(2);
  await expect(page.locator(`.session-cards a[href="#/card/${first}"]`)).toHaveCount(1);
  await expect(page.locator(`.session-cards a[href="#/card/${second}"]`)).toHaveCount(1);
  await expect(page.getByTestId('entry-summary')).toContainText('Carers in Wigan');
  await page.getByLabel('Notes on this card').first().fill('We agreed to start small.');
  await page.getByLabel('Notes for the whole session').fill('A good first session.');
  // Reloading at once, before the save has had time to run, loses nothing.
  await page.reload();
  await expect(page.getByLabel('Notes for the whole session')).toHaveValue('A good first session.');
  await expect(page.getByLabel('Notes on this card').first()).toHaveValue('We agreed to start small.');
  const sessionNotes = page.locator('.field', { has: page.getByLabel('Notes for the whole session') });
  await expect(sessionNotes.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Notes for the whole session')).toHaveValue('A good first session.');
  await expectNoAxeViolations(page, 'session (with content)');

  // Export the notes as plain text (Markdown), leaving out names and private reflections.
  await page.getByRole('checkbox', { name: 'Participants’ names and action owners' }).uncheck();
  await page.getByRole('checkbox', { name: 'Reflections and notes written in entries' }).uncheck();
  await page.getByText('Preview the notes').click();
  await expect(page.getByTestId('notes-preview').getByRole('heading', { level: 3, name: 'Supervision with A.B.' })).toBeVisible();
  await expect(page.getByTestId('notes-preview')).not.toContainText('C.D.');
  const notes = await downloaded(page, () => page.getByRole('button', { name: 'Save as plain text (Markdown)' }).click());
  expect(notes.name).toMatch(/^power-shifting-session-\d{4}-\d\d-\d\d-supervision-with-a-b\.md$/);
  expect(notes.text).toContain('## Cards discussed');
  expect(notes.text).toContain('Ask carers what would help');
  expect(notes.text).toContain('We agreed to start small');
  expect(notes.text).toContain('A good first session');
  expect(notes.text).not.toContain('Private: I find');
  expect(notes.text).not.toContain('C.D.');

  // The printable view: clean, and nothing but the record when printed.
  await page.getByRole('link', { name: 'Print or save as PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B.' })).toBeVisible();
  await expect(page.getByText('Ask carers what would help')).toBeVisible();
  await expectNoAxeViolations(page, 'print view');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await page.pdf({ path: info.outputPath('session-notes.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Back to the session' }).click();
  await page.getByRole('button', { name: 'End session' }).first().click();
  await expect(page.getByTestId('session-status')).toHaveText('Ended');

  // Back up, clear everything, restore, and find it all again.
  await page.goto('/#/settings');
  const backup = await downloaded(page, () => page.getByRole('button', { name: 'Back up now' }).click());
  expect(backup.name).toMatch(/^power-shifting-backup-.*\.json$/);
  expect(JSON.parse(backup.text)).toMatchObject({ format: 'power-shifting-backup', version: 1 });
  await expect(page.getByTestId('last-backup')).toContainText('Last backup');
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.goto('/#/logbook');
  await expect(page.getByRole('heading', { name: 'Your logbook is empty' })).toBeVisible();
  await page.goto('/#/settings');
  await page.getByLabel('Choose a backup file').setInputFiles(backup.path);
  await expect(page.getByTestId('restore-preview')).toContainText('holds 1 entry, 2 actions, 1 session and 0 check-ins');
  await expect(page.getByTestId('restore-preview')).toContainText('Importing it will add 1 entry, add 2 actions, add 1 session');
  await expectNoAxeViolations(page, 'settings with restore preview');
  await page.getByRole('button', { name: 'Import this backup' }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible();
  await page.goto('/#/logbook');
  await page.getByLabel('Search your logbook').fill('carers wigan');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);

  // Importing the same file again changes nothing.
  await page.goto('/#/settings');
  await page.getByLabel('Choose a backup file').setInputFiles(backup.path);
  await expect(page.getByTestId('restore-preview')).toContainText('You already have everything in it');

  // The next session of the series starts with last time's open actions.
  await startSupervision(page);
  const review = page.getByTestId('review-list');
  await expect(review.getByTestId('action-item')).toHaveCount(2);
  await expect(review).toContainText('Ask carers what would help');
  await review.getByTestId('action-item').nth(0).getByRole('button', { name: /^Mark done/ }).click();
  await review.getByLabel('What happened?').fill('Eight carers replied.');
  await review.getByRole('button', { name: 'Save as done' }).click();
  // Reviewed, it stays in the review with what came of it.
  await expect(review.getByTestId('action-item')).toHaveCount(2);
  await expect(review.getByTestId('action-item').nth(0)).toContainText('Done');
  await expect(review.getByTestId('action-item').nth(0)).toContainText('Eight carers replied.');
  await page.goto('/#/sessions');
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  await expectNoAxeViolations(page, 'sessions list');
});

test('a file that is not a backup is refused in plain English and changes nothing', async ({ page }, info) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('Keep me');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  const bad = info.outputPath('not-a-backup.json');
  writeFileSync(bad, '{"format":"something-else","items":[]}');
  await page.goto('/#/settings');
  await page.getByLabel('Choose a backup file').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('This file is not a Power Shifting backup, so nothing was imported.');
  const truncated = info.outputPath('truncated.json');
  writeFileSync(truncated, '{"format":"power-shifting-backup","version":1,"data":{"entr');
  await page.getByLabel('Choose a backup file').setInputFiles(truncated);
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await page.goto('/#/logbook');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
});

test('the logbook exports as CSV and open actions as a calendar file', async ({ page }) => {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill('=cmd|"/c calc"!A1');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Phone the library, then the café');
  await page.getByLabel('By when?').fill('2031-01-15');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.goto('/#/settings');
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Export logbook as spreadsheet (CSV)' }).click());
  expect(csv.name).toMatch(/^power-shifting-logbook-.*\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.text).toContain(`"'=cmd|""/c calc""!A1"`);
  expect(csv.text).toContain('\r\n');
  const ics = await downloaded(page, () => page.getByRole('button', { name: 'Add open actions to calendar (.ics)' }).click());
  expect(ics.text).toContain('BEGIN:VCALENDAR');
  expect(ics.text).toContain('DTSTART;VALUE=DATE:20310115');
  expect(ics.text).toContain('SUMMARY:Action: Phone the library\\, then the café');
  await page.goto('/#/actions');
  const one = await downloaded(page, () => page.getByRole('button', { name: /^Add to calendar/ }).click());
  expect(one.name).toBe('power-shifting-action-phone-the-library-then-the-cafe.ics');
});

test('a session’s details can be corrected after it has started, and the session bar follows', async ({ page }) => {
  await startSupervision(page);
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Session details' })).toBeVisible();
  await expectNoAxeViolations(page, 'session details form');
  await page.getByLabel('Title').fill('Supervision with A.B. (March)');
  await page.getByLabel('Participants (optional)').fill('A.B., C.E.');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B. (March)' })).toBeVisible();
  await expect(page.getByTestId('session-details')).toContainText('With A.B., C.E.');
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deal' }).click();
  await expect(page.getByRole('region', { name: 'Current session' })).toContainText('Supervision with A.B. (March)');
  await page.goBack();
  // Cancel changes nothing; the record survives a reload.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Title').fill('Not this');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B. (March)' })).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText('In progress');
});
