/** Reads and validates every deck under content/decks at build time (Node only). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Deck } from '../content/schema.ts';
import { validateDeck, validateDeckSet } from '../content/validate.ts';

export type LoadResult = { ok: true; decks: Deck[]; files: string[] } | { ok: false; errors: string[] };

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
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      errors.push(`${file}: (whole file): not valid JSON: ${(error as Error).message}`);
      continue;
    }
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
  errors.push(...validateDeckSet(loaded));
  if (errors.length) return { ok: false, errors };
  return { ok: true, decks: loaded.map((l) => l.deck), files: loaded.map((l) => join(root, l.file)) };
}
