import { describe, expect, it } from 'vitest';
import {
  createDeal,
  currentCardId,
  isExhausted,
  nextCard,
  previousCard,
  reconcileDeal,
  showDealtCard,
  type Deal,
} from '../../src/domain/deal';
import { seededRandom, shuffle } from '../../src/domain/random';

const IDS = Array.from({ length: 20 }, (_, i) => `card-${i + 1}`);

function dealAll(deal: Deal): string[] {
  const seen: string[] = [];
  let d = deal;
  while (!isExhausted(d)) {
    d = nextCard(d);
    seen.push(currentCardId(d) as string);
  }
  return seen;
}

describe('seeded shuffle', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    expect(shuffle(IDS, 42)).toEqual(shuffle(IDS, 42));
    expect(shuffle(IDS, 42)).not.toEqual(shuffle(IDS, 43));
  });

  it('keeps every item exactly once and does not change its input', () => {
    const copy = [...IDS];
    const out = shuffle(IDS, 7);
    expect(IDS).toEqual(copy);
    expect([...out].sort()).toEqual([...IDS].sort());
  });

  it('gives each card every position about equally often', () => {
    const firstPlace = new Map<string, number>();
    for (let seed = 1; seed <= 4000; seed++) {
      const first = shuffle(IDS.slice(0, 4), seed)[0] as string;
      firstPlace.set(first, (firstPlace.get(first) ?? 0) + 1);
    }
    for (const count of firstPlace.values()) expect(count).toBeGreaterThan(850);
    expect(firstPlace.size).toBe(4);
  });

  it('produces numbers in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = random();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
  });
});

describe('dealing', () => {
  it('starts face down and deals every card once before it is exhausted', () => {
    const deal = createDeal(IDS, 99);
    expect(currentCardId(deal)).toBeUndefined();
    expect(isExhausted(deal)).toBe(false);
    const seen = dealAll(deal);
    expect(seen).toHaveLength(IDS.length);
    expect(new Set(seen).size).toBe(IDS.length);
  });

  it('deals the same sequence for the same seed', () => {
    expect(dealAll(createDeal(IDS, 5))).toEqual(dealAll(createDeal(IDS, 5)));
  });

  it('stays on the last card once exhausted', () => {
    let deal = createDeal(IDS.slice(0, 2), 1);
    deal = nextCard(nextCard(deal));
    expect(isExhausted(deal)).toBe(true);
    expect(nextCard(deal)).toBe(deal);
  });

  it('steps back and forward through the history without dealing new cards', () => {
    let deal = createDeal(IDS, 3);
    deal = nextCard(nextCard(nextCard(deal)));
    const third = currentCardId(deal);
    deal = previousCard(previousCard(deal));
    expect(deal.position).toBe(0);
    expect(previousCard(deal)).toBe(deal);
    deal = nextCard(nextCard(deal));
    expect(currentCardId(deal)).toBe(third);
    expect(deal.dealt).toBe(3);
    deal = nextCard(deal);
    expect(deal.dealt).toBe(4);
  });

  it('moves the cursor to a dealt card, and ignores cards not yet dealt', () => {
    let deal = createDeal(IDS, 11);
    deal = nextCard(nextCard(nextCard(deal)));
    const first = deal.order[0] as string;
    expect(currentCardId(showDealtCard(deal, first))).toBe(first);
    const undealt = deal.order[10] as string;
    expect(showDealtCard(deal, undealt)).toBe(deal);
  });

  it('handles an empty selection', () => {
    const deal = createDeal([], 1);
    expect(nextCard(deal)).toBe(deal);
    expect(isExhausted(deal)).toBe(false);
  });
});

describe('reconciling a stored deal with changed content', () => {
  it('drops removed cards, keeps the dealt history and adds new cards to the undealt part', () => {
    let deal = createDeal(IDS.slice(0, 5), 21);
    deal = nextCard(nextCard(deal));
    const [a, b] = deal.order as [string, string];
    const remaining = IDS.slice(0, 5).filter((id) => id !== b);
    const changed = reconcileDeal(deal, [...remaining, 'new-card']);
    expect(changed.order.slice(0, changed.dealt)).toEqual([a]);
    expect(currentCardId(changed)).toBe(a);
    expect([...changed.order].sort()).toEqual([...remaining, 'new-card'].sort());
  });
});
