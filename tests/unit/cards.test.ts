import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK, importDeck } from '../../src/content/decks';
import { cardsOf } from '../../src/domain/cards';

const deck = async (id: string) => (id === DEFAULT_DECK.id ? DEFAULT_DECK : (await importDeck(id))!);

describe('cards', () => {
  it('carry their title where the deck gives one, and no title field where it does not', async () => {
    const liveWell = cardsOf(await deck('live-well'));
    expect(liveWell.every((c) => typeof c.title === 'string' && c.title.length > 0)).toBe(true);
    expect(liveWell[0]).toMatchObject({ title: expect.any(String), text: expect.any(String) });
    for (const card of cardsOf(await deck('power-shifting'))) expect('title' in card).toBe(false);
  });

  it('of a deck without groups belong to the unnamed group', async () => {
    expect(new Set(cardsOf(await deck('our-manchester')).map((c) => c.group.id))).toEqual(new Set(['']));
  });
});
