/**
 * Cards laid out nine to a sheet (three rows of three), and the backs that go with them for
 * printing on both sides.
 */
export const COLUMNS = 3;
export const ROWS = 3;
export const PER_SHEET = COLUMNS * ROWS;

/** Fronts and backs (two-sided, flipped on the long edge), or fronts only. */
export type Sides = 'both' | 'fronts';

export interface Sheet<T> {
  side: 'front' | 'back';
  /** The nine places on the sheet, row by row from the top left; null where there is no card. */
  slots: (T | null)[];
}

/**
 * The sheets to print, in order. With backs, each sheet of fronts is followed by its backs,
 * so a printer printing two-sided puts them on the two sides of one piece of paper.
 */
export function cardSheets<T>(cards: readonly T[], sides: Sides): Sheet<T>[] {
  const sheets: Sheet<T>[] = [];
  for (let start = 0; start < cards.length; start += PER_SHEET) {
    const slots = Array.from({ length: PER_SHEET }, (_, i) => (start + i < cards.length ? (cards[start + i] as T) : null));
    sheets.push({ side: 'front', slots });
    if (sides === 'both') sheets.push({ side: 'back', slots: mirrorRows(slots) });
  }
  return sheets;
}

/**
 * Turning a sheet over on its long edge swaps left and right but keeps the rows where they are,
 * so the back of the card printed top left must be printed top right.
 */
export function mirrorRows<T>(slots: readonly T[]): T[] {
  const rows: T[][] = [];
  for (let row = 0; row < slots.length; row += COLUMNS) rows.push(slots.slice(row, row + COLUMNS).reverse());
  return rows.flat();
}
