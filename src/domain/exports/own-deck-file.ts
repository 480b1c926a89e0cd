/**
 * A deck made in the app, shared as a file: the deck's record (clock included, so a deck shared
 * back and forth merges like a backup) in a small envelope. Read as strictly as a backup: checked
 * whole before anything is written, and refused with a plain message otherwise.
 */
import * as v from 'valibot';
import { Short, Time } from '../records/fields';
import { OwnDeckSchema, type OwnDeckRecord } from '../records/own-deck';
import { restoreOwnDeck } from '../records/restore';

export const DECK_FILE_FORMAT = 'power-shifting-deck';
export const DECK_FILE_VERSION = 1;
/** A thousand long cards is well under a megabyte; a file far beyond that is not a deck. */
export const MAX_DECK_FILE_BYTES = 2 * 1024 * 1024;

export interface OwnDeckFile {
  format: typeof DECK_FILE_FORMAT;
  version: number;
  exportedAt: string;
  deck: OwnDeckRecord;
}

export function ownDeckFile(deck: OwnDeckRecord, now: Date): OwnDeckFile {
  return { format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION, exportedAt: now.toISOString(), deck };
}

export function deckFileJson(file: OwnDeckFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

const EnvelopeSchema = v.object({
  format: v.literal(DECK_FILE_FORMAT),
  version: v.literal(DECK_FILE_VERSION, 'is a version of the deck format this app does not know'),
  exportedAt: Time,
  app: v.optional(v.object({ name: Short, version: Short })),
  deck: v.looseObject(OwnDeckSchema.entries, 'must be a deck'),
});

const NOTHING = 'Nothing was imported.';
export const DECK_FILE_TOO_LARGE = 'This file is larger than any shared deck should be, so it was not imported. Check you chose the right file.';
const NOT_OURS = `This file is not a Power Shifting deck, so nothing was imported. Choose a file shared with “Share this deck as a file”.`;

export type DeckFileResult = { ok: true; deck: OwnDeckRecord } | { ok: false; message: string };

/** `taken` says whether an id already belongs to a published deck, which a file may never replace. */
export function readOwnDeckFile(text: string, taken: (id: string) => boolean = () => false): DeckFileResult {
  if (text.length > MAX_DECK_FILE_BYTES) return { ok: false, message: DECK_FILE_TOO_LARGE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `This file could not be read as a deck: it is not valid JSON. ${NOTHING}` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== DECK_FILE_FORMAT) return { ok: false, message: NOT_OURS };
  const parsed = v.safeParse(EnvelopeSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = (issue?.path ?? []).map((p) => p.key).join('.');
    return { ok: false, message: `This deck file is damaged, so nothing was imported: ${field ? `the field “${field}” ` : ''}${issue?.message ?? 'is not as expected'}.` };
  }
  const deck = restoreOwnDeck(parsed.output.deck as OwnDeckRecord);
  if (taken(deck.id)) return { ok: false, message: `This file would replace one of the app’s published decks, which never change. ${NOTHING}` };
  const ids = new Set<string>();
  for (const item of [...deck.sections, ...deck.cards]) {
    if (ids.has(item.id) || item.id === deck.id) return { ok: false, message: `This deck file lists the same card or section twice (id ${item.id}), so it may be damaged. ${NOTHING}` };
    ids.add(item.id);
  }
  if (deck.deleted) return { ok: false, message: `This file holds a deck that was deleted. ${NOTHING}` };
  if (deck.addsTo !== undefined) return { ok: false, message: `This file holds cards added to a published deck, not a deck of its own. ${NOTHING}` };
  return { ok: true, deck };
}

export interface DeckPreview {
  title: string;
  cards: number;
  sections: number;
  /** The first few cards' titles (or the start of their text), to recognise the deck by. */
  firstCards: string[];
}

/** What a shared deck holds, shown before it is imported. */
export function previewOf(deck: OwnDeckRecord, count = 3): DeckPreview {
  const words = deck.cards.filter((c) => c.title.trim() || c.text.trim());
  return {
    title: deck.title || 'Untitled deck',
    cards: words.length,
    sections: new Set([...deck.sections.map((s) => s.number), ...words.map((c) => c.section)]).size,
    firstCards: words.slice(0, count).map((c) => c.title.trim() || (c.text.length > 80 ? `${c.text.slice(0, 80).trimEnd()}…` : c.text)),
  };
}

/**
 * The deck as a separate copy: new ids for it, its sections and its cards (a card's id is its
 * address, and is never shared by two decks), no history, and "(copy)" after its name.
 */
export function copyOfDeck(deck: OwnDeckRecord, newId: () => string, now: Date): OwnDeckRecord {
  const { clock: _clock, ...rest } = deck;
  const time = now.toISOString();
  return {
    ...rest,
    id: newId(),
    createdAt: time,
    updatedAt: time,
    title: `${deck.title || 'Untitled deck'} (copy)`.slice(0, 500),
    sections: deck.sections.map((s) => ({ ...s, id: newId() })),
    cards: deck.cards.map((c) => ({ ...c, id: newId() })),
  };
}
