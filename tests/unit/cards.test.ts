import { describe, expect, it } from 'vitest';
import { DECKS } from '../../src/content/decks';
import { cardsOf } from '../../src/domain/cards';

const deck = (id: string) => DECKS.find((d) => d.id === id)!;

describe('cards', () => {
  it('carry their title where the deck gives one, and no title field where it does not', () => {
    const liveWell = cardsOf(deck('live-well'));
    expect(liveWell.every((c) => typeof c.title === 'string' && c.title.length > 0)).toBe(true);
    expect(liveWell[0]).toMatchObject({ title: expect.any(String), text: expect.any(String) });
    for (const card of cardsOf(deck('power-shifting'))) expect('title' in card).toBe(false);
  });

  it('of a deck without groups belong to the unnamed group', () => {
    expect(new Set(cardsOf(deck('our-manchester')).map((c) => c.group.id))).toEqual(new Set(['']));
  });
});
