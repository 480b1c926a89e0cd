import { useEffect, useRef, useState } from 'preact/hooks';
import type { Destination } from '../../content/schema';
import { sizeSteps } from '../../domain/print/fit';
import { paperById, type PaperId } from '../../domain/print/paper';
import { paths } from '../routing/routes';
import { MessageScreen } from '../shell/message-screen';
import { PaperChoice, PaperSheet, usePrintedPage } from './paper';
import { DestinationPoster } from './poster';
import { useFitText } from './use-fit-text';
import '../styles/print.css';

/** Poster type: as big as the page allows, and big enough to read from a few steps away. */
const SMALLEST_POSTER_TEXT = 12;
const POSTER_TEXT_SIZES = sizeSteps(32, SMALLEST_POSTER_TEXT, 0.5);

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; destination: Destination | undefined };

/** A deck's destination as posters, one page for each group of people, to put on the wall. */
export function PrintDestinationScreen({ deckId }: { deckId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // Loaded only here, so the destinations cost the rest of the app nothing.
    import('virtual:destinations').then(
      (m) => live && setLoaded({ state: 'ready', destination: m.default.find((d) => d.deckId === deckId) }),
      () => live && setLoaded({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [deckId]);
  if (loaded.state === 'loading') return <p class="loading" aria-busy="true">Loading…</p>;
  if (loaded.state === 'failed') {
    return (
      <MessageScreen
        alert
        title="The destination could not be loaded"
        text="The app may have been updated, or you may be offline before it finished installing. Reload the page to try again."
      />
    );
  }
  if (!loaded.destination) {
    return <MessageScreen title="No destination to print" text="This deck has no destination statements." link={{ href: paths.deck(), label: 'Go to the deck' }} />;
  }
  return <DestinationPrint destination={loaded.destination} />;
}

function DestinationPrint({ destination }: { destination: Destination }) {
  const [paperId, setPaperId] = useState<PaperId>('a4');
  const paper = paperById(paperId);
  usePrintedPage(paper);
  const preview = useRef<HTMLDivElement>(null);
  const tooLong = useFitText(preview, POSTER_TEXT_SIZES, paperId);
  const tooLongGroups = destination.groups.filter((g) => tooLong.includes(g.id));
  const pages = destination.groups.length;
  return (
    <section class="screen print-screen" aria-labelledby="print-title">
      <div class="print-screen__controls">
        <h1 id="print-title">Print the destination</h1>
        <p class="lead" lang={destination.language}>
          {destination.title}
        </p>
        <p>
          A poster for each of the {pages} groups of people, one to a page: its headline and what it will be like once power
          has shifted, to put up on the wall.
        </p>
        <form class="print-options" onSubmit={(e) => e.preventDefault()}>
          <PaperChoice value={paperId} onChange={setPaperId} />
        </form>
        {tooLongGroups.length > 0 && (
          <p class="notice notice--warning" role="alert">
            Even in {SMALLEST_POSTER_TEXT} pt type, these posters run past the bottom of their page:{' '}
            {tooLongGroups.map((g) => g.name).join(', ')}.
          </p>
        )}
        <p class="print-screen__actions">
          <button type="button" class="button button--primary" onClick={() => window.print()}>
            Print the posters
          </button>
          <a class="button" href={paths.printDeck(destination.deckId)}>
            Print the cards
          </a>
          <a class="button" href={paths.deck()}>
            Back to the deck
          </a>
        </p>
        <section class="print-advice" aria-labelledby="print-advice-title">
          <h2 id="print-advice-title">Before you print</h2>
          <ul>
            <li>
              Choose “Actual size” or a scale of 100&nbsp;% in the print window, with margins “Default” or “None”, and no
              headers and footers: each poster is made to fill its page.
            </li>
            <li>Print on one side. Ordinary paper is fine; the posters are black on white.</li>
          </ul>
        </section>
      </div>
      <div ref={preview} class="paper-sheets" role="region" aria-label="Preview of the pages" tabIndex={0}>
        {destination.groups.map((group, i) => (
          <PaperSheet key={group.id} paper={paper} label={`Page ${i + 1} of ${pages}: ${group.name}`}>
            <DestinationPoster destination={destination} group={group} />
          </PaperSheet>
        ))}
      </div>
    </section>
  );
}
