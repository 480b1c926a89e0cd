import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { downloaded, startSupervision } from './session-setup';

// Each test sets a session up through the app (about 10 s alone): past 30 s when the machine is busy.
test.describe.configure({ timeout: 60_000 });

const SESSION_NOTES = 'Bring <script>alert("x")</script> & "cake"\nSecond line';
const CARD_NOTES = 'We agreed to start small.\nThen grow.';

/** A session with a card, an entry (a private reflection and an action with an owner), card notes and session notes. */
async function sessionWithNotes(page: Page) {
  await startSupervision(page);
  await page.getByRole('link', { name: 'Deal a card' }).first().click();
  await page.keyboard.press('Space');
  await page.keyboard.press('w');
  await page.getByLabel('Which community are you working with?').fill('Carers in Wigan');
  await page.getByLabel('What does this look like where you work?').fill('Private: I find the panel meetings hard.');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Ask carers what would help');
  await page.getByLabel('Who with, or who owns it?').fill('C.D.');
  await page.getByLabel('By when?').fill('2030-06-30');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  await page.getByRole('region', { name: 'Current session' }).getByRole('link').click();
  await page.getByLabel('Notes on this card').fill(CARD_NOTES);
  await page.getByLabel('Notes for the whole session').fill(SESSION_NOTES);
  for (const label of ['Notes on this card', 'Notes for the whole session']) {
    await expect(page.locator('.field', { has: page.getByLabel(label) }).getByRole('status')).toHaveText('Saved');
  }
}

/** Heading levels and texts, in order, with the card's own words (which depend on the deal) left out. */
const OUTLINE = ['1 Supervision with A.B.', '2 Cards discussed', '2 Reflections and actions', '3 (the card)', '4 Actions', '2 Session notes'];
const outline = (headings: [number, string][]) => headings.map(([level, text]) => `${level} ${level === 3 ? '(the card)' : text}`);

test('the notes preview is the formatted document, and "Save as a document" gives a Word file with the chosen notes', async ({ page }) => {
  await sessionWithNotes(page);
  const preview = page.getByTestId('notes-preview');
  await expect(preview).toBeHidden();
  // A disclosure, opened from the keyboard.
  await page.locator('summary', { hasText: 'Preview the notes' }).focus();
  await page.keyboard.press('Enter');
  await expect(preview.getByRole('heading', { level: 3, name: 'Supervision with A.B.' })).toBeVisible();
  const shown = await preview.locator('h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => [Number(h.tagName[1]) - 2, h.textContent ?? ''] as [number, string]));
  expect(outline(shown)).toEqual(OUTLINE);
  await expect(preview.locator('ol li').first()).toContainText('Group notes: We agreed to start small.');
  await expect(preview).toContainText('Ask carers what would help');
  await expect(preview).toContainText('Private: I find the panel meetings hard.');
  await expect(preview).toContainText(/Made on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
  await expect(preview.locator('pre')).toHaveCount(0);
  await expectNoAxeViolations(page, 'session with the notes preview open');

  // Leave out the private reflection: the preview and the file follow.
  await page.getByRole('checkbox', { name: 'Reflections and notes written in entries' }).uncheck();
  await expect(preview).not.toContainText('Private: I find');
  const file = await downloaded(page, () => page.getByRole('button', { name: 'Save as a document' }).click());
  expect(file.name).toMatch(/^power-shifting-session-\d{4}-\d\d-\d\d-supervision-with-a-b\.docx$/);
  const html = (await mammoth.convertToHtml({ path: file.path })).value;
  expect(outline([...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => [Number(m[1]), m[2]!]))).toEqual(OUTLINE);
  expect(html).toContain('<ul><li>Group notes: We agreed to start small.<br />Then grow.</li></ul>');
  expect(html).toContain('Ask carers what would help (Planned, Who: C.D., By when: 30 June 2030)');
  expect(html).toContain('<p>Bring &lt;script&gt;alert("x")&lt;/script&gt; &amp; "cake"<br />Second line</p>');
  expect(html).toContain('<strong>Community: </strong>Carers in Wigan');
  expect(html).not.toContain('Private: I find');
  expect(html).toMatch(/Made on \d{1,2} [A-Z][a-z]+ \d{4}\./);
  await expect(page.getByRole('status').filter({ hasText: 'Session notes saved.' })).toBeVisible();
});

test('"Copy for email" puts the formatted notes on the clipboard, with a plain-text twin and nothing that runs', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await sessionWithNotes(page);
  await page.getByRole('checkbox', { name: 'Participants’ names and action owners' }).uncheck();
  await page.getByRole('button', { name: 'Copy for email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notes copied. Paste them into an email or a document.' })).toBeVisible();

  const copied = await page.evaluate(async () => {
    // Unsanitised, so that Chromium does not take out on reading what the test looks for.
    const read = navigator.clipboard.read.bind(navigator.clipboard) as (options: { unsanitized: string[] }) => Promise<ClipboardItems>;
    const [item] = await read({ unsanitized: ['text/html'] });
    const html = await (await item!.getType('text/html')).text();
    const text = await (await item!.getType('text/plain')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const lines = (el: Element) => [...el.childNodes].map((n) => (n.nodeName === 'BR' ? '\n' : n.textContent)).join('');
    return {
      html,
      text,
      headings: [...doc.querySelectorAll('h1, h2, h3, h4')].map((h) => [Number(h.tagName[1]), h.textContent ?? ''] as [number, string]),
      paragraphs: [...doc.querySelectorAll('p')].map(lines),
      attributes: [...doc.body.querySelectorAll('*')].filter((el) => el.attributes.length > 0).length,
    };
  });
  expect(copied.html).not.toMatch(/<script/i);
  expect(copied.attributes).toBe(0);
  expect(outline(copied.headings)).toEqual(OUTLINE);
  expect(copied.paragraphs).toContain(SESSION_NOTES);
  expect(copied.html).toContain('<li>Group notes: We agreed to start small.<br>Then grow.</li>');
  expect(copied.html).toContain('Ask carers what would help');
  expect(copied.html).not.toContain('C.D.');
  expect(copied.text).toContain(`Session notes\n-------------\n\n${SESSION_NOTES}`);
  expect(copied.text).not.toContain('C.D.');
});

test('the print view holds only the document, runs on without forced page breaks, and heads and numbers its pages', async ({ page }) => {
  await sessionWithNotes(page);
  await page.getByRole('link', { name: 'Print or save as PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B.' })).toBeVisible();
  await expect(page.getByText('Ask carers what would help')).toBeVisible();
  await expectNoAxeViolations(page, 'print view');

  // The words of the running header, handed to the page margins (see print-document.tsx).
  const header = await page.evaluate(() => ['--print-left', '--print-right'].map((p) => getComputedStyle(document.documentElement).getPropertyValue(p)));
  expect(header[0]).toBe('"Power Shifting Card Deck"');
  expect(header[1]).toMatch(/^"Supervision with A\.B\., \d{1,2} [A-Z][a-z]+ \d{4}"$/);
  // The page rule that prints them, with "Page N of M" at the foot.
  const pageRule = await page.evaluate(() => {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.conditionText === 'print') {
          const found = [...rule.cssRules].find((r) => r instanceof CSSPageRule);
          if (found) return found.cssText;
        }
      }
    }
    return '';
  });
  expect(pageRule).toMatch(/@top-left\s*{[^}]*content: var\(--print-left/);
  expect(pageRule).toMatch(/@top-right\s*{[^}]*content: var\(--print-right/);
  expect(pageRule).toMatch(/@bottom-center\s*{[^}]*content: "Page " counter\(page\) " of " counter\(pages\)/);

  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.app-footer', '.topbar', '.session-bar', '.print-doc__tools']) await expect(page.locator(selector)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B.' })).toBeVisible();
  const breaks = await page.locator('.print-doc, .document, .document *').evaluateAll((els) =>
    els.map((el) => getComputedStyle(el).breakBefore).filter((b) => b !== 'auto'),
  );
  expect(breaks).toEqual([]);
  // A short session fits on one sheet of A4: nothing pushes a section onto a page of its own.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Back to the session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision with A.B.' })).toBeVisible();
  // Leaving the print view takes its page headings with it.
  expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
});
