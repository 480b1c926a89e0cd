import mammoth from 'mammoth';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { downloaded } from './session-setup';
import type { Page } from '@playwright/test';

const SERIES = 'Supervision with A.B.';
const PRIVATE = 'PRIVATE-WORDS: I dread the panel and the director.';

async function typeAndSettle(page: Page, label: string, text: string) {
  const field = page.locator('.field', { has: page.getByLabel(label, { exact: true }) });
  await field.getByLabel(label, { exact: true }).fill(text);
  await expect(field.getByRole('status')).toHaveText('Saved');
}

test('a supervision series: a record both confirm, changes after confirming shown, and the next session opens with last time', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#/settings');
  await page.getByLabel('Your name').fill('Sam Supervisor');
  await page.getByLabel('Your role (optional)').fill('Team manager');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // The first session: who is there, and what kind of supervision.
  await page.goto('/#/sessions');
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill(SERIES);
  await page.getByLabel('Supervisor (optional)').fill('Sam Supervisor');
  await page.getByLabel('Supervisee (optional)').fill('Alex Brown');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SERIES} — session 1`);
  const details = page.getByTestId('supervision-details');
  await expect(details).toContainText('Sam Supervisor');
  await expect(details).toContainText('Alex Brown');
  await expect(details).toContainText('Scheduled');

  // Roles, a time and the next date, corrected in place.
  await page.getByRole('button', { name: 'Edit the supervision details' }).click();
  await page.getByLabel('Supervisee’s role').fill('Community connector');
  await page.getByLabel('Time', { exact: true }).fill('14:30');
  await page.getByLabel('Date of the next session').fill('2099-01-15');
  await page.getByRole('button', { name: 'Save the details' }).click();
  await expect(details).toContainText('Alex Brown, Community connector');
  await expect(details).toContainText('14:30');
  await expect(details).toContainText('15 January 2099');

  // Actions as what – who – by when, added straight into the session.
  const addAction = page.getByRole('form', { name: 'Add an action' });
  await addAction.getByLabel('What will be done?').fill('Visit the tenants’ forum');
  await addAction.getByLabel('Who?').fill('Alex');
  await addAction.getByLabel('By when?').fill('2099-01-10');
  await addAction.getByRole('button', { name: 'Add the action' }).click();
  const table = page.getByTestId('session-actions');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Visit the tenants’ forum');
  await expect(table.getByRole('row').nth(1)).toContainText('Alex');
  await expect(table.getByRole('row').nth(1)).toContainText('Planned');
  await addAction.getByLabel('What will be done?').fill('Read the co-production guide');
  await addAction.getByRole('button', { name: 'Add the action' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  await typeAndSettle(page, 'Notes for the whole session', 'We talked about the forum and how to listen first.');
  await page.getByText('Wellbeing (optional)').click();
  await typeAndSettle(page, 'How the supervisee is, and any support agreed', 'Busy but well.');
  await expectNoAxeViolations(page, 'supervision session');

  // Both confirm the record; a later change shows against both confirmations.
  const agreement = page.getByTestId('agreement');
  await expect(agreement.getByLabel('Supervisor’s name')).toHaveValue('Sam Supervisor');
  await agreement.getByRole('button', { name: 'Confirm this record as the supervisor' }).click();
  await expect(agreement.getByTestId('confirmed-supervisor')).toContainText('Confirmed by Sam Supervisor on');
  await expect(agreement.getByLabel('Supervisee’s name')).toHaveValue('Alex Brown');
  await agreement.getByRole('button', { name: 'Confirm this record as the supervisee' }).click();
  await expect(agreement.getByTestId('confirmed-supervisee')).toContainText('Confirmed by Alex Brown on');
  await expect(agreement.getByText('The record has changed since it was confirmed.')).toHaveCount(0);

  await typeAndSettle(page, 'Notes for the whole session', 'We talked about the forum and how to listen first. Added later.');
  await expect(agreement.getByText('The record has changed since it was confirmed.')).toHaveCount(2);
  await agreement.getByRole('button', { name: 'Confirm the changed record as the supervisor' }).click();
  await agreement.getByRole('button', { name: 'Confirm the changed record as the supervisee' }).click();
  await expect(agreement.getByText('The record has changed since it was confirmed.')).toHaveCount(0);

  // The supervision record, laid out like the form, saved as a Word document both can keep.
  await page.getByRole('link', { name: 'the supervision record' }).click();
  const record = page.locator('.print-doc');
  await expect(record.getByRole('heading', { level: 1 })).toHaveText(`Supervision record: ${SERIES}, session 1`);
  for (const heading of ['Review of previous actions', 'Cards discussed and notes', 'Actions agreed', 'Wellbeing', 'Agreement']) {
    await expect(record.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(record).toContainText('Alex Brown, Community connector');
  await expect(record).toContainText('15 January 2099');
  await expect(record).toContainText('Confirmed by Alex Brown');
  await expect(record).toContainText('Made by Sam Supervisor');
  await expectNoAxeViolations(page, 'supervision record');
  const docx = await downloaded(page, () => page.getByRole('button', { name: 'Save as a document' }).click());
  expect(docx.name).toMatch(/^power-shifting-supervision-record-supervision-with-a-b-session-1-\d{4}-\d\d-\d\d\.docx$/);
  const { value: wordText } = await mammoth.extractRawText({ path: docx.path });
  expect(wordText).toContain('Visit the tenants’ forum');
  expect(wordText).toContain('Confirmed by Sam Supervisor');
  await page.getByRole('link', { name: 'Back to the session' }).click();

  // End it, and start the next: numbered, with last time's notes and actions, the same people.
  await page.getByRole('button', { name: 'End session' }).first().click();
  await page.getByRole('button', { name: 'Start the next session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SERIES} — session 2`);
  await expect(page.getByTestId('supervision-details')).toContainText('Alex Brown, Community connector');
  await expect(page.getByTestId('supervision-details')).toContainText('14:30');
  await expect(page.getByTestId('last-notes')).toContainText('how to listen first. Added later.');
  const review = page.getByTestId('review-list');
  await expect(review.getByTestId('action-item')).toHaveCount(2);
  await review.getByRole('button', { name: /^Mark done.*Visit the tenants’ forum/ }).click();
  await review.getByLabel('What happened?').fill('Twelve tenants came; they want a say in repairs.');
  await review.getByRole('button', { name: 'Save as done' }).click();
  await expect(review.getByTestId('action-item').filter({ hasText: 'Visit the tenants’ forum' })).toContainText('Twelve tenants came');
  await expectNoAxeViolations(page, 'second supervision session');

  // The sessions list keeps the series together, newest first.
  await page.goto('/#/sessions');
  const group = page.locator('.session-group', { has: page.getByRole('heading', { name: SERIES }) });
  await expect(group.getByTestId('session-item')).toHaveCount(2);
  await expect(group.getByTestId('session-item').first()).toContainText('Session 2');
  await expectNoAxeViolations(page, 'sessions list with a series');
});

test('professional records: a private entry stays out of every one, and each record has the form’s headings', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#/sessions');
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill(SERIES);
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page).toHaveURL(/#\/sessions\/\w+$/);
  const sessionUrl = page.url();

  // A private reflection, written in the session.
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes').fill(PRIVATE);
  await page.getByRole('checkbox', { name: /Private/ }).check();
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  const privateUrl = page.url();

  // A shared one, written with Rolfe's model, with CPD hours and the Code's themes.
  await page.goto('/#/deck');
  await page.goto('/#/logbook/new/cap-01-public-1');
  await page.getByLabel('How to write it').selectOption({ label: 'What? So what? Now what? (Rolfe)' });
  await page.getByLabel('What?', { exact: true }).fill('I ran a listening session with carers.');
  await page.getByLabel('So what?', { exact: true }).fill('Carers knew more about the gaps than our data did.');
  await page.getByLabel('Now what?', { exact: true }).fill('Bring carers to the next commissioning meeting.');
  await page.getByText('For your CPD and revalidation (optional)').click();
  await page.getByLabel('CPD hours').fill('1.5');
  await page.getByLabel('Of which participatory').fill('1');
  await page.getByRole('checkbox', { name: 'Prioritise people' }).check();
  await page.getByLabel('How is this relevant to the Code?').fill('Listening to people about what matters to them.');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Invite two carers to commissioning');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await expect(page.getByLabel('CPD hours')).toHaveValue('1.5');
  await expectNoAxeViolations(page, 'entry form with a reflective model and CPD fields');

  // The CPD record.
  await page.getByRole('link', { name: 'a CPD record' }).click();
  const doc = page.locator('.print-doc');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('CPD record');
  for (const heading of ['What I learned', 'Impact on my practice']) await expect(doc.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(doc).toContainText('1.5');
  await expect(doc).toContainText('So what?: Carers knew more');
  await expect(doc).toContainText('Invite two carers to commissioning');
  await expect(doc).not.toContainText('PRIVATE-WORDS');
  await expectNoAxeViolations(page, 'CPD record');
  await page.getByRole('link', { name: 'Back to the entry' }).click();

  // The NMC reflective account: its four questions, the Code's theme, no one named.
  await page.getByRole('link', { name: 'an NMC reflective account' }).click();
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Reflective account');
  for (const heading of [
    'What was the nature of the CPD activity, practice-related feedback, or event or experience in your practice?',
    'What did you learn from the CPD activity and/or feedback and/or event or experience in your practice?',
    'How did you change or improve your practice as a result?',
    'How is this relevant to the Code?',
  ]) {
    await expect(doc.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(doc).toContainText('Prioritise people');
  await expect(doc).not.toContainText('PRIVATE-WORDS');
  await expectNoAxeViolations(page, 'NMC reflective account');

  // The private entry gives no record at all.
  await page.goto(privateUrl.replace(/$/, '/record/cpd'));
  await expect(doc).toContainText('This entry is marked private');
  await expect(doc).not.toContainText('PRIVATE-WORDS');

  // Nor does it reach the session's notes or its supervision record.
  await page.goto(sessionUrl);
  await page.getByText('Preview the notes').click();
  await expect(page.getByTestId('notes-preview')).toContainText('I ran a listening session');
  await expect(page.getByTestId('notes-preview')).not.toContainText('PRIVATE-WORDS');
  const notes = await downloaded(page, () => page.getByRole('button', { name: 'Save as plain text (Markdown)' }).click());
  expect(notes.text).toContain('So what?');
  expect(notes.text).not.toContain('PRIVATE-WORDS');
  await page.getByRole('link', { name: 'the supervision record' }).click();
  await expect(doc).toContainText('Invite two carers to commissioning');
  await expect(doc).not.toContainText('PRIVATE-WORDS');
});
