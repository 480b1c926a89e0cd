import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks, loadDestinations } from '../../src/build/load-decks';
import type { Deck } from '../../src/content/schema';
import { validateDeck, validateDestination } from '../../src/content/validate';

const real = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../content/decks/power-shifting/deck.json', import.meta.url)), 'utf8'),
);
const FILE = 'content/decks/power-shifting/deck.json';
const copy = () => structuredClone(real);

/** A small deck without groups, as the companion decks are. */
const companion = () => ({
  id: 'companion',
  language: 'en-GB',
  kind: 'companion',
  companionOf: 'power-shifting',
  sectionName: 'Theme',
  title: 'A companion deck',
  about: { summary: 'S.', howToUse: ['Deal a card.'], source: { title: 'T', publisher: 'P' }, readingNotes: ['A note.'] },
  capabilities: [
    {
      id: 'companion-1',
      number: 1,
      heading: 'First theme',
      tasks: [
        { id: 'companion-1-a', title: 'A title', text: 'A card.' },
        { id: 'companion-1-b', text: 'Another card.' },
      ],
    },
  ],
});
const COMPANION = 'content/decks/companion/deck.json';

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

describe('validateDeck: decks with and without groups, companions, titles and section names', () => {
  const errorsOf = (data: unknown) => {
    const result = validateDeck(data, COMPANION);
    return result.ok ? [] : result.errors;
  };

  it('accepts a companion deck without groups, framings or a source year, with titles on its cards', () => {
    const result = validateDeck(companion(), COMPANION);
    expect(result.ok).toBe(true);
    const deck = result.ok ? result.deck : undefined;
    expect(deck?.groups).toEqual([]);
    expect(deck?.sectionName).toBe('Theme');
    expect(deck?.capabilities[0]?.tasks[0]?.title).toBe('A title');
  });

  it('reads a deck that says nothing about its kind or sections as a main deck of capabilities', () => {
    const result = validateDeck(real, FILE);
    expect(result.ok && [result.deck.kind, result.deck.sectionName]).toEqual(['main', 'Capability']);
  });

  it('refuses a misspelt field of the deck, naming the file and the field', () => {
    const deck = { ...companion(), sectionNmae: 'Theme' };
    expect(errorsOf(deck)).toEqual([`${COMPANION}: sectionNmae: is not a field the format knows (check the spelling)`]);
  });

  it('refuses a card that names a group in a deck without groups', () => {
    const deck = companion();
    Object.assign(deck.capabilities[0]!.tasks[1]!, { group: 'public' });
    expect(errorsOf(deck)).toEqual([
      `${COMPANION}: capabilities[0].tasks[1].group: the deck has no groups, so a card cannot name one ("public")`,
    ]);
  });

  it('refuses a card without a group in a deck with groups', () => {
    const deck = copy();
    delete deck.capabilities[3].tasks[2].group;
    expect(errorsFor(deck)).toEqual([
      `${FILE}: capabilities[3].tasks[2].group: is missing (every card of a deck with groups names one: public, community)`,
    ]);
  });

  it('refuses a main deck capability without framing, and companionOf on a deck that is not a companion', () => {
    const deck = { ...companion(), kind: 'main' };
    expect(errorsOf(deck)).toEqual([
      `${COMPANION}: companionOf: only a companion deck ("kind": "companion") names the deck it goes with`,
      `${COMPANION}: capabilities[0].framing: is missing (every capability of a main deck has one)`,
    ]);
  });

  it('refuses an unknown kind, an empty card title and a reading note that is not text', () => {
    const deck = companion();
    Object.assign(deck, { kind: 'extra' });
    deck.capabilities[0]!.tasks[0]!.title = ' ';
    Object.assign(deck.about, { readingNotes: [3] });
    expect(errorsOf(deck)).toEqual([
      `${COMPANION}: kind: must be "main" or "companion"`,
      `${COMPANION}: about.readingNotes[0]: must be text`,
      `${COMPANION}: capabilities[0].tasks[0].title: must not be empty`,
    ]);
  });
});

describe('validateDestination', () => {
  const DESTINATION = 'content/destination/power-shifting.json';
  const destination = () => ({
    id: 'power-shifting-destination',
    deckId: 'power-shifting',
    language: 'en-GB',
    title: 'Where are we going?',
    about: { summary: 'S.', source: { title: 'T', publisher: 'P', year: 2019 } },
    groups: [
      { id: 'people', name: 'People', headline: 'People are well.', statements: [{ id: 'people-1', text: 'one' }] },
      { id: 'staff', name: 'Staff', headline: 'Staff are skilled.', statements: [{ id: 'staff-1', text: 'two' }, { id: 'staff-2', text: 'three' }] },
    ],
  });
  const errorsOf = (data: unknown) => {
    const result = validateDestination(data, DESTINATION);
    return result.ok ? [] : result.errors;
  };

  it('accepts a destination', () => {
    expect(errorsOf(destination())).toEqual([]);
  });

  it('refuses a duplicate statement id, with both places', () => {
    const data = destination();
    data.groups[1]!.statements[1]!.id = 'people-1';
    expect(errorsOf(data)).toEqual([
      `${DESTINATION}: groups[1].statements[1].id: duplicate id "people-1" (already used at groups[0].statements[0].id)`,
    ]);
  });

  it('refuses a group without a headline, a misspelt field and something that is not a destination', () => {
    const data = destination();
    const { headline: _, ...rest } = data.groups[0]!;
    data.groups[0] = { ...rest, headlin: 'People are well.' } as unknown as (typeof data.groups)[number];
    expect(errorsOf(data)).toEqual([
      `${DESTINATION}: groups[0].headline: is missing`,
      `${DESTINATION}: groups[0].headlin: is not a field the format knows (check the spelling)`,
    ]);
    expect(errorsOf([])).toEqual([`${DESTINATION}: (whole file): must be a destination object, starting with {`]);
  });

  it('is loaded from content/destination/<deck id>.json and must describe a deck that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-destination-'));
    mkdirSync(join(dir, 'destination'));
    writeFileSync(join(dir, 'destination', 'power-shifting.json'), JSON.stringify(destination()));
    writeFileSync(join(dir, 'destination', 'other.json'), JSON.stringify({ ...destination(), id: 'other', deckId: 'other' }));
    writeFileSync(join(dir, 'destination', 'misnamed.json'), JSON.stringify({ ...destination(), id: 'misnamed' }));
    const deck = validateDeck(real, FILE);
    const decks: Deck[] = deck.ok ? [deck.deck] : [];
    expect(loadDestinations(dir, decks)).toEqual({
      ok: false,
      errors: [
        'destination/misnamed.json: deckId: "power-shifting" must match the file name "misnamed"',
        'destination/other.json: deckId: there is no deck with id "other"',
      ],
    });
    rmSync(join(dir, 'destination', 'misnamed.json'));
    rmSync(join(dir, 'destination', 'other.json'));
    const loaded = loadDestinations(dir, decks);
    expect(loaded.ok && loaded.destinations.map((d) => d.id)).toEqual(['power-shifting-destination']);
  });

  it('is optional: without the folder there is nothing to load', () => {
    expect(loadDestinations(mkdtempSync(join(tmpdir(), 'ps-destination-')), [])).toEqual({ ok: true, destinations: [], files: [] });
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
  it('lists main decks first, then companion decks, whatever their folder names', () => {
    const result = loadDecks(contentWith({ 'power-shifting': real, companion: companion() }));
    expect(result.ok && result.decks.map((d) => d.id)).toEqual(['power-shifting', 'companion']);
  });

  it('refuses a companion of a deck that does not exist, or of another companion', () => {
    const orphan = { ...companion(), companionOf: 'power-shiftng' };
    const second = { ...companion(), id: 'second', companionOf: 'companion', capabilities: [] as unknown[] };
    second.capabilities = [{ id: 'second-1', number: 1, heading: 'H', tasks: [{ id: 'second-1-a', text: 'T.' }] }];
    const result = loadDecks(contentWith({ 'power-shifting': real, companion: orphan, second }));
    expect(result.ok ? [] : result.errors).toEqual([
      'decks/companion/deck.json: companionOf: there is no deck with id "power-shiftng"',
      'decks/second/deck.json: companionOf: "companion" is a companion deck itself; name the main deck this one goes with',
    ]);
  });

  it('refuses a card id that another deck already uses', () => {
    const deck = companion();
    deck.capabilities[0]!.tasks[1]!.id = 'cap-01-public-1';
    const result = loadDecks(contentWith({ 'power-shifting': real, companion: deck }));
    expect(result.ok ? [] : result.errors).toEqual([
      'decks/companion/deck.json: capabilities[0].tasks[1].id: card id "cap-01-public-1" is already used by decks/power-shifting/deck.json; card ids are unique across decks',
    ]);
  });
});
