/** Two tabs on one logbook: a save made from an out-of-date copy never throws away the newer one. */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

async function newEntry(page: Page, fields: Record<string, string>): Promise<string> {
  await page.goto('/#/logbook/new');
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  return new URL(page.url()).hash;
}

test('two tabs change different fields of one entry: both changes are kept', async ({ page, context }) => {
  const hash = await newEntry(page, { Notes: 'Notes as first written', 'What does this look like where you work?': 'Reflection as first written' });
  const other = await context.newPage();
  await other.goto(`/${hash}`);
  await page.getByLabel('What does this look like where you work?').fill('Reflection changed in tab A');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  // Tab B started from the old copy and changes only the notes.
  await other.getByLabel('Notes').fill('Notes changed in tab B');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByText('Saved to your logbook.')).toBeVisible();
  for (const tab of [page, other]) {
    await tab.reload();
    await expect(tab.getByLabel('What does this look like where you work?')).toHaveValue('Reflection changed in tab A');
    await expect(tab.getByLabel('Notes')).toHaveValue('Notes changed in tab B');
  }
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
});

test('two tabs change the same field: both versions are kept visibly, and the person chooses', async ({ page, context }) => {
  const hash = await newEntry(page, { Notes: 'The first words' });
  const other = await context.newPage();
  await other.goto(`/${hash}`);
  // Tab B is typing when tab A saves.
  await other.getByLabel('Notes').fill('Words saved in tab B');
  await page.getByLabel('Notes').fill('Words saved in tab A');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  await other.getByRole('button', { name: 'Save changes' }).click();
  const conflicts = other.getByTestId('conflicts');
  await expect(conflicts).toContainText('Changed in two places at once');
  await expect(conflicts).toContainText('Words saved in tab A');
  await expect(conflicts).toContainText('Words saved in tab B');
  // The other tab, untouched since its save, shows the same choice.
  await expect(page.getByTestId('conflicts')).toContainText('Words saved in tab B');
  await expectNoAxeViolations(other, 'an entry with two versions of a field');
  await conflicts.getByRole('button', { name: 'Keep this version of Notes' }).last().click();
  await expect(conflicts).toHaveCount(0);
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await other.reload();
  await expect(other.getByLabel('Notes')).toHaveValue('Words saved in tab A');
});

test('an entry deleted in one tab while being edited in another: the words are kept, and can restore it or become a new entry', async ({ page, context }) => {
  const hash = await newEntry(page, { Notes: 'To be deleted elsewhere' });
  const other = await context.newPage();
  await other.goto(`/${hash}`);
  await other.getByLabel('What does this look like where you work?').fill('Written while it was being deleted');
  await page.getByRole('button', { name: 'Delete entry' }).click();
  await expect(page).toHaveURL(/#\/logbook$/);
  await other.getByRole('button', { name: 'Save changes' }).click();
  const gone = other.getByTestId('entry-gone');
  await expect(gone).toContainText('This entry was deleted');
  // Nothing was saved silently: the entry is still deleted.
  await expect(page.getByRole('heading', { name: 'Your logbook is empty' })).toBeVisible();
  await expect(other.getByLabel('What does this look like where you work?')).toHaveValue('Written while it was being deleted');
  await expectNoAxeViolations(other, 'an entry deleted elsewhere');

  // The draft is listed in the Logbook, and its link opens the words, not "Entry not found".
  await expect(page.getByTestId('drafts-notice')).toContainText('from another window');
  await gone.getByRole('button', { name: 'Restore the entry with your changes' }).click();
  await expect(other.getByText('Saved to your logbook.')).toBeVisible();
  await expect(page.getByTestId('entry-summary')).toContainText('Written while it was being deleted');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
  await expect(page.getByTestId('drafts-notice')).toHaveCount(0);
});

test('the words of an entry deleted elsewhere can be saved as a new entry instead', async ({ page, context }) => {
  const hash = await newEntry(page, { Notes: 'Deleted elsewhere' });
  const other = await context.newPage();
  await other.goto(`/${hash}`);
  await other.getByLabel('Notes').fill('Keep these words in an entry of their own');
  await page.getByRole('button', { name: 'Delete entry' }).click();
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByTestId('entry-gone').getByRole('button', { name: 'Save your text as a new entry' }).click();
  await expect(other).not.toHaveURL(new RegExp(hash.replace(/[/#]/g, '.')));
  await expect(other.getByLabel('Notes')).toHaveValue('Keep these words in an entry of their own');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
});
