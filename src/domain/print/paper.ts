/**
 * The paper the cards and posters are printed on, and where each card and cut mark goes on it.
 * All lengths are in millimetres.
 */
import { COLUMNS, PER_SHEET, ROWS } from './sheets';

export type PaperId = 'a4' | 'letter';

export interface Paper {
  id: PaperId;
  /** As the print dialog calls it. */
  name: string;
  /** The CSS `@page` size keyword. */
  cssSize: string;
  width: number;
  height: number;
}

export const PAPERS: readonly Paper[] = [
  { id: 'a4', name: 'A4', cssSize: 'A4', width: 210, height: 297 },
  { id: 'letter', name: 'US Letter', cssSize: 'letter', width: 215.9, height: 279.4 },
];

export function paperById(id: PaperId): Paper {
  return PAPERS.find((p) => p.id === id) ?? (PAPERS[0] as Paper);
}

/** Poker size, the size of most playing cards: it shuffles and deals like a pack. */
export const CARD_WIDTH = 63;
export const CARD_HEIGHT = 88;

/**
 * Cut marks start this far from the cards, so that no line is printed on a card even when the
 * front and back of a sheet, or the cut, are a little out.
 */
const MARK_GAP = 2;
const MARK_LENGTH = 4;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SheetLayout {
  /** Where each of the nine cards goes, row by row from the top left. */
  cards: Rect[];
  /** Cut marks: short lines in the margins that continue each cutting line. */
  marks: Line[];
}

/**
 * The cards touch, so one cut separates two of them, and sit in the middle of the paper: turned
 * over on its long edge, a centred sheet's backs land exactly behind its fronts.
 */
export function sheetLayout(paper: Paper): SheetLayout {
  const left = (paper.width - COLUMNS * CARD_WIDTH) / 2;
  const top = (paper.height - ROWS * CARD_HEIGHT) / 2;
  const right = left + COLUMNS * CARD_WIDTH;
  const bottom = top + ROWS * CARD_HEIGHT;
  const cards = Array.from({ length: PER_SHEET }, (_, i) => ({
    x: left + (i % COLUMNS) * CARD_WIDTH,
    y: top + Math.floor(i / COLUMNS) * CARD_HEIGHT,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  }));
  const marks: Line[] = [];
  for (let column = 0; column <= COLUMNS; column++) {
    const x = left + column * CARD_WIDTH;
    marks.push({ x1: x, y1: top - MARK_GAP - MARK_LENGTH, x2: x, y2: top - MARK_GAP });
    marks.push({ x1: x, y1: bottom + MARK_GAP, x2: x, y2: bottom + MARK_GAP + MARK_LENGTH });
  }
  for (let row = 0; row <= ROWS; row++) {
    const y = top + row * CARD_HEIGHT;
    marks.push({ x1: left - MARK_GAP - MARK_LENGTH, y1: y, x2: left - MARK_GAP, y2: y });
    marks.push({ x1: right + MARK_GAP, y1: y, x2: right + MARK_GAP + MARK_LENGTH, y2: y });
  }
  return { cards, marks };
}
