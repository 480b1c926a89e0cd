import { deckSummary } from '../../domain/catalog';
import { DeckLoading } from '../cards/deck-loading';
import { useDeck } from '../cards/use-deck';
import { useDealStore } from '../../state/deal-store';
import { InstallHelp, runsInstalled } from '../install/install-help';
import { paths } from '../routing/routes';

export function AboutScreen() {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  if (!deck) return <DeckLoading status={status} />;
  const { about } = deck;
  const companionOf = deck.companionOf ? deckSummary(deck.companionOf) : undefined;
  return (
    <section class="screen prose" aria-labelledby="about-title">
      <h1 id="about-title">About this deck</h1>
      <p class="lead" lang={deck.language}>
        <strong>{deck.title}</strong>
        {deck.subtitle && `: ${deck.subtitle}`}
      </p>
      <p lang={deck.language}>{about.summary}</p>
      {companionOf && (
        <p>
          A companion deck: material that goes with the <span lang={companionOf.language}>{companionOf.title}</span>, to think with
          beside it. It is dealt, browsed, presented and printed like the main deck.
        </p>
      )}
      <h2>How to use the cards</h2>
      <ul lang={deck.language}>
        {about.howToUse.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <a class="button button--primary" href={paths.deal()}>
          Deal a card
        </a>{' '}
        <a class="button" href={paths.deck()}>
          Browse the deck
        </a>
      </p>
      <h2>Source</h2>
      <p lang={deck.language}>
        <cite>{about.source.title}</cite>. {about.source.publisher}, {about.source.year ?? 'undated'}.
      </p>
      {about.source.note && <p lang={deck.language}>{about.source.note}</p>}
      {about.readingNotes && about.readingNotes.length > 0 && (
        <>
          <h2>How the source was read</h2>
          <p>Where the reading of the source text was uncertain, or a mistake in it was corrected:</p>
          <ul lang={deck.language}>
            {about.readingNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Install the app</h2>
      {runsInstalled() ? <p>Power Shifting is installed on this device.</p> : <InstallHelp />}
      <h2>Your privacy</h2>
      <p>
        This app keeps everything on this device. Nothing you write is sent anywhere unless you export it yourself.
      </p>
    </section>
  );
}
