import { paths, type Route } from '../routing/routes';

const LINKS: { href: string; label: string; active: Route['name'][] }[] = [
  { href: paths.deal(), label: 'Deal', active: ['deal', 'card'] },
  { href: paths.deck(), label: 'Deck', active: ['deck', 'capability', 'print-deck', 'print-destination'] },
  { href: paths.logbook(), label: 'Logbook', active: ['logbook', 'new-entry', 'entry', 'draft', 'entry-record'] },
  { href: paths.actions(), label: 'Actions', active: ['actions'] },
  { href: paths.sessions(), label: 'Sessions', active: ['sessions', 'session', 'session-print', 'session-record'] },
  { href: paths.settings(), label: 'Settings', active: ['settings'] },
  { href: paths.about(), label: 'About', active: ['about'] },
];

export function Header({ route }: { route: Route }) {
  return (
    <header class="topbar">
      <a class="topbar__brand" href={paths.deal()}>
        <span class="topbar__logo" aria-hidden="true" />
        <span class="topbar__name">Power Shifting</span>
      </a>
      <nav aria-label="Main">
        <ul class="topbar__nav">
          {LINKS.map((link) => (
            <li key={link.href}>
              <a href={link.href} aria-current={link.active.includes(route.name) ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
