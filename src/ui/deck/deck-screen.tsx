import { DECKS_WITH_DESTINATION } from '../../content/destinations';
import type { Deck, Task } from '../../content/schema';
import { countOfSections } from '../../domain/sections';
import { isOwnDeck } from '../../domain/catalog';
import { useDealStore } from '../../state/deal-store';
import { capabilityColour } from '../cards/capability-colour';
import { DeckLoading } from '../cards/deck-loading';
import { TaskText } from '../cards/task-text';
import { useDeck } from '../cards/use-deck';
import { DeckChoice } from './deck-choice';
import { paths } from '../routing/routes';

/** The whole deck as a browsable list: pick any section or card. */
export function DeckScreen() {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  return deck ? <DeckList deck={deck} /> : <DeckLoading status={status} />;
}

function DeckList({ deck }: { deck: Deck }) {
  const total = deck.capabilities.reduce((n, c) => n + c.tasks.length, 0);
  const section = deck.sectionName.toLowerCase();
  return (
    <section class="screen" aria-labelledby="deck-title">
      <h1 id="deck-title">The deck</h1>
      <DeckChoice />
      <p class="lead">
        <span lang={deck.language}>{deck.title}</span>
        {isOwnDeck(deck.id) && ' (your deck)'}: {countOfSections(deck.sectionName, deck.capabilities.length)} and{' '}
        {total} cards. Choose a card to show it, or a {section} to see{' '}
        {deck.groups.length > 1 ? 'both groups’ tasks side by side' : 'its cards together'}.
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
        <a class="button" href={paths.about()}>
          About this deck
        </a>
        {isOwnDeck(deck.id) ? (
          <a class="button" href={paths.ownDeck(deck.id)}>
            Change this deck
          </a>
        ) : (
          <>
            <a class="button" href={paths.ownCards(deck.id)}>
              Add your own cards
            </a>
            <a class="button" href={paths.ownDecks()}>
              Your own decks
            </a>
          </>
        )}
      </p>
      <ol class="deck-list" lang={deck.language}>
        {deck.capabilities.map((capability) => (
          <li key={capability.id} class="deck-list__item" data-cap={capabilityColour(capability.number)}>
            <h2 class="deck-list__heading">
              <a href={paths.capability(capability.number)}>
                <span class="deck-list__number">
                  <span class="visually-hidden">{deck.sectionName} </span>
                  {capability.number}
                </span>
                {capability.heading}
              </a>
            </h2>
            <div class="deck-list__groups">
              {deck.groups.length === 0 ? (
                <TaskList tasks={capability.tasks} />
              ) : (
                deck.groups.map((group) => {
                  const tasks = capability.tasks.filter((t) => t.group === group.id);
                  if (tasks.length === 0) return null;
                  return (
                    <div key={group.id} data-group={group.id}>
                      <h3 class="deck-list__group">{group.name}</h3>
                      <TaskList tasks={tasks} />
                    </div>
                  );
                })
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TaskList({ tasks }: { tasks: readonly Task[] }) {
  return (
    <ul class="deck-list__tasks">
      {tasks.map((task) => (
        <li key={task.id}>
          <a href={paths.card(task.id)}>
            <TaskText task={task} />
          </a>
        </li>
      ))}
    </ul>
  );
}
