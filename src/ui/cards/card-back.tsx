import type { Deck } from '../../content/schema';

/** The face-down deck shown before the first card is dealt: it says what to do next. */
export function CardBack({ deck, count }: { deck: Deck; count: number }) {
  return (
    <div class="card card--back" data-testid="card-back">
      <p class="card-back__title">{deck.title}</p>
      <p class="card-back__count">
        {count} {count === 1 ? 'card' : 'cards'} ready to deal
      </p>
      <p class="card-back__hint">
        <span class="for-keys">
          Press <kbd>Space</kbd> or choose
        </span>
        <span class="for-touch">Tap</span> <strong>Deal a card</strong> to start.
      </p>
    </div>
  );
}
