import type { Page } from '@playwright/test';
import { CARD_COUNT, expect, expectNoAxeViolations, test } from './fixtures';

/** CSS pixels in a millimetre (96 to the inch). */
const PX_PER_MM = 96 / 25.4;
/** How far a printed length may be from its measure. */
const TOLERANCE_MM = 0.3;
const PX_PER_PT = 96 / 72;
/** 7.5 pt, the smallest type a card may use, in CSS pixels. */
const SMALLEST_TYPE_PX = 7.5 * PX_PER_PT;

const DECKS = [
  { id: 'power-shifting', cards: CARD_COUNT },
  { id: 'live-well', cards: 31 },
  { id: 'our-manchester', cards: 26 },
  { id: 'engagement', cards: 4 },
];

/** Chromium writes one `/Type /Page` object per page. */
function pdfPages(pdf: Buffer): { count: number; sizes: string[] } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const sizes = [...new Set([...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map((n) => Math.round(Number(n))).join(' ')))];
  return { count, sizes };
}

interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface MeasuredSheet {
  width: number;
  height: number;
  side: string;
  cards: Placed[];
}

/** Every sheet and card as laid out for print, in mm from the sheet's top left corner. */
async function measureSheets(page: Page): Promise<MeasuredSheet[]> {
  await page.emulateMedia({ media: 'print' });
  const sheets = await page.locator('.paper-sheet').evaluateAll((elements, pxPerMm) =>
    elements.map((sheet) => {
      const box = sheet.getBoundingClientRect();
      const cards = [...sheet.querySelectorAll<HTMLElement>('.printed-card')].map((card) => {
        const r = card.getBoundingClientRect();
        return {
          id: card.dataset.cardId ?? '',
          x: (r.left - box.left) / pxPerMm,
          y: (r.top - box.top) / pxPerMm,
          width: r.width / pxPerMm,
          height: r.height / pxPerMm,
        };
      });
      const side = sheet.querySelector('.printed-card--back') ? 'back' : 'front';
      return { width: box.width / pxPerMm, height: box.height / pxPerMm, side, cards };
    }),
  PX_PER_MM);
  await page.emulateMedia({ media: null });
  return sheets;
}

function expectNear(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual.toFixed(2)} mm, expected ${expected} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
}

/** Every sheet is the paper, with poker-size cards nine to a sheet, and each back behind its front. */
function expectSheets(sheets: MeasuredSheet[], paper: { width: number; height: number }, cardCount: number, sides: 'both' | 'fronts') {
  const perSide = Math.ceil(cardCount / 9);
  expect(sheets).toHaveLength(sides === 'both' ? 2 * perSide : perSide);
  sheets.forEach((sheet, i) => {
    expectNear(sheet.width, paper.width, `sheet ${i + 1} width`);
    expectNear(sheet.height, paper.height, `sheet ${i + 1} height`);
    expect(sheet.side).toBe(sides === 'fronts' || i % 2 === 0 ? 'front' : 'back');
    const index = sides === 'both' ? Math.floor(i / 2) : i;
    expect(sheet.cards).toHaveLength(index < perSide - 1 ? 9 : cardCount - 9 * (perSide - 1));
    for (const card of sheet.cards) {
      expectNear(card.width, 63, `${card.id} width`);
      expectNear(card.height, 88, `${card.id} height`);
    }
    // The cards sit in the middle of the paper, so the two sides of a sheet match up.
    const full = sheet.cards.length === 9 ? sheet.cards : undefined;
    if (full) {
      const left = Math.min(...full.map((c) => c.x));
      const right = paper.width - Math.max(...full.map((c) => c.x + c.width));
      const top = Math.min(...full.map((c) => c.y));
      const bottom = paper.height - Math.max(...full.map((c) => c.y + c.height));
      expectNear(left, right, 'left margin against right');
      expectNear(top, bottom, 'top margin against bottom');
    }
  });
  if (sides === 'fronts') return;
  for (let i = 0; i < sheets.length; i += 2) {
    const front = sheets[i]!;
    const back = sheets[i + 1]!;
    expect(back.cards.map((c) => c.id).sort()).toEqual(front.cards.map((c) => c.id).sort());
    // Turned over on its long edge, a card at x on the front is at (width - x - card width) on the back.
    for (const card of front.cards) {
      const behind = back.cards.find((c) => c.id === card.id)!;
      expectNear(behind.x, paper.width - card.x - card.width, `back of ${card.id} across`);
      expectNear(behind.y, card.y, `back of ${card.id} down`);
    }
    // The same, said as the layout: each row of the backs is that row of the fronts reversed.
    const rows = (cards: Placed[]) => {
      const byRow = new Map<number, Placed[]>();
      for (const c of cards) byRow.set(Math.round(c.y), [...(byRow.get(Math.round(c.y)) ?? []), c]);
      return [...byRow.values()].map((row) => row.sort((a, b) => a.x - b.x).map((c) => c.id));
    };
    if (front.cards.length === 9) expect(rows(back.cards)).toEqual(rows(front.cards).map((row) => [...row].reverse()));
  }
}

const A4 = { width: 210, height: 297 };
const LETTER = { width: 215.9, height: 279.4 };

test('prints the deck as poker-size cards, nine to an A4 sheet, each sheet of fronts followed by its backs', async ({ page }, info) => {
  await page.goto('/#/deck');
  await page.getByRole('link', { name: 'Print this deck' }).click();
  await expect(page).toHaveURL(/#\/print\/deck\/power-shifting$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Print the cards' })).toBeVisible();
  await expect(page.getByText('49 cards on 12 pages: 6 sheets of paper, printed on both sides.')).toBeVisible();
  await expect(page.getByText(/not “Fit to page”/)).toBeVisible();
  await expect(page.getByText(/flipping on the long edge/)).toBeVisible();
  await expect(page.getByText(/160 to 250 g\/m²/)).toBeVisible();

  const pdf = pdfPages(await page.pdf({ path: info.outputPath('cards-a4.pdf'), format: 'A4', preferCSSPageSize: true }));
  expect(pdf.count).toBe(2 * Math.ceil(CARD_COUNT / 9));
  expect(pdf.sizes).toEqual(['0 0 595 842']);

  const sheets = await measureSheets(page);
  expectSheets(sheets, A4, CARD_COUNT, 'both');
  // Capability 1's five cards come first; the first back is its first row, reversed.
  expect(sheets[0]!.cards.slice(0, 3).map((c) => c.id)).toEqual(['cap-01-public-1', 'cap-01-public-2', 'cap-01-public-3']);

  // Printed, the page holds the sheets and nothing else.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Print the cards' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print these cards' })).toBeHidden();
  const firstSheet = await page.locator('.paper-sheet').first().boundingBox();
  expect(firstSheet).toMatchObject({ x: 0, y: 0 });
});

test('every card of every deck fits its text at a readable size, and shows its section, title and group', async ({ page }) => {
  for (const deck of DECKS) {
    await page.goto(`/#/print/deck/${deck.id}`);
    await expect(page.locator('.printed-card:not(.printed-card--back)')).toHaveCount(deck.cards);
    await page.emulateMedia({ media: 'print' });
    const cards = await page.locator('.printed-card:not(.printed-card--back)').evaluateAll((elements) =>
      elements.map((card) => {
        const body = card.querySelector<HTMLElement>('.printed-card__body')!;
        const texts = [...card.querySelectorAll<HTMLElement>('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
        return {
          id: (card as HTMLElement).dataset.cardId,
          body: [body.scrollHeight, body.clientHeight, body.scrollWidth, body.clientWidth],
          card: [card.scrollHeight, card.clientHeight],
          smallest: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
          text: (card as HTMLElement).innerText,
        };
      }),
    );
    await page.emulateMedia({ media: null });
    for (const card of cards) {
      const [scrollHeight, clientHeight, scrollWidth, clientWidth] = card.body;
      expect(scrollHeight, `${card.id} text fits down`).toBeLessThanOrEqual(clientHeight!);
      expect(scrollWidth, `${card.id} text fits across`).toBeLessThanOrEqual(clientWidth!);
      expect(card.card[0], `${card.id} fits the card`).toBeLessThanOrEqual(card.card[1]!);
      expect(card.smallest, `${card.id} type size`).toBeGreaterThanOrEqual(SMALLEST_TYPE_PX - 0.01);
    }
    await expect(page.getByText(/too long to fit/)).toHaveCount(0);
    const byId = new Map(cards.map((c) => [c.id, c.text]));
    if (deck.id === 'power-shifting') {
      expect(byId.get('cap-06-community-1')).toContain('CAPABILITY 6');
      expect(byId.get('cap-06-community-1')).toContain('We seek examples of what works');
      expect(byId.get('cap-06-community-1')).toContain('Gather and present stories of what works');
      expect(byId.get('cap-06-community-1')).toContain('For community leaders');
      expect(byId.get('cap-01-public-1')).toContain('For public service leaders');
    }
    if (deck.id === 'live-well') {
      expect(byId.get('live-well-1-model-optimism')).toMatch(/THEME 1[\s\S]*Model optimism[\s\S]*Grow a hopeful, shared vision/);
      // A deck without groups names none.
      expect(byId.get('live-well-1-model-optimism')).not.toContain('For ');
    }
  }
});

test('US Letter holds nine cards a sheet too, the same size', async ({ page }, info) => {
  await page.goto('/#/print/deck/power-shifting');
  await page.getByRole('radio', { name: /US Letter/ }).check();
  const pdf = pdfPages(await page.pdf({ path: info.outputPath('cards-letter.pdf'), format: 'A4', preferCSSPageSize: true }));
  expect(pdf.count).toBe(12);
  expect(pdf.sizes).toEqual(['0 0 612 792']);
  expectSheets(await measureSheets(page), LETTER, CARD_COUNT, 'both');
});

test('fronts only prints half the pages; one section prints just its cards', async ({ page }) => {
  await page.goto('/#/print/deck/power-shifting');
  await page.getByRole('radio', { name: /Fronts only/ }).check();
  await expect(page.getByText('49 cards on 6 pages.')).toBeVisible();
  expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).count).toBe(6);
  expectSheets(await measureSheets(page), A4, CARD_COUNT, 'fronts');
  await expect(page.locator('.printed-card--back')).toHaveCount(0);

  await page.getByRole('radio', { name: /Fronts and backs/ }).check();
  await page.getByLabel('Which cards').selectOption({ label: 'Capability 5: We change the way we commission services – we commission what people tell us meets their needs (8 cards)' });
  await expect(page.getByText('8 cards on 2 pages: 1 sheet of paper, printed on both sides.')).toBeVisible();
  expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).count).toBe(2);
  const sheets = await measureSheets(page);
  expectSheets(sheets, A4, 8, 'both');
  expect(sheets[0]!.cards.every((c) => c.id.startsWith('cap-05-'))).toBe(true);
});

test('prints the destination as a poster for each group, one to a page, with its source', async ({ page }, info) => {
  await page.goto('/#/deck');
  await page.getByRole('link', { name: 'Print the destination posters' }).click();
  await expect(page).toHaveURL(/#\/print\/destination\/power-shifting$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Print the destination' })).toBeVisible();
  await expect(page.locator('.poster')).toHaveCount(8);

  const pdf = pdfPages(await page.pdf({ path: info.outputPath('destination.pdf'), format: 'A4', preferCSSPageSize: true }));
  expect(pdf.count).toBe(8);
  expect(pdf.sizes).toEqual(['0 0 595 842']);

  await page.emulateMedia({ media: 'print' });
  const posters = await page.locator('.poster').evaluateAll((elements) =>
    elements.map((poster) => {
      const body = poster.querySelector<HTMLElement>('.poster__body')!;
      return {
        group: poster.querySelector('h2')!.textContent,
        fits: body.scrollHeight <= body.clientHeight,
        size: parseFloat(getComputedStyle(body).fontSize),
        // How much of the space for the text it fills.
        filled: [...body.children].reduce((end, child) => Math.max(end, child.getBoundingClientRect().bottom), 0) - body.getBoundingClientRect().top,
        room: body.clientHeight,
        source: poster.querySelector('.poster__source')!.textContent,
      };
    }),
  );
  expect(posters.map((p) => p.group)).toEqual([
    'People',
    'Communities',
    'Voluntary and community organisations',
    'Staff',
    'Public service leaders',
    'Senior leaders',
    'Commissioners',
    'We',
  ]);
  for (const poster of posters) {
    expect(poster.fits, `${poster.group} fits its page`).toBe(true);
    // Readable across a room: at least 18 pt, and filling most of the page unless at the largest size.
    expect(poster.size, `${poster.group} type size`).toBeGreaterThanOrEqual(18 * PX_PER_PT);
    if (poster.size < 32 * PX_PER_PT) expect(poster.filled / poster.room, `${poster.group} fills its page`).toBeGreaterThan(0.8);
    expect(poster.source).toContain('Shifting power to our people and communities');
    expect(poster.source).toContain('New NHS Alliance');
    expect(poster.source).toContain('2019');
  }

  await page.emulateMedia({ media: null });
  await page.getByRole('radio', { name: /US Letter/ }).check();
  const letter = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  expect(letter).toEqual({ count: 8, sizes: ['0 0 612 792'] });
});

test('the print screens, as seen on screen, pass axe in light and dark themes', async ({ page }) => {
  // Axe checks every one of the preview's hundreds of elements, twice per screen: slow on a busy machine.
  test.slow();
  for (const [path, screen] of [
    ['/#/print/deck/power-shifting', '.printed-card'],
    ['/#/print/destination/power-shifting', '.poster'],
  ] as const) {
    await page.goto(path);
    await page.locator(screen).first().waitFor();
    await expectNoAxeViolations(page, `${path} (light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, `${path} (dark)`);
    await page.emulateMedia({ colorScheme: null });
  }
  // Every control is a comfortable target.
  await page.goto('/#/print/deck/power-shifting');
  for (const control of await page.locator('.print-screen__controls').locator('button, a, select, label.choice').all()) {
    const box = await control.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24);
  }
});

test('a deck that is not in the app, or has no destination, says so', async ({ page }) => {
  await page.goto('/#/print/deck/no-such-deck');
  await expect(page.getByRole('heading', { level: 1, name: 'Deck not found' })).toBeVisible();
  await page.goto('/#/print/destination/engagement');
  await expect(page.getByRole('heading', { level: 1, name: 'No destination to print' })).toBeVisible();
});
