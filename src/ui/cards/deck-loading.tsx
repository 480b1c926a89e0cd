import type { DeckStatus } from '../../state/decks';
import { paths } from '../routing/routes';

/** What a screen shows while its deck loads, or when it cannot: never the wrong deck's cards. */
export function DeckLoading({ status }: { status: DeckStatus }) {
  if (status === 'loading') {
    return (
      <p class="loading" aria-busy="true" role="status">
        Loading the deck…
      </p>
    );
  }
  return (
    <section class="screen" role="alert" aria-labelledby="deck-missing-title">
      <h1 id="deck-missing-title">{status === 'failed' ? 'This deck could not be loaded' : 'Deck not found'}</h1>
      <p>
        {status === 'failed'
          ? 'You may be offline before the app finished installing. Reload the page to try again.'
          : 'The app has no deck with this name. The link may be mistyped.'}
      </p>
      <p>
        <a class="button button--primary" href={paths.deal()}>
          Go to the deck
        </a>
      </p>
    </section>
  );
}
