import { useEffect, useState } from 'preact/hooks';
import { deckSummaries } from '../../domain/catalog';
import { useDealStore } from '../../state/deal-store';
import { loadOwnDecksIfAny, useDecks } from '../../state/decks';

/**
 * Which deck the cards are dealt from, where the dealing happens: the main decks, then the
 * companion decks that go with them. The choice persists with the deal.
 */
export function DeckChoice() {
  const deckId = useDealStore((s) => s.deckId);
  const chooseDeck = useDealStore((s) => s.chooseDeck);
  const [problem, setProblem] = useState('');
  useDecks((s) => s.ownVersion);
  useEffect(loadOwnDecksIfAny, []);
  const decks = deckSummaries();
  if (decks.length < 2) return null;
  const main = decks.filter((d) => d.kind === 'main' && !d.own);
  const companions = decks.filter((d) => d.kind === 'companion');
  const own = decks.filter((d) => d.own);
  const choose = async (id: string) => {
    setProblem('');
    await chooseDeck(id);
    if (useDealStore.getState().deckId !== id) setProblem('That deck could not be loaded. You may be offline before the app finished installing.');
  };
  const option = (d: (typeof decks)[number]) => (
    <option key={d.id} value={d.id} lang={d.language}>
      {d.title}
    </option>
  );
  return (
    <div class="deck-choice">
      <label for="deck-choice">Deck</label>
      <select id="deck-choice" value={deckId} onChange={(e) => void choose((e.target as HTMLSelectElement).value)}>
        {companions.length ? <optgroup label="Main decks">{main.map(option)}</optgroup> : main.map(option)}
        {companions.length > 0 && <optgroup label="Companion decks">{companions.map(option)}</optgroup>}
        {own.length > 0 && (
          <optgroup label="Your decks">
            {own.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} (your deck)
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {problem && (
        <p class="deck-choice__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
