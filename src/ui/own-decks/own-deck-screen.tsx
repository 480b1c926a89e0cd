import { useState } from 'preact/hooks';
import { DEFAULT_DECK } from '../../content/decks';
import type { OwnDeckRecord } from '../../domain/records/own-deck';
import { useDealStore } from '../../state/deal-store';
import { addOwnCard, addOwnSection, changeOwnDeck, deleteOwnDeck, ownDeckExport, watchOwnDeck } from '../../state/own-decks';
import { saveExport } from '../files/save-export';
import { navigate } from '../routing/use-route';
import { paths } from '../routing/routes';
import { DebouncedText } from '../sessions/debounced-text';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { OwnCardList } from './own-card-list';
import { useLive } from '../shell/use-live';
import '../styles/logbook.css';

/**
 * One deck made in the app, edited in place: every box is saved as you type (within a second),
 * and cards and sections are added at once, so nothing typed is lost.
 */
export function OwnDeckScreen({ id }: { id: string }) {
  const live = useLive<OwnDeckRecord | undefined>((next, error) => watchOwnDeck(id, next, error), [id]);
  const [problem, setProblem] = useState<string | null>(null);
  const deck = live.value;
  if (!live.loaded && !live.error) return <p class="loading" aria-busy="true">Loading…</p>;
  if (live.error) return <MessageScreen title="Your deck could not be opened" text={live.error} alert />;
  if (!deck || deck.deleted) {
    return <MessageScreen title="Deck not found" text="It may have been deleted." link={{ href: paths.ownDecks(), label: 'Your decks' }} />;
  }

  const run = (work: () => Promise<unknown>) => {
    setProblem(null);
    work().catch((error: Error) => setProblem(`Not saved: ${error.message}`));
  };
  // Each box changes one field of the latest stored deck: a card's title and text, typed one after
  // the other, are one item of the deck's list, so a change made from an older copy would undo the other.
  const save = (change: (d: OwnDeckRecord, text: string) => OwnDeckRecord) => async (text: string) => {
    await changeOwnDeck(id, (d) => change(d, text));
  };
  const numbers = [...new Set([...deck.sections.map((s) => s.number), ...deck.cards.map((c) => c.section)])].sort((a, b) => a - b);
  const sectionName = deck.sectionName || 'Section';

  return (
    <section class="screen entry-form" aria-labelledby="own-deck-title">
      <h1 id="own-deck-title">Your deck: {deck.title || 'Untitled deck'}</h1>
      <p class="panel__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={deck.cards.length === 0}
          onClick={() =>
            run(async () => {
              await useDealStore.getState().chooseDeck(id);
              navigate(paths.deal());
            })
          }
        >
          Deal from this deck
        </button>
        <a class="button" href={paths.printDeck(id)}>
          Print this deck
        </a>
        <button type="button" class="button" onClick={() => run(() => saveExport(ownDeckExport(deck)))}>
          Share this deck as a file
        </button>
      </p>
      <ErrorMessage message={problem} />
      <DebouncedText id={`deck:${id}:title`} label="Name of the deck" rows={1} stored={deck.title} version={deck} save={save((d, title) => ({ ...d, title }))} />
      <DebouncedText
        id={`deck:${id}:section-name`}
        label="What the deck calls its sections"
        hint="For example Section, Theme or Question area."
        rows={1}
        stored={deck.sectionName}
        version={deck}
        save={save((d, text) => ({ ...d, sectionName: text }))}
      />
      <h2>{sectionName} headings</h2>
      {deck.sections.map((section) => (
        <DebouncedText
          key={section.id}
          id={`deck:${id}:section:${section.id}`}
          label={`Heading of ${sectionName.toLowerCase()} ${section.number}`}
          rows={1}
          stored={section.heading}
          version={deck}
          save={save((d, heading) => ({ ...d, sections: d.sections.map((s) => (s.id === section.id ? { ...s, heading } : s)) }))}
        />
      ))}
      <p>
        <button type="button" class="button" onClick={() => run(() => addOwnSection(id))}>
          Add a {sectionName.toLowerCase()}
        </button>
      </p>
      <h2>Cards</h2>
      {deck.cards.length === 0 && <p class="muted">No cards yet.</p>}
      <OwnCardList record={deck} sections={numbers.map((n) => ({ number: n, label: `${sectionName} ${n}` }))} sectionName={sectionName} run={run} />
      <p>
        <button type="button" class="button" onClick={() => run(() => addOwnCard(id, numbers[0] ?? 1))}>
          Add a card
        </button>
      </p>
      <h2>Delete</h2>
      <p>
        <button
          type="button"
          class="button"
          onClick={() => {
            if (!confirm(`Delete the deck “${deck.title}”? Entries about its cards keep their words.`)) return;
            run(async () => {
              await deleteOwnDeck(id);
              if (useDealStore.getState().deckId === id) await useDealStore.getState().chooseDeck(DEFAULT_DECK.id);
              navigate(paths.ownDecks());
            });
          }}
        >
          Delete this deck
        </button>
      </p>
    </section>
  );
}
