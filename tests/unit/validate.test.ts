import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/build/load-decks';
import { validateDeck } from '../../src/content/validate';

const real = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../content/decks/power-shifting/deck.json', import.meta.url)), 'utf8'),
);
const FILE = 'content/decks/power-shifting/deck.json';
const copy = () => structuredClone(real);

function errorsFor(data: unknown): string[] {
  const result = validateDeck(data, FILE);
  return result.ok ? [] : result.errors;
}

describe('validateDeck', () => {
  it('accepts the real deck', () => {
    expect(errorsFor(real)).toEqual([]);
  });

  it('names the file and the field of a missing field', () => {
    const deck = copy();
    delete deck.capabilities[2].tasks[1].text;
    expect(errorsFor(deck)).toEqual([`${FILE}: capabilities[2].tasks[1].text: is missing`]);
  });

  it('names the file and the field of a wrong type', () => {
    const deck = copy();
    deck.capabilities[0].number = 'one';
    expect(errorsFor(deck)).toEqual([`${FILE}: capabilities[0].number: must be a number`]);
  });

  it('reports a duplicate id with both places', () => {
    const deck = copy();
    deck.capabilities[4].tasks[0].id = 'cap-01-public-1';
    expect(errorsFor(deck)).toEqual([
      `${FILE}: capabilities[4].tasks[0].id: duplicate id "cap-01-public-1" (already used at capabilities[0].tasks[0].id)`,
    ]);
  });

  it('reports empty text, a misspelt field, an unknown group and a repeated number', () => {
    const deck = copy();
    deck.capabilities[1].heading = '   ';
    deck.capabilities[1].heding = 'typo';
    deck.capabilities[3].tasks[0].group = 'councillors';
    deck.capabilities[5].number = 5;
    const errors = errorsFor(deck);
    expect(errors).toContain(`${FILE}: capabilities[1].heading: must not be empty`);
    expect(errors).toContain(`${FILE}: capabilities[1].heding: is not a field the format knows (check the spelling)`);
    expect(errors.join('\n')).not.toContain('councillors');
    const second = copy();
    second.capabilities[3].tasks[0].group = 'councillors';
    second.capabilities[5].number = 5;
    expect(errorsFor(second)).toEqual([
      `${FILE}: capabilities[3].tasks[0].group: "councillors" is not one of the deck's groups (public, community)`,
      `${FILE}: capabilities[5].number: capability number 5 is used twice`,
    ]);
  });

  it('rejects an id that is not lowercase words and hyphens', () => {
    const deck = copy();
    deck.capabilities[0].tasks[0].id = 'Cap 1';
    expect(errorsFor(deck)[0]).toMatch(/^content\/decks\/power-shifting\/deck\.json: capabilities\[0\]\.tasks\[0\]\.id: must be lowercase/);
  });

  it('rejects something that is not a deck at all', () => {
    expect(errorsFor([])).toEqual([`${FILE}: (whole file): must be a deck object, starting with {`]);
    expect(errorsFor('deck')).toEqual([`${FILE}: (whole file): must be a deck object, starting with {`]);
  });
});

describe('loadDecks', () => {
  function contentWith(decks: Record<string, unknown>): string {
    const dir = mkdtempSync(join(tmpdir(), 'ps-content-'));
    for (const [folder, data] of Object.entries(decks)) {
      mkdirSync(join(dir, 'decks', folder), { recursive: true });
      writeFileSync(
        join(dir, 'decks', folder, 'deck.json'),
        typeof data === 'string' ? data : JSON.stringify(data),
      );
    }
    return dir;
  }

  it('loads every valid deck folder', () => {
    const dir = contentWith({ 'power-shifting': real });
    const result = loadDecks(dir);
    expect(result.ok && result.decks.map((d) => d.id)).toEqual(['power-shifting']);
  });

  it('reports a file that is not JSON, and a folder whose name does not match the id', () => {
    const dir = contentWith({ broken: '{ "id": ', 'other-name': real });
    const result = loadDecks(dir);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toMatch(/^decks\/broken\/deck\.json: \(whole file\): not valid JSON/);
    expect(errors[1]).toBe('decks/other-name/deck.json: id: "power-shifting" must match its folder name "other-name"');
  });

  it('checks that a translation keeps every card id of its original', () => {
    const welsh = copy();
    welsh.id = 'power-shifting-cy';
    welsh.language = 'cy';
    welsh.translationOf = 'power-shifting';
    welsh.capabilities[0].tasks[0].text = 'Cael sgyrsiau agored…';
    welsh.capabilities[0].tasks[1].id = 'cap-01-public-9';
    const result = loadDecks(contentWith({ 'power-shifting': real, 'power-shifting-cy': welsh }));
    expect(result.ok ? [] : result.errors).toEqual([
      'decks/power-shifting-cy/deck.json: capabilities: the translation is missing "cap-01-public-2" from decks/power-shifting/deck.json',
      'decks/power-shifting-cy/deck.json: capabilities: "cap-01-public-9" is not in decks/power-shifting/deck.json; a translation keeps the original ids',
    ]);
  });
});
