import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import deckJson from '../../content/decks/power-shifting/deck.json';
import type { Deck } from '../../src/content/schema';
import { summaryOf } from '../../src/content/deck-summary';
import { useDealStore } from '../../src/state/deal-store';
import { App } from '../../src/ui/shell/app';
import { DeckPanel } from '../../src/ui/settings/deck-panel';

// A build holding the deck and a (pretend) Welsh translation of it, made as content/README.md says:
// the same ids, every text translated.
vi.mock('../../src/content/decks', async () => {
  const original = (await import('../../content/decks/power-shifting/deck.json')).default as Deck;
  const cy = (text: string) => `CY ${text}`;
  const welsh: Deck = {
    ...original,
    id: 'power-shifting-cy',
    language: 'cy',
    translationOf: original.id,
    title: cy(original.title),
    groups: original.groups.map((g) => ({ ...g, name: cy(g.name) })),
    capabilities: original.capabilities.map((c) => ({
      ...c,
      heading: cy(c.heading),
      framing: c.framing && cy(c.framing),
      tasks: c.tasks.map((t) => ({ ...t, text: cy(t.text) })),
    })),
  };
  // The translation, like every deck but the first, arrives when it is first chosen.
  return { DEFAULT_DECK: original, DECK_INDEX: [summaryOf(original), summaryOf(welsh)], importDeck: (id: string) => (id === welsh.id ? Promise.resolve(welsh) : undefined) };
});

describe('choosing a deck', () => {
  it('switches to a translation and keeps the card on the table, marked up in its language', async () => {
    render(<App />);
    fireEvent.keyDown(document.body, { key: ' ' });
    const card = await screen.findByText('Card 1 of 49', { selector: '.card__caption' });
    const task = card.closest('article')!.querySelector('.card__task')!;
    const english = task.textContent!;
    expect(english).not.toMatch(/^CY /);
    expect(task.getAttribute('lang')).toBe((deckJson as Deck).language);
    const cardId = location.hash;
    render(<DeckPanel />);
    fireEvent.click(screen.getByRole('radio', { name: /^CY Power Shifting Card Deck \(Welsh\)$/ }));
    await waitFor(() => expect(useDealStore.getState().deckId).toBe('power-shifting-cy'));
    const translated = document.querySelector('article.card .card__task')!;
    expect(translated.textContent).toBe(`CY ${english}`);
    expect(translated.getAttribute('lang')).toBe('cy');
    expect(location.hash).toBe(cardId);
    expect(screen.getByText('Card 1 of 49', { selector: '.card__caption' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^Power Shifting Card Deck/ }));
    await waitFor(() => expect(useDealStore.getState().deckId).toBe('power-shifting'));
    expect(document.querySelector('article.card .card__task')!.textContent).toBe(english);
  });
});
