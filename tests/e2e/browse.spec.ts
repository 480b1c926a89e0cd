import { expect, expectNoAxeViolations, test } from './fixtures';

test('browses the whole deck, a capability, and picks a card', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deck' }).click();
  await expect(page).toHaveURL(/#\/deck$/);
  await expect(page.getByRole('heading', { level: 1, name: 'The deck' })).toBeVisible();
  await expect(page.locator('.deck-list__item')).toHaveCount(10);
  await expect(page.locator('.deck-list__tasks a')).toHaveCount(49);
  await expectNoAxeViolations(page, 'deck');

  await page.getByRole('link', { name: /We seek examples of what works/ }).click();
  await expect(page).toHaveURL(/#\/capability\/6$/);
  await expect(page.locator('.spread__tasks a')).toHaveCount(3);
  await expectNoAxeViolations(page, 'capability');

  await page.getByRole('link', { name: /Gather and present stories of what works/ }).click();
  await expect(page).toHaveURL(/#\/card\/cap-06-community-1$/);
  await expect(page.locator('article.card')).toContainText('These stories help to plan services');

  await page.goBack();
  await expect(page).toHaveURL(/#\/capability\/6$/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/deck$/);
});

test('the About view explains the deck and credits its source', async ({ page }) => {
  await page.goto('/#/about');
  await expect(page.getByRole('heading', { level: 1, name: 'About this deck' })).toBeVisible();
  await expect(page.getByText('define the community you want to work with')).toBeVisible();
  await expect(page.getByText('individual support and supervision sessions, or in group meetings')).toBeVisible();
  await expect(page.getByText(/keep a record of actions you go on to take/)).toBeVisible();
  await expect(page.getByText(/New NHS Alliance/)).toBeVisible();
  await expectNoAxeViolations(page, 'about');
});

test('an unknown address shows a helpful page', async ({ page }) => {
  await page.goto('/#/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'not found');
});
