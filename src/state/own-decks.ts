/**
 * Decks made in the app: making and changing them, sharing one as a file and taking one in.
 * Loaded on first use (it brings the logbook's storage), then kept in the catalog, live.
 */
import type { OwnDeckRecord } from '../domain/records/own-deck';
import type { Deck } from '../content/schema';
import { newId } from '../domain/ids';
import { copyOfDeck, deckFileJson, ownDeckFile, previewOf, readOwnDeckFile, type DeckPreview } from '../domain/exports/own-deck-file';
import { FORMATS } from '../domain/exports/formats';
import { emitUtf8 } from '../domain/exports/utf8-chunks';
import type { ExportFile } from './exports';
import { isOwnDeck, deckSummary, setOwnDecks } from '../domain/catalog';
import { logbook } from './logbook';
import type { MergeCounts } from '../domain/records/merge-plan';

/** Keeps the catalog in step with the stored decks; `changed` is told after each change, and whether there are any. */
export function followOwnDecks(changed: (some: boolean) => void, failed: () => void): void {
  logbook().decks.watchAll(
    (decks) => {
      setOwnDecks(decks);
      changed(decks.length > 0);
    },
    failed,
  );
}

export function createOwnDeck(title: string): Promise<OwnDeckRecord> {
  const now = new Date().toISOString();
  return logbook().decks.create({
    id: newId(),
    createdAt: now,
    updatedAt: now,
    deleted: 0,
    title: title.trim() || 'Our own deck',
    sectionName: 'Section',
    summary: '',
    sections: [{ id: newId(), number: 1, heading: '' }],
    cards: [],
  });
}

export function changeOwnDeck(id: string, change: (deck: OwnDeckRecord) => OwnDeckRecord, base?: OwnDeckRecord): Promise<OwnDeckRecord | undefined> {
  return logbook().decks.change(id, change, base);
}

export function addOwnCard(id: string, section: number): Promise<OwnDeckRecord | undefined> {
  return changeOwnDeck(id, (deck) => ({ ...deck, cards: [...deck.cards, { id: newId(), section, title: '', text: '' }] }));
}

export function addOwnSection(id: string): Promise<OwnDeckRecord | undefined> {
  return changeOwnDeck(id, (deck) => {
    const number = Math.max(0, ...deck.sections.map((s) => s.number), ...deck.cards.map((c) => c.section)) + 1;
    return { ...deck, sections: [...deck.sections, { id: newId(), number, heading: '' }] };
  });
}

/** Adds a card to a published deck's own cards, making the record that holds them if need be. */
export function addOwnCardTo(deck: Deck, section: number, group: string | undefined): Promise<OwnDeckRecord> {
  const now = new Date().toISOString();
  const card = { id: newId(), section, title: '', text: '', ...(group ? { group } : {}) };
  const fresh: OwnDeckRecord = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    deleted: 0,
    addsTo: deck.id,
    title: `Own cards for ${deck.title}`,
    sectionName: deck.sectionName,
    summary: '',
    sections: [],
    cards: [],
  };
  return logbook().decks.addCard(fresh, card);
}

/** The records holding a published deck's own cards, oldest first, as they change. */
export function watchOwnCards(deckId: string, next: (records: OwnDeckRecord[]) => void, error: (problem: Error) => void) {
  return logbook().decks.watchAll((decks) => next(decks.filter((d) => d.addsTo === deckId).sort(byId)), error);
}

const byId = (a: OwnDeckRecord, b: OwnDeckRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function deleteOwnDeck(id: string): Promise<OwnDeckRecord | undefined> {
  return changeOwnDeck(id, (deck) => ({ ...deck, deleted: 1 }));
}

export function watchOwnDeck(id: string, next: (deck: OwnDeckRecord | undefined) => void, error: (problem: Error) => void) {
  return logbook().decks.watch(id, next, error);
}

/** The deck as a file to share; another person imports it with "Import a shared deck". */
export function ownDeckExport(deck: OwnDeckRecord, now = new Date()): ExportFile {
  const slug = deck.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'deck';
  return {
    name: `power-shifting-deck-${slug}.json`,
    format: FORMATS.backup,
    write: async (emit) => {
      const stored = await logbook().decks.get(deck.id);
      if (!stored || stored.deleted) throw new Error('This deck is no longer on this device.');
      emitUtf8(deckFileJson(ownDeckFile(stored, now)), emit);
    },
  };
}

export type DeckImport = { ok: true; title: string; counts: MergeCounts } | { ok: false; message: string };

export type DeckFilePreview =
  | { ok: true; deck: OwnDeckRecord; preview: DeckPreview; /** The title of this device's deck with the same id, if it has one. */ existing?: string }
  | { ok: false; message: string };

/** Reads a shared deck file, checked whole, and says what importing it would do: nothing is written yet. */
export async function previewOwnDeckFile(text: string): Promise<DeckFilePreview> {
  const read = readOwnDeckFile(text, (id) => !!deckSummary(id) && !isOwnDeck(id));
  if (!read.ok) return read;
  const held = await logbook().decks.get(read.deck.id);
  return { ok: true, deck: read.deck, preview: previewOf(read.deck), ...(held && !held.deleted ? { existing: held.title || 'Untitled deck' } : {}) };
}

/**
 * Takes in a previewed deck, written all at once or not at all: merged with the deck of the same
 * id (changes made on this device are kept), or added as a separate copy.
 */
export async function importOwnDeck(deck: OwnDeckRecord, asCopy: boolean): Promise<DeckImport> {
  const incoming = asCopy ? copyOfDeck(deck, newId, new Date()) : deck;
  const counts = await logbook().decks.merge([incoming]);
  return { ok: true, title: incoming.title, counts };
}
