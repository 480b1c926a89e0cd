import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup, readBackup, summarise } from '../../src/domain/exports/backup';
import { copyOfDeck, deckFileJson, ownDeckFile, previewOf, readOwnDeckFile, MAX_DECK_FILE_BYTES } from '../../src/domain/exports/own-deck-file';
import { cardsOf } from '../../src/domain/cards';
import type { OwnDeckRecord } from '../../src/domain/records/own-deck';
import { deckOfOwn, withOwnCards } from '../../src/domain/own-decks';
import { DEFAULT_DECK } from '../../src/content/decks';
import { addedCardCount, deckById, deckCards, findCard, isOwnCard, setOwnDecks } from '../../src/domain/catalog';
import { selectCards } from '../../src/domain/selection';
import { snapshotOf, snapshotSection } from '../../src/domain/logbook/card-snapshot';
import { openLogbook } from '../../src/storage/logbook';

const clock = new Date('2026-03-01T09:00:00Z');
const open = (device: string) => openLogbook(`own-decks-${device}`, { indexedDB: new IDBFactory(), IDBKeyRange, now: () => clock, device });

const draft = (): OwnDeckRecord => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  createdAt: clock.toISOString(),
  updatedAt: clock.toISOString(),
  deleted: 0,
  title: 'Housing team deck',
  sectionName: 'Theme',
  summary: '',
  sections: [{ id: 'S1', number: 1, heading: 'Listening first' }],
  cards: [
    { id: 'C1', section: 1, title: 'Forum first', text: 'Ask the tenants’ forum.' },
    { id: 'C2', section: 2, title: '', text: 'Walk the estate.' },
  ],
});

describe('a deck made in the app', () => {
  it('reads as a deck: its sections in order, headings where given, cards with their titles, no groups', () => {
    const deck = deckOfOwn(draft());
    expect(deck.capabilities.map((c) => [c.number, c.heading, c.tasks.map((t) => t.id)])).toEqual([
      [1, 'Listening first', ['C1']],
      [2, 'Theme 2', ['C2']],
    ]);
    const cards = cardsOf(deck);
    expect(cards[0]).toMatchObject({ title: 'Forum first', sectionName: 'Theme', group: { id: '' } });
    expect('title' in cards[1]!).toBe(false);
  });

  it('goes into a backup and comes back whole, and a backup without one reads as before', async () => {
    const book = open('devicaaa');
    const made = await book.decks.create(draft());
    await book.decks.change(made.id, (d) => ({ ...d, cards: d.cards.map((c) => (c.id === 'C2' ? { ...c, text: 'Walk the estate at dusk.' } : c)) }));
    const text = backupJson(makeBackup(await book.backups.exportAll(), clock, '0.1.0'));
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.data.decks?.[0]?.cards[1]?.text).toBe('Walk the estate at dusk.');
    const fresh = open('devicbbb');
    const dry = await fresh.backups.merge(read.backup.data, { dryRun: true });
    expect(dry.ok && dry.plan.counts.decks).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await fresh.decks.get(made.id)).toBeUndefined();
    await fresh.backups.merge(read.backup.data);
    expect((await fresh.decks.get(made.id))?.title).toBe('Housing team deck');
    const again = await fresh.backups.merge(read.backup.data);
    expect(again.ok && again.plan.counts.decks).toEqual({ added: 0, updated: 0, unchanged: 1 });
    const empty = makeBackup({ entries: [], actions: [], sessions: [], checkins: [] }, clock, '0.1.0');
    expect('decks' in empty.data).toBe(false);
  });
});

describe('a shared deck file', () => {
  const file = () => JSON.parse(deckFileJson(ownDeckFile(draft(), clock))) as { deck: Record<string, unknown> & { cards: Record<string, unknown>[] } };
  const read = (value: unknown, taken?: (id: string) => boolean) => readOwnDeckFile(typeof value === 'string' ? value : JSON.stringify(value), taken);

  it('reads back the deck it was made from', () => {
    const result = read(file());
    expect(result.ok && result.deck.cards.map((c) => c.text)).toEqual(['Ask the tenants’ forum.', 'Walk the estate.']);
  });

  it('refuses hostile or broken files with a plain message', () => {
    const cases: [unknown, string][] = [
      ['x'.repeat(MAX_DECK_FILE_BYTES + 1), 'larger than any shared deck'],
      ['{"format": "power-shifting-deck",', 'not valid JSON'],
      [{ format: 'power-shifting-backup' }, 'not a Power Shifting deck'],
      [[], 'not a Power Shifting deck'],
      [{ ...file(), version: 99 }, 'damaged'],
      [{ ...file(), deck: { ...file().deck, cards: [{ ...file().deck.cards[0], text: 'x'.repeat(2001) }] } }, 'the field “deck.cards.0.text” is longer than 2,000 characters'],
      [{ ...file(), deck: { ...file().deck, id: '../../etc' } }, 'the field “deck.id” is not a valid id'],
      [{ ...file(), deck: { ...file().deck, cards: Array.from({ length: 1001 }, (_, i) => ({ id: `C${i}`, section: 1, text: 'x' })) } }, 'holds more than 1,000 cards'],
      [{ ...file(), deck: { ...file().deck, cards: [file().deck.cards[0], file().deck.cards[0]] } }, 'the same card or section twice'],
      [{ ...file(), deck: { ...file().deck, deleted: 1 } }, 'was deleted'],
      [{ ...file(), deck: { ...file().deck, addsTo: 'power-shifting' } }, 'cards added to a published deck'],
      [{ ...file(), deck: [1, 2] }, 'must be a deck'],
    ];
    for (const [value, message] of cases) {
      const result = read(value);
      expect(result.ok, message).toBe(false);
      expect(!result.ok && result.message, message).toContain(message);
    }
    expect(read(file(), (id) => id === draft().id)).toMatchObject({ ok: false, message: expect.stringContaining('published decks') });
  });

  it('keeps fields it does not know, and never lets a file set the prototype', () => {
    const raw = deckFileJson(ownDeckFile(draft(), clock)).replace('"title": "Housing team deck"', '"title": "Housing team deck", "colour": "teal", "__proto__": { "polluted": true }');
    const result = readOwnDeckFile(raw);
    expect(result.ok && (result.deck as unknown as Record<string, unknown>).colour).toBe('teal');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a published deck’s own cards', () => {
  const additions = (cards: OwnDeckRecord['cards']): OwnDeckRecord => ({
    id: 'ADDS',
    createdAt: clock.toISOString(),
    updatedAt: clock.toISOString(),
    deleted: 0,
    addsTo: DEFAULT_DECK.id,
    title: 'Own cards for Power Shifting Card Deck',
    sectionName: 'Capability',
    summary: '',
    sections: [],
    cards,
  });
  const published = JSON.stringify(DEFAULT_DECK);

  it('follow the deck’s own cards in their section, for the group chosen (or the first), leaving the published deck as it is', () => {
    const deck = withOwnCards(DEFAULT_DECK, [
      additions([
        { id: 'O1', section: 3, title: '', text: 'Invite the youth forum.', group: 'community' },
        { id: 'O3', section: 99, title: '', text: 'In no section of this deck.' },
        { id: 'O4', section: 3, title: '', text: '   ' },
      ]),
      { ...additions([{ id: 'O2', section: 3, title: 'Walk', text: 'Walk the estate.' }]), id: 'ADDS2' },
    ]);
    const cap3 = deck.capabilities.find((c) => c.number === 3)!;
    const published3 = DEFAULT_DECK.capabilities.find((c) => c.number === 3)!;
    expect(cap3.tasks.slice(0, published3.tasks.length)).toEqual(published3.tasks);
    expect(cap3.tasks.slice(published3.tasks.length)).toEqual([
      { id: 'O1', text: 'Invite the youth forum.', group: 'community' },
      { id: 'O2', title: 'Walk', text: 'Walk the estate.', group: 'public' },
    ]);
    expect(deck.capabilities.flatMap((c) => c.tasks)).toHaveLength(51);
    expect(JSON.stringify(DEFAULT_DECK)).toBe(published);
  });

  it('are dealt and found with the deck, marked as own, left out when chosen so, and named so in an entry', () => {
    setOwnDecks([additions([{ id: 'O1', section: 3, title: '', text: 'Invite the youth forum.', group: 'community' }]), { ...draft(), id: 'MINE' }]);
    try {
      const cards = deckCards(DEFAULT_DECK.id);
      expect(cards).toHaveLength(50);
      const own = findCard(DEFAULT_DECK.id, 'O1')!;
      expect(own).toMatchObject({ own: true, deckId: DEFAULT_DECK.id, group: { id: 'community', name: 'Community leaders' }, capability: { number: 3 } });
      expect(cards.filter((c) => c.own).map((c) => c.id)).toEqual(['O1']);
      expect(isOwnCard('O1') && isOwnCard('C1') && !isOwnCard('cap-03-public-1')).toBe(true);
      expect(addedCardCount(DEFAULT_DECK.id)).toBe(1);
      expect(addedCardCount('MINE')).toBe(0);
      expect(deckCards('MINE').every((c) => c.own)).toBe(true);
      expect(selectCards(cards, { capabilities: [3], groups: ['community'] }).map((c) => c.id)).toContain('O1');
      expect(selectCards(cards, { capabilities: [3], groups: ['community'], withoutOwn: true }).map((c) => c.id)).not.toContain('O1');
      expect(snapshotSection(snapshotOf(own))).toBe('Capability 3 (own card)');
      expect(snapshotOf(findCard(DEFAULT_DECK.id, 'cap-03-public-1')!)).not.toHaveProperty('own');
      // Removed elsewhere: gone from the deck at once.
      setOwnDecks([]);
      expect(deckCards(DEFAULT_DECK.id)).toHaveLength(49);
      expect(deckById(DEFAULT_DECK.id)).toBe(DEFAULT_DECK);
      expect(isOwnCard('O1')).toBe(false);
    } finally {
      setOwnDecks([]);
    }
  });

  it('added on two devices are all kept, in one record per device that started one, and a backup carries and restores them', async () => {
    const a = open('devicccc');
    const b = open('devicddd');
    await a.decks.addCard(additions([]), { id: 'A1', section: 1, title: '', text: 'From A.' });
    const second = await a.decks.addCard({ ...additions([]), id: 'UNUSED' }, { id: 'A2', section: 1, title: '', text: 'Also from A.' });
    expect(second.id).toBe('ADDS');
    await b.decks.addCard({ ...additions([]), id: 'ADDSB' }, { id: 'B1', section: 2, title: '', text: 'From B.', group: 'community' });
    const fromB = readBackup(backupJson(makeBackup(await b.backups.exportAll(), clock, '0.1.0')));
    if (!fromB.ok) throw new Error(fromB.message);
    await a.backups.merge(fromB.backup.data);
    const all = readBackup(backupJson(makeBackup(await a.backups.exportAll(), clock, '0.1.0')));
    if (!all.ok) throw new Error(all.message);
    expect(summarise(all.backup)).toMatchObject({ decks: 0, ownCards: 3 });
    const restored = open('devicfff');
    await restored.backups.merge(all.backup.data);
    const held = (await restored.backups.exportAll()).decks ?? [];
    expect(held.filter((d) => d.addsTo === DEFAULT_DECK.id).flatMap((d) => d.cards.map((c) => c.id)).sort()).toEqual(['A1', 'A2', 'B1']);
    expect(held.find((d) => d.id === 'ADDSB')?.cards[0]).toMatchObject({ group: 'community', text: 'From B.' });
  });
});

describe('importing a shared deck', () => {
  it('is previewed: its name, how many cards, the first few', () => {
    const deck = { ...draft(), cards: [...draft().cards, { id: 'C3', section: 1, title: '', text: 'x'.repeat(100) }, { id: 'C4', section: 1, title: '', text: '' }] };
    expect(previewOf(deck)).toEqual({ title: 'Housing team deck', cards: 3, sections: 2, firstCards: ['Forum first', 'Walk the estate.', `${'x'.repeat(80)}…`] });
  });

  it('as a copy takes new ids for the deck, its sections and cards, and no history', () => {
    let n = 0;
    const copy = copyOfDeck({ ...draft(), clock: { vv: { devicaaa: 1 }, o: '1:devicaaa' } }, () => `NEW${++n}`, clock);
    expect(copy).toMatchObject({ id: 'NEW1', title: 'Housing team deck (copy)', sections: [{ id: 'NEW2', heading: 'Listening first' }], cards: [{ id: 'NEW3' }, { id: 'NEW4' }] });
    expect(copy).not.toHaveProperty('clock');
  });
});
