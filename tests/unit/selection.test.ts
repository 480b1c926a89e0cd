import { describe, expect, it } from 'vitest';
import { cardsOf } from '../../src/domain/cards';
import { normaliseSelection, selectCards, WHOLE_DECK } from '../../src/domain/selection';
import { DEFAULT_DECK } from '../../src/content/decks';

const cards = cardsOf(DEFAULT_DECK);

describe('selection', () => {
  it('selects the whole deck by default', () => {
    expect(selectCards(cards, WHOLE_DECK)).toHaveLength(49);
  });

  it('selects by capability and group', () => {
    const chosen = selectCards(cards, { capabilities: [5], groups: ['community'] });
    expect(chosen.map((c) => c.id)).toEqual([
      'cap-05-community-1',
      'cap-05-community-2',
      'cap-05-community-3',
      'cap-05-community-4',
    ]);
    expect(selectCards(cards, { capabilities: [1, 2], groups: [] })).toHaveLength(9);
    expect(selectCards(cards, { capabilities: [], groups: ['public'] })).toHaveLength(26);
    expect(selectCards(cards, { capabilities: [], groups: ['community'] })).toHaveLength(23);
  });

  it('normalises a stored selection against the deck', () => {
    expect(normaliseSelection({ capabilities: [3, 99, 3, 1], groups: ['nobody', 'public'] }, cards)).toEqual({
      capabilities: [1, 3],
      groups: ['public'],
    });
    const all = { capabilities: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], groups: ['public', 'community'] };
    expect(normaliseSelection(all, cards)).toEqual(WHOLE_DECK);
  });

  it('keeps a choice to leave own cards out, even while the deck has none', () => {
    expect(normaliseSelection({ capabilities: [], groups: [], withoutOwn: true }, cards)).toEqual({ capabilities: [], groups: [], withoutOwn: true });
    expect(selectCards(cards, { capabilities: [], groups: [], withoutOwn: true })).toHaveLength(49);
  });
});
