import { snapshotSection } from '../../domain/logbook/card-snapshot';
import type { CardSnapshot } from '../../domain/records/entry';
import { capabilityColour } from '../cards/capability-colour';
import { useCard } from '../cards/use-deck';

/** The card an entry reflects on, as it read when the entry was written. */
export function CardSummary({ card }: { card: CardSnapshot }) {
  const { card: inDeck, searching } = useCard(card.deckId, card.cardId);
  return (
    <aside class="card-summary" data-cap={capabilityColour(card.capabilityNumber)} aria-label="The card">
      <p class="card-summary__cap">
        {snapshotSection(card)}: {card.capabilityHeading}
      </p>
      <p class="card-summary__task">
        {card.title && <strong class="task-title">{card.title}</strong>} {card.text}
      </p>
      {card.groupName && <p class="card-summary__group">For {card.groupName.toLowerCase()}</p>}
      {!inDeck && !searching && <p class="card-summary__gone">This card is no longer in the deck; your entry keeps its words.</p>}
    </aside>
  );
}
