import { useState } from 'preact/hooks';
import type { Deck } from '../../content/schema';
import { isOwnDeck } from '../../domain/catalog';
import type { OwnDeckRecord } from '../../domain/records/own-deck';
import { sectionLabel } from '../../domain/sections';
import { addOwnCardTo, watchOwnCards } from '../../state/own-decks';
import { DeckLoading } from '../cards/deck-loading';
import { useDeck } from '../cards/use-deck';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { useLive } from '../shell/use-live';
import { OwnCardList } from './own-card-list';
import '../styles/logbook.css';

/**
 * A team's own cards on a published deck (Power Shifting or a companion deck): written here, dealt,
 * browsed, presented and printed with the deck's cards, marked "Own card". The published cards
 * are not shown here and never change.
 */
export function OwnCardsScreen({ deckId }: { deckId: string }) {
  const { deck, status } = useDeck(deckId);
  if (!deck) return <DeckLoading status={status} />;
  if (isOwnDeck(deck.id)) {
    return <MessageScreen title="This is your own deck" text="Every card of it is your own: add cards to it where you change the deck." link={{ href: paths.ownDeck(deck.id), label: 'Change this deck' }} />;
  }
  return <OwnCards deck={deck} />;
}

function OwnCards({ deck }: { deck: Deck }) {
  const live = useLive<OwnDeckRecord[]>((next, error) => watchOwnCards(deck.id, next, error), [deck.id]);
  const [problem, setProblem] = useState<string | null>(null);
  const [section, setSection] = useState(deck.capabilities[0]?.number ?? 1);
  if (!live.loaded && !live.error) return <p class="loading" aria-busy="true">Loading…</p>;
  if (live.error) return <MessageScreen title="Your own cards could not be opened" text={live.error} alert />;
  const records = (live.value ?? []).filter((r) => r.cards.length > 0);

  const run = (work: () => Promise<unknown>) => {
    setProblem(null);
    work().catch((error: Error) => setProblem(`Not saved: ${error.message}`));
  };
  const sections = deck.capabilities.map((c) => ({ number: c.number, label: `${sectionLabel(deck.sectionName, c.number)}: ${c.heading}` }));

  return (
    <section class="screen entry-form" aria-labelledby="own-cards-title">
      <h1 id="own-cards-title">
        Your own cards for <span lang={deck.language}>{deck.title}</span>
      </h1>
      <p class="lead">
        Add your team’s own tasks to this deck. They are dealt, browsed, presented and printed with its cards, marked “Own card”,
        and the published cards never change. Every box is saved as you type; the cards stay on this device and go into your
        backups.
      </p>
      <ErrorMessage message={problem} />
      {records.length > 0 ? (
        records.map((record) => <OwnCardList key={record.id} record={record} sections={sections} sectionName={deck.sectionName} groups={deck.groups} run={run} />)
      ) : (
        <p class="muted">No cards of your own yet.</p>
      )}
      <div class="panel__actions">
        <label for="own-card-section">Add a card to</label>
        <select id="own-card-section" value={String(section)} onChange={(e) => setSection(Number((e.target as HTMLSelectElement).value))}>
          {sections.map((s) => (
            <option key={s.number} value={String(s.number)}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={() => run(() => addOwnCardTo(deck, section, deck.groups[0]?.id))}>
          Add a card
        </button>
      </div>
      <p>
        <a class="button" href={paths.deck()}>
          Back to the deck
        </a>
      </p>
    </section>
  );
}
