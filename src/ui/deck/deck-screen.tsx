import { DECKS_WITH_DESTINATION } from '../../content/destinations';
import { deckById } from '../../domain/catalog';
import { useDealStore } from '../../state/deal-store';
import { capabilityColour } from '../cards/capability-colour';
import { paths } from '../routing/routes';

/** The whole deck as a browsable list: pick any capability or card. */
export function DeckScreen() {
  const deck = deckById(useDealStore((s) => s.deckId));
  const total = deck.capabilities.reduce((n, c) => n + c.tasks.length, 0);
  return (
    <section class="screen" aria-labelledby="deck-title">
      <h1 id="deck-title">The deck</h1>
      <p class="lead">
        {deck.capabilities.length} capabilities and {total} cards. Choose a card to show it, or a capability to see
        both groups’ tasks side by side.
      </p>
      <p class="panel__actions">
        <a class="button" href={paths.printDeck(deck.id)}>
          Print this deck
        </a>
        {DECKS_WITH_DESTINATION.includes(deck.id) && (
          <a class="button" href={paths.printDestination(deck.id)}>
            Print the destination posters
          </a>
        )}
      </p>
      <ol class="deck-list" lang={deck.language}>
        {deck.capabilities.map((capability) => (
          <li key={capability.id} class="deck-list__item" data-cap={capabilityColour(capability.number)}>
            <h2 class="deck-list__heading">
              <a href={paths.capability(capability.number)}>
                <span class="deck-list__number">{capability.number}</span>
                {capability.heading}
              </a>
            </h2>
            <div class="deck-list__groups">
              {deck.groups.map((group) => {
                const tasks = capability.tasks.filter((t) => t.group === group.id);
                if (tasks.length === 0) return null;
                return (
                  <div key={group.id} data-group={group.id}>
                    <h3 class="deck-list__group">{group.name}</h3>
                    <ul class="deck-list__tasks">
                      {tasks.map((task) => (
                        <li key={task.id}>
                          <a href={paths.card(task.id)}>{task.text}</a>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
