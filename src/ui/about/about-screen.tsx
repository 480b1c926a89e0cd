import { DeckLoading } from '../cards/deck-loading';
import { useDeck } from '../cards/use-deck';
import { useDealStore } from '../../state/deal-store';
import { InstallHelp, runsInstalled } from '../install/install-help';
import { paths } from '../routing/routes';

export function AboutScreen() {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  if (!deck) return <DeckLoading status={status} />;
  const { about } = deck;
  return (
    <section class="screen prose" aria-labelledby="about-title">
      <h1 id="about-title">About this deck</h1>
      <p class="lead">{about.summary}</p>
      <h2>How to use the cards</h2>
      <ul>
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
      <p>
        <cite>{about.source.title}</cite>. {about.source.publisher}, {about.source.year}.
      </p>
      {about.source.note && <p>{about.source.note}</p>}
      <h2>Install the app</h2>
      {runsInstalled() ? <p>Power Shifting is installed on this device.</p> : <InstallHelp />}
      <h2>Your privacy</h2>
      <p>
        This app keeps everything on this device. Nothing you write is sent anywhere unless you export it yourself.
      </p>
    </section>
  );
}
