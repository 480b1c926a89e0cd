import { paths, type Route } from '../routing/routes';
import { SyncStatus } from '../sync/sync-status';

interface NavLink {
  href: string;
  label: string;
  active: Route['name'][];
  /** On a phone, in the tab bar at the bottom of the screen; the others stay in the top bar. */
  tab: boolean;
  /** Left out of a phone's one-line top bar, which has room for two links; reached from the screens that lead to it. */
  wideOnly?: boolean;
}

const LINKS: NavLink[] = [
  { href: paths.deal(), label: 'Deal', active: ['deal', 'card'], tab: true },
  { href: paths.deck(), label: 'Deck', active: ['deck', 'capability', 'print-deck', 'print-destination', 'own-decks', 'own-deck', 'own-cards'], tab: true },
  { href: paths.logbook(), label: 'Logbook', active: ['logbook', 'new-entry', 'entry', 'draft', 'entry-record'], tab: true },
  { href: paths.actions(), label: 'Actions', active: ['actions'], tab: true },
  { href: paths.sessions(), label: 'Sessions', active: ['sessions', 'session', 'session-print', 'session-record'], tab: true },
  // Check-ins and the progress they show belong together. The tab bar's five places go to what
  // is used in every session, so on a phone the Sessions screen links here instead.
  { href: paths.checkins(), label: 'Progress', active: ['checkins', 'checkin', 'checkin-print', 'progress'], tab: false, wideOnly: true },
  { href: paths.settings(), label: 'Settings', active: ['settings', 'join'], tab: false },
  { href: paths.about(), label: 'About', active: ['about'], tab: false },
];

function Links({ route, links, itemClass }: { route: Route; links: NavLink[]; itemClass: (link: NavLink) => string }) {
  return (
    <>
      {links.map((link) => (
        <li key={link.href} class={itemClass(link)}>
          <a href={link.href} aria-current={link.active.includes(route.name) ? 'page' : undefined}>
            {link.label}
          </a>
        </li>
      ))}
    </>
  );
}

export function Header({ route }: { route: Route }) {
  return (
    <header class="topbar">
      <a class="topbar__brand" href={paths.deal()}>
        <span class="topbar__logo" aria-hidden="true" />
        <span class="topbar__name">Power Shifting</span>
      </a>
      <SyncStatus />
      <nav aria-label="Main">
        <ul class="topbar__nav">
          <Links route={route} links={LINKS} itemClass={(link) => (link.tab ? 'topbar__tab' : link.wideOnly ? 'for-wide' : '')} />
        </ul>
      </nav>
    </header>
  );
}

/**
 * On a phone, the main sections in a bar at the bottom of the screen, within reach of a thumb
 * and never scrolled away (screens.css); on a wider screen it is not shown, and the top bar has them.
 */
export function TabBar({ route }: { route: Route }) {
  return (
    <nav class="tabbar" aria-label="Sections">
      <ul>
        <Links route={route} links={LINKS.filter((l) => l.tab)} itemClass={() => ''} />
      </ul>
    </nav>
  );
}
