import { useEffect, useRef } from 'preact/hooks';
import { AboutScreen } from '../about/about-screen';
import { DealScreen } from '../deal/deal-screen';
import { CapabilityScreen } from '../deck/capability-screen';
import { DeckScreen } from '../deck/deck-screen';
import { paths, type Route } from '../routing/routes';
import { useRoute } from '../routing/use-route';
import { AppStatusBar } from './app-status-bar';
import { Header, TabBar } from './header';
import { lazyScreen } from './lazy-screen';
import { MessageScreen } from './message-screen';
import { Notices } from './notices';
import { SessionBar } from '../sessions/session-bar';
import { deckSummary } from '../../domain/catalog';
import { sectionLabel } from '../../domain/sections';
import { useDealStore } from '../../state/deal-store';

// The logbook screens bring Dexie with them: load them on first use, not on first paint.
const LogbookScreen = lazyScreen(() => import('../logbook/logbook-screen').then((m) => m.LogbookScreen));
const EntryFormScreen = lazyScreen(() => import('../logbook/entry-form-screen').then((m) => m.EntryFormScreen));
const FollowUpDraftScreen = lazyScreen(() => import('../logbook/follow-up-draft-screen').then((m) => m.FollowUpDraftScreen));
const ActionsScreen = lazyScreen(() => import('../logbook/actions-screen').then((m) => m.ActionsScreen));
const SettingsScreen = lazyScreen(() => import('../settings/settings-screen').then((m) => m.SettingsScreen));
const SessionsScreen = lazyScreen(() => import('../sessions/sessions-screen').then((m) => m.SessionsScreen));
const SessionScreen = lazyScreen(() => import('../sessions/session-screen').then((m) => m.SessionScreen));
const PresenterScreen = lazyScreen(() => import('../workshop/presenter-screen').then((m) => m.PresenterScreen));
const FacilitatorScreen = lazyScreen(() => import('../workshop/facilitator-screen').then((m) => m.FacilitatorScreen));
const PrintScreen = lazyScreen(() => import('../sessions/print-screen').then((m) => m.PrintScreen));
const SupervisionRecordScreen = lazyScreen(() => import('../sessions/supervision-record-screen').then((m) => m.SupervisionRecordScreen));
const EntryRecordScreen = lazyScreen(() => import('../logbook/entry-record-screen').then((m) => m.EntryRecordScreen));
const PrintDeckScreen = lazyScreen(() => import('../print/print-deck-screen').then((m) => m.PrintDeckScreen));
const OwnDecksScreen = lazyScreen(() => import('../own-decks/own-decks-screen').then((m) => m.OwnDecksScreen));
const OwnDeckScreen = lazyScreen(() => import('../own-decks/own-deck-screen').then((m) => m.OwnDeckScreen));
const OwnCardsScreen = lazyScreen(() => import('../own-decks/own-cards-screen').then((m) => m.OwnCardsScreen));
const CheckinsScreen = lazyScreen(() => import('../checkins/checkins-screen').then((m) => m.CheckinsScreen));
const CheckinScreen = lazyScreen(() => import('../checkins/checkin-screen').then((m) => m.CheckinScreen));
const CheckinPrintScreen = lazyScreen(() => import('../checkins/checkin-print-screen').then((m) => m.CheckinPrintScreen));
const ProgressScreen = lazyScreen(() => import('../progress/progress-screen').then((m) => m.ProgressScreen));
const JoinScreen = lazyScreen(() => import('../sync/join-screen').then((m) => m.JoinScreen));
const PrintDestinationScreen = lazyScreen(() => import('../print/print-destination-screen').then((m) => m.PrintDestinationScreen));

const TITLES: Record<Route['name'], string> = {
  deal: 'Deal a card',
  card: 'Card',
  deck: 'The deck',
  // Named by the deck's own word for its sections: see screenTitle.
  capability: 'Section',
  about: 'About this deck',
  logbook: 'Logbook',
  'new-entry': 'New entry',
  entry: 'Entry',
  draft: 'Unsaved draft',
  actions: 'Actions',
  settings: 'Settings',
  sessions: 'Sessions',
  session: 'Session',
  'session-print': 'Session notes',
  'session-record': 'Supervision record',
  'entry-record': 'Record',
  present: 'Presenter view',
  facilitate: 'Facilitator',
  'print-deck': 'Print the cards',
  'print-destination': 'Print the destination',
  'own-decks': 'Your decks',
  'own-deck': 'Your deck',
  'own-cards': 'Your own cards',
  checkins: 'Where are we now?',
  checkin: 'Check-in',
  'checkin-print': 'Check-in to print',
  progress: 'Progress over time',
  join: 'Join',
  'not-found': 'Page not found',
};

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const sectionName = deckSummary(useDealStore((s) => s.deckId))?.sectionName;
  const title = route.name === 'capability' && sectionName ? sectionLabel(sectionName, route.number) : TITLES[route.name];
  useEffect(() => {
    document.title = `${title} · Power Shifting`;
  }, [title]);

  useEffect(() => {
    // On a change of screen (not of card), start keyboard and screen-reader users at the top of it.
    if (!firstRender.current && route.name !== 'card') main.current?.focus();
    firstRender.current = false;
  }, [route.name]);

  // The wall shows the card and nothing else: no messages, reminders or prompts, which may be
  // private and are for the person at the laptop. They wait for the next ordinary screen.
  if (route.name === 'present') {
    return (
      <main id="main" ref={main} tabIndex={-1} class="main--present">
        <Screen route={route} />
      </main>
    );
  }
  // The facilitator window is a tool beside the wall, not the app: no navigation to wander off with.
  if (route.name === 'facilitate') {
    return (
      <>
        <main id="main" ref={main} tabIndex={-1}>
          <Screen route={route} />
        </main>
        <Notices />
      </>
    );
  }

  // On a phone the shell is a column the height of the screen: only the middle scrolls, so the
  // session bar above and the messages and tab bar below never cover what is on the page.
  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <Header route={route} />
      <SessionBar route={route} />
      <div class="shell__scroll">
        <main id="main" ref={main} tabIndex={-1}>
          <Screen route={route} />
        </main>
        <footer class="app-footer">
          <AppStatusBar />
        </footer>
      </div>
      <Notices />
      <TabBar route={route} />
    </div>
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
    case 'logbook':
      return <LogbookScreen />;
    case 'new-entry':
      return <EntryFormScreen key={`new-${route.cardId ?? ''}`} {...(route.cardId ? { cardId: route.cardId } : {})} />;
    case 'entry':
      return <EntryFormScreen key={`entry-${route.id}`} entryId={route.id} />;
    case 'draft':
      return route.key.includes('|followup:') ? (
        <FollowUpDraftScreen key={`draft-${route.key}`} draftKey={route.key} />
      ) : (
        <EntryFormScreen key={`draft-${route.key}`} draftKey={route.key} />
      );
    case 'actions':
      return <ActionsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sessions':
      return <SessionsScreen />;
    case 'session':
      return <SessionScreen key={route.id} id={route.id} />;
    case 'present':
      return <PresenterScreen />;
    case 'facilitate':
      return <FacilitatorScreen />;
    case 'session-print':
      return <PrintScreen key={route.id} id={route.id} flags={route.flags} />;
    case 'session-record':
      return <SupervisionRecordScreen key={route.id} id={route.id} />;
    case 'entry-record':
      return <EntryRecordScreen key={`${route.id}/${route.form}`} id={route.id} form={route.form} />;
    case 'print-deck':
      return <PrintDeckScreen key={route.deckId} deckId={route.deckId} />;
    case 'print-destination':
      return <PrintDestinationScreen key={route.deckId} deckId={route.deckId} />;
    case 'own-decks':
      return <OwnDecksScreen />;
    case 'own-deck':
      return <OwnDeckScreen key={route.id} id={route.id} />;
    case 'own-cards':
      return <OwnCardsScreen key={route.deckId} deckId={route.deckId} />;
    case 'checkins':
      return <CheckinsScreen />;
    case 'checkin':
      return <CheckinScreen key={route.id} id={route.id} />;
    case 'checkin-print':
      return <CheckinPrintScreen key={route.id} id={route.id} />;
    case 'progress':
      return <ProgressScreen />;
    case 'join':
      return <JoinScreen key={route.invite} invite={route.invite} />;
    case 'not-found':
      return <MessageScreen title="Page not found" text="There is nothing at this address." link={{ href: paths.deal(), label: 'Go to the deck' }} />;
  }
}
