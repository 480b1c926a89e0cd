import type { Ref } from 'preact';
import { hasGroup, type Card } from '../../domain/cards';
import { sectionLabel } from '../../domain/sections';
import { capabilityColour } from './capability-colour';

interface Props {
  card: Card;
  /** A line above the card such as "Card 3 of 49"; part of its accessible description. */
  caption?: string;
  cardRef?: Ref<HTMLElement>;
  size?: 'normal' | 'large' | 'present';
}

/**
 * One task card, laid out like the printed deck: section band, framing, title and task, group.
 * A companion deck's card names its own section ("Theme 3"), and no group when it has none.
 */
export function TaskCard({ card, caption, cardRef, size = 'normal' }: Props) {
  const base = `card-${card.id}`;
  const grouped = hasGroup(card);
  return (
    <article
      ref={cardRef}
      class={`card card--${size}`}
      data-cap={capabilityColour(card.capability.number)}
      data-group={card.group.id}
      tabIndex={-1}
      aria-labelledby={`${base}-task`}
      aria-describedby={grouped ? `${base}-cap ${base}-group` : `${base}-cap`}
      data-card-id={card.id}
    >
      <header class="card__band">
        <span class="card__number" aria-hidden="true">
          {card.capability.number}
        </span>
        <p class="card__capability" id={`${base}-cap`}>
          <span class="card__eyebrow">{sectionLabel(card.sectionName, card.capability.number)}</span>
          <span class="card__heading" lang={card.language}>
            {card.capability.heading}
          </span>
        </p>
      </header>
      {card.capability.framing && (
        <p class="card__framing" lang={card.language}>
          {card.capability.framing}
        </p>
      )}
      <div class="card__task" id={`${base}-task`} lang={card.language}>
        {card.title && <p class="card__title">{card.title}</p>}
        <p class="card__text">{card.text}</p>
      </div>
      <footer class="card__footer">
        {grouped && (
          <span class="card__group" id={`${base}-group`}>
            For <span lang={card.language}>{card.group.name.toLowerCase()}</span>
          </span>
        )}
        {card.own && <span class="card__own">Own card</span>}
        {caption && <span class="card__caption">{caption}</span>}
      </footer>
    </article>
  );
}
