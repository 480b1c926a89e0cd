import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currentCardId, isExhausted } from '../../domain/deal';
import { selectCards } from '../../domain/selection';
import { useRecordCard } from '../sessions/use-record-card';
import type { Deck } from '../../content/schema';
import { deckCards } from '../../domain/catalog';
import { hasGroup } from '../../domain/cards';
import { sectionLabel } from '../../domain/sections';
import { useDealStore } from '../../state/deal-store';
import { CapabilitySpread } from '../cards/capability-spread';
import { CardBack } from '../cards/card-back';
import { DeckLoading } from '../cards/deck-loading';
import { useCard, useDeck } from '../cards/use-deck';
import { TaskCard } from '../cards/task-card';
import { navigate } from '../routing/use-route';
import { paths } from '../routing/routes';
import { useKeys } from '../shell/use-keys';
import { describeSelection, SelectionPanel } from './selection-panel';
import { ShortcutList } from './shortcut-list';
import { DeckChoice } from '../deck/deck-choice';

interface Props {
  /** The card named by the URL; without one the current card of the deal is shown. */
  cardId?: string;
  both?: boolean;
}

export function DealScreen(props: Props) {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  return deck ? <DealTable deck={deck} {...props} /> : <DeckLoading status={status} />;
}

function DealTable({ deck, cardId, both = false }: Props & { deck: Deck }) {
  const { deckId, selection, deal, choose, next, previous, reshuffle, show } = useDealStore();
  const selected = useMemo(() => selectCards(deckCards(deckId), selection), [deckId, selection]);
  const [choosing, setChoosing] = useState(false);
  const shownId = cardId ?? currentCardId(deal);
  const { card, searching } = useCard(deckId, shownId);
  const dealtIndex = card ? deal.order.indexOf(card.id) : -1;
  const inDeal = dealtIndex >= 0 && dealtIndex < deal.dealt;
  const atEnd = isExhausted(deal) && inDeal && dealtIndex === deal.dealt - 1;

  const cardRef = useRef<HTMLElement>(null);
  const reshuffleRef = useRef<HTMLButtonElement>(null);
  const lastShown = useRef(shownId);

  // Keeps the deal's cursor on the card in the address. A layout effect, so it has run before the
  // next key press: a plain effect can still be pending then, and would move the cursor back
  // after that press has dealt, which made a quick second press do nothing.
  useLayoutEffect(() => {
    if (cardId) show(cardId);
  }, [cardId, show]);

  useRecordCard(card);

  // Move focus to each new card so keyboard and screen-reader users land on what changed.
  useEffect(() => {
    if (lastShown.current !== shownId && shownId) cardRef.current?.focus();
    lastShown.current = shownId;
  }, [shownId, both]);

  const go = (id: string | undefined) => {
    if (id) navigate(paths.card(id, both));
  };
  const goNext = () => {
    if (atEnd) {
      reshuffleRef.current?.focus();
      return;
    }
    go(next());
  };
  const goPrevious = () => {
    if (inDeal && dealtIndex > 0) go(previous());
    else if (!inDeal && deal.position >= 0) go(currentCardId(deal));
  };
  const toggleBoth = () => {
    if (card) navigate(paths.card(card.id, !both));
  };
  const doReshuffle = () => go(reshuffle());

  useKeys(
    {
      ' ': goNext,
      ArrowRight: goNext,
      PageDown: goNext,
      n: goNext,
      ArrowLeft: goPrevious,
      PageUp: goPrevious,
      p: goPrevious,
      b: toggleBoth,
      r: doReshuffle,
      w: () => card && navigate(paths.newEntry(card.id)),
    },
    !choosing,
  );

  const caption = card
    ? inDeal
      ? `Card ${dealtIndex + 1} of ${deal.order.length}`
      : 'Picked from the deck'
    : undefined;
  const canGoPrevious = inDeal ? dealtIndex > 0 : deal.position >= 0;

  if (searching) return <DeckLoading status="loading" />;
  if (shownId && !card) {
    return (
      <section class="screen" aria-labelledby="missing-title">
        <h1 id="missing-title">Card not found</h1>
        <p>There is no card “{shownId}” in this deck. It may have been removed, or the link may be mistyped.</p>
        <p>
          <a class="button button--primary" href={paths.deck()}>
            Browse the deck
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class="screen deal" aria-labelledby="deal-title">
      <h1 id="deal-title" class="visually-hidden">
        Deal a card
      </h1>
      <div class="deal__toolbar">
        <DeckChoice />
        <p class="deal__selection" data-testid="selection-summary">
          {describeSelection(deck, selection, selected.length)}
        </p>
        <a class="button" href={paths.present()}>
          <span class="for-wide">Present on a shared screen</span>
          <span class="for-narrow">Shared screen</span>
        </a>
        <button
          type="button"
          class="button"
          aria-expanded={choosing}
          aria-controls="selection-panel"
          onClick={() => setChoosing(!choosing)}
          aria-label="Choose cards"
        >
          <span class="for-wide">Choose cards</span>
          <span class="for-narrow">Choose</span>
        </button>
      </div>
      {choosing && (
        <div id="selection-panel">
          <SelectionPanel
            deck={deck}
            selection={selection}
            onCancel={() => setChoosing(false)}
            onChoose={(chosen) => {
              choose(chosen);
              setChoosing(false);
              go(useDealStore.getState().next());
            }}
          />
        </div>
      )}

      <div class="deal__table">
        {!card ? (
          <CardBack deck={deck} count={selected.length} />
        ) : both ? (
          <div ref={cardRef as never} tabIndex={-1} class="deal__spread">
            <CapabilitySpread deck={deck} capability={card.capability} highlight={card.id} />
          </div>
        ) : (
          <TaskCard card={card} caption={caption} cardRef={cardRef} size="large" key={card.id} />
        )}
      </div>

      {atEnd && (
        <div class="notice" role="status">
          <p>
            That was the last card: you have dealt all {deal.order.length} cards in this selection.
          </p>
          <button type="button" class="button button--primary" ref={reshuffleRef} onClick={doReshuffle}>
            Reshuffle and deal again
          </button>
        </div>
      )}

      <div class="deal__controls" role="group" aria-label="Deal controls">
        <button type="button" class="button" onClick={goPrevious} disabled={!canGoPrevious}>
          <span aria-hidden="true">←</span> Previous
        </button>
        <button type="button" class="button button--primary button--deal" onClick={goNext} disabled={atEnd}>
          {card ? 'Next card' : 'Deal a card'} <span aria-hidden="true">→</span>
        </button>
        {card && (
          <button type="button" class="button" aria-pressed={both} onClick={toggleBoth}>
            {deck.groups.length > 1 ? 'Show both groups' : `Show the whole ${deck.sectionName.toLowerCase()}`}
          </button>
        )}
        {card && (
          <a class="button" href={paths.newEntry(card.id)}>
            Reflect on this card
          </a>
        )}
        {deal.dealt > 0 && !atEnd && (
          <button type="button" class="button" onClick={doReshuffle}>
            Reshuffle
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {caption && card
          ? `${caption}: ${sectionLabel(card.sectionName, card.capability.number).toLowerCase()}${hasGroup(card) ? `, for ${card.group.name.toLowerCase()}` : ''}.`
          : ''}
      </p>
      <ShortcutList />
    </section>
  );
}
