import { useMemo, useRef, useState } from 'preact/hooks';
import type { Deck } from '../../content/schema';
import { DECKS_WITH_DESTINATION } from '../../content/destinations';
import { cardsOf } from '../../domain/cards';
import { isOwnCard } from '../../domain/catalog';
import { sizeSteps } from '../../domain/print/fit';
import { paperById, type PaperId } from '../../domain/print/paper';
import { cardSheets, type Sides } from '../../domain/print/sheets';
import { selectCards, WHOLE_DECK } from '../../domain/selection';
import { DeckLoading } from '../cards/deck-loading';
import { paths } from '../routing/routes';
import { useDeck } from '../cards/use-deck';
import { CardSheet } from './card-sheet';
import { PaperChoice, usePrintedPage } from './paper';
import { PrintAdvice } from './print-advice';
import { useFitText } from './use-fit-text';
import '../styles/print.css';

/** The smallest size is still easy to read at arm's length; most cards get the largest. */
const SMALLEST_CARD_TEXT = 7.5;
const CARD_TEXT_SIZES = sizeSteps(14, SMALLEST_CARD_TEXT, 0.5);

export function PrintDeckScreen({ deckId }: { deckId: string }) {
  const { deck, status } = useDeck(deckId);
  return deck ? <DeckPrint deck={deck} /> : <DeckLoading status={status} />;
}

/**
 * A deck as cards to print, cut out and deal where there is no screen. It takes any deck, so a
 * deck someone makes in the app can be printed the same way.
 */
export function DeckPrint({ deck }: { deck: Deck }) {
  const [paperId, setPaperId] = useState<PaperId>('a4');
  const [sides, setSides] = useState<Sides>('both');
  /** A section's number, or 0 for the whole deck. */
  const [section, setSection] = useState(0);
  const paper = paperById(paperId);
  usePrintedPage(paper);
  const cards = useMemo(() => cardsOf(deck, isOwnCard), [deck]);
  const chosen = useMemo(() => selectCards(cards, section ? { capabilities: [section], groups: [] } : WHOLE_DECK), [cards, section]);
  const sheets = useMemo(() => cardSheets(chosen, sides), [chosen, sides]);
  const preview = useRef<HTMLDivElement>(null);
  const tooLong = useFitText(preview, CARD_TEXT_SIZES, `${deck.id}|${paperId}|${sides}|${section}`);
  const tooLongCards = chosen.filter((c) => tooLong.includes(c.id));
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  return (
    <section class="screen print-screen" aria-labelledby="print-title">
      <div class="print-screen__controls">
        <h1 id="print-title">Print the cards</h1>
        <p class="lead">
          Print <cite lang={deck.language}>{deck.title}</cite> to cut out and deal where there is no screen: nine cards to a
          page, each the size of a playing card.
        </p>
        <form class="print-options" onSubmit={(e) => e.preventDefault()}>
          <PaperChoice value={paperId} onChange={setPaperId} />
          <fieldset>
            <legend>Sides</legend>
            <label class="choice">
              <input type="radio" name="sides" value="both" checked={sides === 'both'} onChange={() => setSides('both')} />
              <span>
                Fronts and backs <span class="choice__hint">Two-sided, flipped on the long edge</span>
              </span>
            </label>
            <label class="choice">
              <input type="radio" name="sides" value="fronts" checked={sides === 'fronts'} onChange={() => setSides('fronts')} />
              <span>
                Fronts only <span class="choice__hint">One-sided, on any printer</span>
              </span>
            </label>
          </fieldset>
          <div class="print-options__cards">
            <label for="print-section">Which cards</label>
            <select id="print-section" value={section} onChange={(e) => setSection(Number(e.currentTarget.value))}>
              <option value={0}>The whole deck ({count(cards.length, 'card', 'cards')})</option>
              {deck.capabilities.map((c) => (
                <option key={c.id} value={c.number} lang={deck.language}>
                  {deck.sectionName} {c.number}: {c.heading} ({count(c.tasks.length, 'card', 'cards')})
                </option>
              ))}
            </select>
          </div>
        </form>
        <p class="print-screen__summary" aria-live="polite">
          {count(chosen.length, 'card', 'cards')} on {count(sheets.length, 'page', 'pages')}
          {sides === 'both' ? `: ${count(sheets.length / 2, 'sheet', 'sheets')} of paper, printed on both sides.` : '.'}
        </p>
        {tooLongCards.length > 0 && (
          <div class="notice notice--warning" role="alert">
            <h2>{tooLongCards.length === 1 ? 'One card is' : `${tooLongCards.length} cards are`} too long to fit</h2>
            <p>
              Even in {SMALLEST_CARD_TEXT} pt type, the smallest that is easy to read, the text runs past the bottom of the
              card (marked with a dashed line below). It is printed whole, so nothing is lost, but it needs shortening:
            </p>
            <ul>
              {tooLongCards.map((c) => (
                <li key={c.id}>
                  {deck.sectionName} {c.capability.number}: <q lang={c.language}>{c.title ?? c.text}</q>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p class="print-screen__actions">
          <button type="button" class="button button--primary" onClick={() => window.print()}>
            Print these cards
          </button>
          <a class="button" href={paths.deck()}>
            Back to the deck
          </a>
          {DECKS_WITH_DESTINATION.includes(deck.id) && (
            <a class="button" href={paths.printDestination(deck.id)}>
              Print the destination posters
            </a>
          )}
        </p>
        <PrintAdvice sides={sides} />
      </div>
      <div ref={preview} class="paper-sheets" role="region" aria-label="Preview of the pages" tabIndex={0}>
        {sheets.map((sheet, i) => (
          <CardSheet
            key={i}
            sheet={sheet}
            paper={paper}
            label={`Page ${i + 1} of ${sheets.length}: ${sheet.side === 'front' ? 'fronts' : 'backs'}`}
            deckTitle={deck.title}
            sectionName={deck.sectionName}
            tooLong={tooLong}
          />
        ))}
      </div>
    </section>
  );
}
