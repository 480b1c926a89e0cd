import type { Card } from '../../domain/cards';
import { capabilityColour } from '../cards/capability-colour';

/**
 * The front of a printed card: the section's colour band, number and heading, the card's title
 * when it has one, its text (in the largest type that fits: see useFitText) and its group.
 */
export function CardFront({ card, sectionName }: { card: Card; sectionName: string }) {
  const number = card.capability.number;
  return (
    <div class="printed-card" data-cap={capabilityColour(number)} data-group={card.group.id} data-card-id={card.id}>
      <div class="printed-card__band">
        <span class="printed-card__number" aria-hidden="true">
          {number}
        </span>
        <p class="printed-card__section">
          <span class="printed-card__eyebrow" lang={card.language}>
            {sectionName} {number}
          </span>
          <span class="printed-card__heading" lang={card.language}>
            {card.capability.heading}
          </span>
        </p>
      </div>
      <div class="printed-card__body" data-fit={card.id} lang={card.language}>
        {card.title && <p class="printed-card__title">{card.title}</p>}
        <p class="printed-card__text">{card.text}</p>
      </div>
      {card.own && <p class="printed-card__group">Own card</p>}
      {/* Cards of a deck without groups are for everyone, and say nothing here. */}
      {card.group.id && (
        <p class="printed-card__group">
          <span>
            For <span lang={card.language}>{card.group.name.toLowerCase()}</span>
          </span>
        </p>
      )}
    </div>
  );
}

/** The back of a printed card: the deck, and the section's number and colour, so a card dealt face down shows where it is from. */
export function CardBack({ card, deckTitle, sectionName }: { card: Card; deckTitle: string; sectionName: string }) {
  const number = card.capability.number;
  return (
    <div class="printed-card printed-card--back" data-cap={capabilityColour(number)} data-card-id={card.id} lang={card.language}>
      <p class="printed-card__deck">{deckTitle}</p>
      <p class="printed-card__back-band">
        <span class="printed-card__back-number">{number}</span>
        <span class="printed-card__eyebrow">{sectionName}</span>
      </p>
    </div>
  );
}
