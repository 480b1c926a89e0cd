import { DECKS_WITH_DESTINATION } from '../../content/destinations';
import { useDealStore } from '../../state/deal-store';

/** The deck a new check-in is against: the one being dealt, if it has a destination, or the first that has. */
export function useCheckinDeck(): string | undefined {
  const dealt = useDealStore((s) => s.deckId);
  return DECKS_WITH_DESTINATION.includes(dealt) ? dealt : DECKS_WITH_DESTINATION[0];
}
