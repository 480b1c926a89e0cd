import { capabilityByNumber } from '../../domain/cards';
import type { Deck } from '../../content/schema';
import { sectionLabel, sectionsPlural } from '../../domain/sections';
import { useDealStore } from '../../state/deal-store';
import { CapabilitySpread } from '../cards/capability-spread';
import { DeckLoading } from '../cards/deck-loading';
import { useDeck } from '../cards/use-deck';
import { paths } from '../routing/routes';

export function CapabilityScreen({ number }: { number: number }) {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  return deck ? <Section deck={deck} number={number} /> : <DeckLoading status={status} />;
}

function Section({ deck, number }: { deck: Deck; number: number }) {
  const capability = capabilityByNumber(deck, number);
  if (!capability) {
    return (
      <section class="screen" aria-labelledby="cap-missing">
        <h1 id="cap-missing">{deck.sectionName} not found</h1>
        <p>
          This deck has {sectionsPlural(deck.sectionName).toLowerCase()} 1 to {deck.capabilities.length}.
        </p>
        <p>
          <a class="button button--primary" href={paths.deck()}>
            Browse the deck
          </a>
        </p>
      </section>
    );
  }
  const index = deck.capabilities.indexOf(capability);
  const before = deck.capabilities[index - 1];
  const after = deck.capabilities[index + 1];
  return (
    <section class="screen" aria-labelledby="cap-title">
      <h1 id="cap-title" class="visually-hidden">
        {sectionLabel(deck.sectionName, capability.number)}: {capability.heading}
      </h1>
      <CapabilitySpread deck={deck} capability={capability} />
      <nav class="pager" aria-label={sectionsPlural(deck.sectionName)}>
        {before ? (
          <a class="button" href={paths.capability(before.number)}>
            <span aria-hidden="true">←</span> {sectionLabel(deck.sectionName, before.number)}
          </a>
        ) : (
          <span />
        )}
        <a class="button" href={paths.deck()}>
          Whole deck
        </a>
        {after ? (
          <a class="button" href={paths.capability(after.number)}>
            {sectionLabel(deck.sectionName, after.number)} <span aria-hidden="true">→</span>
          </a>
        ) : (
          <span />
        )}
      </nav>
    </section>
  );
}
