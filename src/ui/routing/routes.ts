/**
 * Hash routes: every card and screen has its own URL that works on any static host, from a
 * bookmark, offline, and with the browser's back button.
 */
export type Route =
  | { name: 'deal' }
  | { name: 'card'; id: string; both: boolean }
  | { name: 'deck' }
  | { name: 'capability'; number: number }
  | { name: 'about' }
  | { name: 'logbook' }
  | { name: 'new-entry'; cardId?: string }
  | { name: 'entry'; id: string }
  | { name: 'draft'; key: string }
  | { name: 'actions' }
  | { name: 'settings' }
  | { name: 'sessions' }
  | { name: 'session'; id: string }
  | { name: 'session-print'; id: string; flags: string }
  | { name: 'session-record'; id: string }
  | { name: 'entry-record'; id: string; form: RecordForm }
  | { name: 'present' }
  | { name: 'facilitate' }
  | { name: 'print-deck'; deckId: string }
  | { name: 'print-destination'; deckId: string }
  | { name: 'own-decks' }
  | { name: 'own-deck'; id: string }
  /** A team's own cards added to a published deck. */
  | { name: 'own-cards'; deckId: string }
  | { name: 'checkins' }
  | { name: 'checkin'; id: string }
  | { name: 'checkin-print'; id: string }
  | { name: 'progress' }
  /** An invite link: the payload, then the kind of space and its name (see src/sync/invite-link.ts). */
  | { name: 'join'; invite: string }
  | { name: 'not-found'; path: string };

/** The records an entry can become: an NMC reflective account, a CPD record. */
export const RECORD_FORMS = ['nmc', 'cpd'] as const;
export type RecordForm = (typeof RECORD_FORMS)[number];
const isRecordForm = (s: string | undefined): s is RecordForm => (RECORD_FORMS as readonly (string | undefined)[]).includes(s);

export const paths = {
  deal: () => '#/',
  card: (id: string, both = false) => `#/card/${encodeURIComponent(id)}${both ? '/both' : ''}`,
  deck: () => '#/deck',
  capability: (n: number) => `#/capability/${n}`,
  about: () => '#/about',
  logbook: () => '#/logbook',
  newEntry: (cardId?: string) => (cardId ? `#/logbook/new/${encodeURIComponent(cardId)}` : '#/logbook/new'),
  entry: (id: string) => `#/logbook/entry/${encodeURIComponent(id)}`,
  draft: (key: string) => `#/logbook/draft/${encodeURIComponent(key)}`,
  actions: () => '#/actions',
  settings: () => '#/settings',
  sessions: () => '#/sessions',
  session: (id: string) => `#/sessions/${encodeURIComponent(id)}`,
  present: () => '#/present',
  facilitate: () => '#/facilitate',
  sessionRecord: (id: string) => `#/sessions/${encodeURIComponent(id)}/record`,
  entryRecord: (id: string, form: RecordForm) => `#/logbook/entry/${encodeURIComponent(id)}/record/${form}`,
  sessionPrint: (id: string, flags: string) => `#/sessions/${encodeURIComponent(id)}/print/${flags || '-'}`,
  printDeck: (deckId: string) => `#/print/deck/${encodeURIComponent(deckId)}`,
  printDestination: (deckId: string) => `#/print/destination/${encodeURIComponent(deckId)}`,
  ownDecks: () => '#/your-decks',
  ownDeck: (id: string) => `#/your-decks/${encodeURIComponent(id)}`,
  ownCards: (deckId: string) => `#/your-cards/${encodeURIComponent(deckId)}`,
  checkins: () => '#/checkins',
  checkin: (id: string) => `#/checkins/${encodeURIComponent(id)}`,
  checkinPrint: (id: string) => `#/checkins/${encodeURIComponent(id)}/print`,
  progress: () => '#/progress',
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'deal' };
  // Kept as written: it is handed to the sync library whole.
  if (first === 'join' && second) return { name: 'join', invite: path.slice('/join/'.length) };
  if (first === 'card' && second && (parts.length === 2 || (parts.length === 3 && third === 'both'))) {
    return { name: 'card', id: second, both: third === 'both' };
  }
  if (first === 'deck' && parts.length === 1) return { name: 'deck' };
  if (first === 'capability' && second && /^\d+$/.test(second) && parts.length === 2) {
    return { name: 'capability', number: Number(second) };
  }
  if (first === 'about' && parts.length === 1) return { name: 'about' };
  if (first === 'logbook') {
    if (parts.length === 1) return { name: 'logbook' };
    if (second === 'new' && parts.length === 2) return { name: 'new-entry' };
    if (second === 'new' && third && parts.length === 3) return { name: 'new-entry', cardId: third };
    if (second === 'entry' && third && parts.length === 3) return { name: 'entry', id: third };
    const form = parts[4];
    if (second === 'entry' && third && parts[3] === 'record' && isRecordForm(form) && parts.length === 5) return { name: 'entry-record', id: third, form };
    if (second === 'draft' && third && parts.length === 3) return { name: 'draft', key: third };
  }
  if (first === 'actions' && parts.length === 1) return { name: 'actions' };
  if (first === 'your-decks' && parts.length === 1) return { name: 'own-decks' };
  if (first === 'your-decks' && second && parts.length === 2) return { name: 'own-deck', id: second };
  if (first === 'your-cards' && second && parts.length === 2) return { name: 'own-cards', deckId: second };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'present' && parts.length === 1) return { name: 'present' };
  if (first === 'facilitate' && parts.length === 1) return { name: 'facilitate' };
  if (first === 'print' && third && parts.length === 3) {
    if (second === 'deck') return { name: 'print-deck', deckId: third };
    if (second === 'destination') return { name: 'print-destination', deckId: third };
  }
  if (first === 'checkins') {
    if (parts.length === 1) return { name: 'checkins' };
    if (second && parts.length === 2) return { name: 'checkin', id: second };
    if (second && third === 'print' && parts.length === 3) return { name: 'checkin-print', id: second };
  }
  if (first === 'progress' && parts.length === 1) return { name: 'progress' };
  if (first === 'sessions') {
    if (parts.length === 1) return { name: 'sessions' };
    if (second && parts.length === 2) return { name: 'session', id: second };
    if (second && third === 'record' && parts.length === 3) return { name: 'session-record', id: second };
    if (second && third === 'print' && parts.length === 4) return { name: 'session-print', id: second, flags: parts[3] ?? '' };
  }
  return { name: 'not-found', path };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
