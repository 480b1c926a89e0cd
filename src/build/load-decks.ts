/** Reads and validates every deck under content/decks, and every destination under content/destination, at build time (Node only). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Deck, Destination } from '../content/schema.ts';
import { validateDeck, validateDeckSet, validateDestination, validateDestinationSet } from '../content/validate.ts';

export type LoadResult = { ok: true; decks: Deck[]; files: string[] } | { ok: false; errors: string[] };
export type DestinationLoadResult = { ok: true; destinations: Destination[]; files: string[] } | { ok: false; errors: string[] };

/** Main decks come first (the app deals the first deck by default), then companion decks; each kind in folder order. */
export function loadDecks(contentDir: string, root = contentDir): LoadResult {
  const decksDir = join(contentDir, 'decks');
  if (!existsSync(decksDir)) return { ok: false, errors: [`${relative(root, decksDir)}: folder not found`] };
  const folders = readdirSync(decksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const errors: string[] = [];
  const loaded: { deck: Deck; file: string }[] = [];
  for (const folder of folders) {
    const path = join(decksDir, folder, 'deck.json');
    const file = relative(root, path);
    if (!existsSync(path)) {
      errors.push(`${file}: file not found (every deck folder needs a deck.json)`);
      continue;
    }
    const data = readJson(path, file, errors);
    if (data === undefined) continue;
    const result = validateDeck(data, file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    if (result.deck.id !== folder) {
      errors.push(`${file}: id: "${result.deck.id}" must match its folder name "${folder}"`);
      continue;
    }
    loaded.push({ deck: result.deck, file });
  }
  if (folders.length === 0) errors.push(`${relative(root, decksDir)}: no deck folders found`);
  // In this order a card id found in two decks is reported in the later one, not the main deck.
  const ordered = [...loaded.filter((l) => l.deck.kind === 'main'), ...loaded.filter((l) => l.deck.kind === 'companion')];
  errors.push(...validateDeckSet(ordered));
  if (errors.length) return { ok: false, errors };
  return { ok: true, decks: ordered.map((l) => l.deck), files: ordered.map((l) => join(root, l.file)) };
}

/**
 * Destination files are content/destination/<deck id>.json, one per deck at most; the folder is
 * optional. `decks` are the loaded decks, which each destination's deckId must name.
 */
export function loadDestinations(contentDir: string, decks: readonly Deck[], root = contentDir): DestinationLoadResult {
  const dir = join(contentDir, 'destination');
  if (!existsSync(dir)) return { ok: true, destinations: [], files: [] };
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort();
  const errors: string[] = [];
  const loaded: { destination: Destination; file: string }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    const data = readJson(path, file, errors);
    if (data === undefined) continue;
    const result = validateDestination(data, file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const expected = name.slice(0, -'.json'.length);
    if (result.destination.deckId !== expected) {
      errors.push(`${file}: deckId: "${result.destination.deckId}" must match the file name "${expected}"`);
      continue;
    }
    loaded.push({ destination: result.destination, file });
  }
  errors.push(...validateDestinationSet(loaded, new Set(decks.map((d) => d.id))));
  if (errors.length) return { ok: false, errors };
  return { ok: true, destinations: loaded.map((l) => l.destination), files: loaded.map((l) => join(root, l.file)) };
}

/** The parsed file, or undefined with the reason added to `errors`. */
function readJson(path: string, file: string, errors: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    errors.push(`${file}: (whole file): not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}
