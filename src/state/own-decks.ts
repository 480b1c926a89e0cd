/**
 * Decks made in the app: making and changing them, sharing one as a file and taking one in.
 * Loaded on first use (it brings the logbook's storage), then kept in the catalog, live.
 */
import { deckOfOwn, type OwnDeckRecord } from '../domain/records/own-deck';
import { newId } from '../domain/ids';
import { deckFileJson, ownDeckFile, readOwnDeckFile } from '../domain/exports/own-deck-file';
import { FORMATS } from '../domain/exports/formats';
import { emitUtf8 } from '../domain/exports/utf8-chunks';
import type { ExportFile } from './exports';
import { isOwnDeck, deckSummary, setOwnDecks } from '../domain/catalog';
import { logbook } from './logbook';
import type { MergeCounts } from '../domain/records/merge-plan';

/** Keeps the catalog in step with the stored decks; `changed` is told after each change. Returns how to stop. */
export function followOwnDecks(changed: () => void, failed: () => void): () => void {
  return logbook().decks.watchAll(
    (decks) => {
      setOwnDecks(decks.map(deckOfOwn));
      changed();
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

/** Takes in a shared deck file: checked whole first, then written all at once, or not at all. */
export async function importOwnDeckFile(text: string): Promise<DeckImport> {
  const read = readOwnDeckFile(text, (id) => !!deckSummary(id) && !isOwnDeck(id));
  if (!read.ok) return read;
  const counts = await logbook().decks.merge([read.deck]);
  return { ok: true, title: read.deck.title, counts };
}
