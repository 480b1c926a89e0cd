import { useEffect, useRef } from 'preact/hooks';
import { AboutScreen } from '../about/about-screen';
import { DealScreen } from '../deal/deal-screen';
import { CapabilityScreen } from '../deck/capability-screen';
import { DeckScreen } from '../deck/deck-screen';
import { paths, type Route } from '../routing/routes';
import { useRoute } from '../routing/use-route';
import { Header } from './header';

const TITLES: Record<Route['name'], string> = {
  deal: 'Deal a card',
  card: 'Card',
  deck: 'The deck',
  capability: 'Capability',
  about: 'About this deck',
  'not-found': 'Page not found',
};

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${TITLES[route.name]} · Power Shifting`;
    // On a change of screen (not of card), start keyboard and screen-reader users at the top of it.
    if (!firstRender.current && route.name !== 'card') main.current?.focus();
    firstRender.current = false;
  }, [route.name]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <Header route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'deal':
      return <DealScreen />;
    case 'card':
      return <DealScreen cardId={route.id} both={route.both} />;
    case 'deck':
      return <DeckScreen />;
    case 'capability':
      return <CapabilityScreen number={route.number} />;
    case 'about':
      return <AboutScreen />;
    case 'not-found':
      return (
        <section class="screen" aria-labelledby="nf-title">
          <h1 id="nf-title">Page not found</h1>
          <p>There is nothing at this address.</p>
          <p>
            <a class="button button--primary" href={paths.deal()}>
              Go to the deck
            </a>
          </p>
        </section>
      );
  }
}
