import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

test('a workshop: presenter on the wall, facilitator window in step, notes kept', async ({ page, context }, info) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.getByRole('link', { name: 'Present on a shared screen' }).click();
  await expect(page.getByText('Press → or Space to deal the first card')).toBeVisible();
  // Nothing but the deck on the wall: no navigation, no logbook.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // The clicker's Page Down deals.
  await page.keyboard.press('PageDown');
  const card = page.locator('article.card');
  await expect(card).toBeVisible();
  const taskSize = await card.locator('.card__task').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(taskSize).toBeGreaterThanOrEqual(48);
  await expectNoAxeViolations(page, 'presenter view');

  // Help overlay.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keys for the presenter view' })).toBeVisible();
  await expectNoAxeViolations(page, 'presenter help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Open the facilitator window from the presenter.
  const [facilitator] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open facilitator window' }).click(),
  ]);
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Facilitator' })).toBeVisible();
  const first = await card.getAttribute('data-card-id');
  await expect(facilitator.locator('article.card')).toHaveAttribute('data-card-id', first!);

  // The facilitator starts a workshop session, so the cards and the group's notes are kept.
  await facilitator.getByRole('button', { name: 'Start a workshop session' }).click();
  await expect(facilitator.getByLabel('Notes on this card')).toBeVisible();

  // Advance from the facilitator window: the presenter follows.
  const upcoming = await facilitator.getByTestId('upcoming').textContent();
  await facilitator.getByRole('button', { name: 'Next card' }).click();
  await expect(card).not.toHaveAttribute('data-card-id', first!);
  const second = await card.getAttribute('data-card-id');
  expect(upcoming).toContain((await card.locator('.card__task').textContent())!.slice(0, 30));
  await expect(facilitator.locator('article.card')).toHaveAttribute('data-card-id', second!);

  // Start a 2-minute round from the facilitator: the presenter's timer runs.
  await facilitator.getByRole('button', { name: '2 min' }).click();
  await facilitator.getByRole('group', { name: 'Timer controls' }).getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('timer')).toContainText('Time left');
  await expect(page.getByTestId('timer')).toContainText(/1:5\d|2:00/);
  await facilitator.getByRole('group', { name: 'Timer controls' }).getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('timer')).toContainText('Timer');

  // Capture what the group says, and show it on the wall only when chosen.
  await facilitator.getByLabel('Notes on this card').fill('Invite us before the plan is written, not after.');
  await expect(facilitator.locator('.field', { has: facilitator.getByLabel('Notes on this card') }).getByRole('status')).toHaveText('Saved');
  await expect(page.locator('.presenter__note')).toHaveCount(0);
  await facilitator.getByRole('button', { name: 'Show this note on the screen' }).click();
  await expect(page.locator('.presenter__note')).toContainText('Invite us before the plan is written');
  await facilitator.getByRole('button', { name: 'Hide the note from the screen' }).click();
  await expect(page.locator('.presenter__note')).toHaveCount(0);
  await expectNoAxeViolations(facilitator, 'facilitator window');

  // Close the facilitator window and reopen it: the notes are there.
  await facilitator.close();
  const [again] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open facilitator window' }).click(),
  ]);
  await expect(again.getByLabel('Notes on this card')).toHaveValue('Invite us before the plan is written, not after.');

  await page.screenshot({ path: info.outputPath('presenter-1920x1080.png') });

  // The workshop is a session: its notes export like any other.
  const session = again;
  await session.goto(`/#/sessions`);
  await session.getByTestId('session-item').first().getByRole('link').click();
  await expect(session.locator('.session-cards__item')).toHaveCount(2);
  const [download] = await Promise.all([
    session.waitForEvent('download'),
    session.getByRole('button', { name: 'Save as plain text (Markdown)' }).click(),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('- Kind: Workshop');
  expect(markdown).toContain('Group notes: Invite us before the plan is written, not after.');
});

test('the presenter view runs from the keyboard alone', async ({ page }) => {
  await page.goto('/#/present');
  await expect(page.getByText('Press → or Space to deal the first card')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const card = page.locator('article.card');
  const first = await card.getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await expect(card).not.toHaveAttribute('data-card-id', first!);
  await page.keyboard.press('PageUp');
  await expect(card).toHaveAttribute('data-card-id', first!);
  await page.keyboard.press('b');
  await expect(page.locator('.spread')).toBeVisible();
  await page.keyboard.press('b');
  await page.keyboard.press('t');
  await expect(page.getByTestId('timer')).toContainText('Time left');
  await page.keyboard.press('m');
  await expect(page.getByTestId('timer')).toContainText(/5:5\d|6:00/);
  await page.keyboard.press('0');
  await expect(page.getByTestId('timer')).toContainText('5:00');
  await page.keyboard.press('r');
  await expect(page.locator('.presenter__progress')).toHaveText('Card 1 of 49');
});

test('a paused supervision stays untouched while a workshop runs from the facilitator window', async ({ page, context }) => {
  // A supervision with one card dealt, then paused.
  await page.goto('/#/sessions');
  await page.getByRole('radio', { name: /Supervision/ }).check();
  await page.getByLabel('Series (optional)').fill('Supervision with A.B.');
  await page.getByRole('button', { name: 'Start session' }).click();
  // The app moves to the session once it is stored; its address is only known then.
  await expect(page).toHaveURL(/#\/sessions\/\w+$/);
  const supervisionUrl = page.url();
  await page.getByRole('link', { name: 'Deal a card' }).first().click();
  await page.keyboard.press('Space');
  await expect(page.locator('article.card')).toBeVisible();
  await page.getByRole('region', { name: 'Current session' }).getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('region', { name: 'Current session' })).toContainText('paused');

  // A workshop on the wall, run from the facilitator window.
  await page.goto('/#/present');
  const [facilitator] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open facilitator window' }).click()]);
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Facilitator' })).toBeVisible();
  await expect(facilitator.getByRole('navigation')).toHaveCount(0);
  // It offers a workshop of its own, not the supervision.
  await expect(facilitator.getByLabel('Notes on this card')).toHaveCount(0);
  await facilitator.getByRole('button', { name: 'Start a workshop session' }).click();
  await expect(facilitator.getByTestId('recording-into')).toContainText('Recording into Workshop,');
  await facilitator.getByRole('button', { name: /Next card|Deal the first card/ }).click();
  await facilitator.getByLabel('Notes on this card').fill('The group’s words, for the workshop only.');
  await expect(facilitator.locator('.field', { has: facilitator.getByLabel('Notes on this card') }).getByRole('status')).toHaveText('Saved');
  await facilitator.getByRole('button', { name: 'Next card' }).click();
  await expect(facilitator.locator('article.card')).toBeVisible();

  // The supervision is as it was: paused, one card, no group notes.
  const check = await context.newPage();
  await check.goto(supervisionUrl);
  await expect(check.getByTestId('session-status')).toHaveText('Paused');
  await expect(check.locator('.session-cards__item')).toHaveCount(1);
  await expect(check.getByText('The group’s words, for the workshop only.')).toHaveCount(0);
  // The workshop has its cards (the one on the wall when it started, and the two dealt since) and the note.
  const [workshop] = await Promise.all([context.waitForEvent('page'), facilitator.getByTestId('recording-into').getByRole('link').click()]);
  await expect(workshop.locator('.session-cards__item')).toHaveCount(3);
  await expect(workshop.getByLabel('Notes on this card').nth(1)).toHaveValue('The group’s words, for the workshop only.');
});
