import { deckSummaries } from '../../domain/catalog';
import { useDealStore } from '../../state/deal-store';

/** A language's name in the app's own language ("Welsh" for "cy"), or the tag if the browser has no name for it. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Which deck, or which translation of it, the cards are dealt from. Only there when there is a choice. */
export function DeckPanel() {
  const deckId = useDealStore((s) => s.deckId);
  const chooseDeck = useDealStore((s) => s.chooseDeck);
  const decks = deckSummaries();
  if (decks.length < 2) return null;
  return (
    <section aria-labelledby="deck-choice-title">
      <h2 id="deck-choice-title">Deck and language</h2>
      <fieldset>
        <legend>Deal cards from</legend>
        {decks.map((deck) => (
          <label class="choice" key={deck.id}>
            <input type="radio" name="deck" value={deck.id} checked={deck.id === deckId} onChange={() => void chooseDeck(deck.id)} />
            <span>
              <span lang={deck.language}>{deck.title}</span> ({languageName(deck.language)})
            </span>
          </label>
        ))}
      </fieldset>
      <p class="muted">
        A translation keeps your place in the deal: the card on the table stays the same, in the other language. Your
        logbook keeps each entry’s card as it read when you wrote it.
      </p>
    </section>
  );
}
