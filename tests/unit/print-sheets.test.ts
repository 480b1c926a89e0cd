import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, PAPERS, sheetLayout, type Rect } from '../../src/domain/print/paper';
import { cardSheets, mirrorRows } from '../../src/domain/print/sheets';

const cards = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

describe('cards on sheets', () => {
  it('puts nine cards on a sheet, each sheet of fronts followed by its backs', () => {
    const sheets = cardSheets(cards(49), 'both');
    expect(sheets).toHaveLength(12);
    expect(sheets.map((s) => s.side)).toEqual(Array.from({ length: 6 }, () => ['front', 'back']).flat());
    expect(sheets[0]!.slots).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(sheets[2]!.slots[0]).toBe('c10');
  });

  it('reverses each row of the backs, so they land behind their fronts when the sheet is turned on its long edge', () => {
    const [front, back] = cardSheets(cards(9), 'both');
    expect(back!.slots).toEqual(['c3', 'c2', 'c1', 'c6', 'c5', 'c4', 'c9', 'c8', 'c7']);
    expect(mirrorRows(back!.slots)).toEqual(front!.slots);
  });

  it('keeps the empty places of the last sheet, on both sides, so the backs still line up', () => {
    const sheets = cardSheets(cards(49), 'both');
    const lastFront = sheets[10]!;
    const lastBack = sheets[11]!;
    expect(lastFront.slots).toEqual(['c46', 'c47', 'c48', 'c49', null, null, null, null, null]);
    expect(lastBack.slots).toEqual(['c48', 'c47', 'c46', null, null, 'c49', null, null, null]);
  });

  it('prints fronts only on half as many pages', () => {
    const sheets = cardSheets(cards(49), 'fronts');
    expect(sheets).toHaveLength(6);
    expect(sheets.every((s) => s.side === 'front')).toBe(true);
    expect(cardSheets(cards(0), 'both')).toEqual([]);
    expect(cardSheets(cards(9), 'fronts')).toHaveLength(1);
    expect(cardSheets(cards(10), 'fronts')).toHaveLength(2);
  });
});

describe('where the cards and cut marks go on the paper', () => {
  const inside = (x: number, y: number, r: Rect) => x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height;
  const onEdge = (x: number, y: number, r: Rect) =>
    x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height && !inside(x, y, r);

  for (const paper of PAPERS) {
    describe(paper.name, () => {
      const { cards: rects, marks } = sheetLayout(paper);

      it('places nine poker-size cards, touching, in the middle of the paper', () => {
        expect(rects).toHaveLength(9);
        for (const r of rects) expect([r.width, r.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
        const left = Math.min(...rects.map((r) => r.x));
        const right = paper.width - Math.max(...rects.map((r) => r.x + r.width));
        const top = Math.min(...rects.map((r) => r.y));
        const bottom = paper.height - Math.max(...rects.map((r) => r.y + r.height));
        expect(left).toBeCloseTo(right, 9);
        expect(top).toBeCloseTo(bottom, 9);
        expect(Math.min(left, top)).toBeGreaterThan(7);
        expect(rects[1]!.x - rects[0]!.x).toBe(CARD_WIDTH);
        expect(rects[3]!.y - rects[0]!.y).toBe(CARD_HEIGHT);
      });

      it('puts the back of each card behind its front when the sheet is turned on its long edge', () => {
        const turned = (r: Rect) => ({ ...r, x: paper.width - r.x - r.width });
        const backSlots = mirrorRows(rects.map((_, i) => i));
        backSlots.forEach((frontIndex, place) => {
          expect(turned(rects[place]!).x).toBeCloseTo(rects[frontIndex]!.x, 9);
          expect(rects[place]!.y).toBe(rects[frontIndex]!.y);
        });
      });

      it('draws the cut marks on the paper, outside every card, each continuing a cutting line', () => {
        expect(marks).toHaveLength(16);
        for (const m of marks) {
          for (const [x, y] of [[m.x1, m.y1], [m.x2, m.y2]] as const) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(paper.width);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(paper.height);
            for (const r of rects) expect(inside(x, y, r) || onEdge(x, y, r)).toBe(false);
          }
          const vertical = m.x1 === m.x2;
          const line = vertical ? m.x1 : m.y1;
          const edges = vertical ? rects.flatMap((r) => [r.x, r.x + r.width]) : rects.flatMap((r) => [r.y, r.y + r.height]);
          expect(edges.some((e) => Math.abs(e - line) < 1e-9)).toBe(true);
        }
      });
    });
  }
});
