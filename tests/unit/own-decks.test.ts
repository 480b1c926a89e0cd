import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup, readBackup } from '../../src/domain/exports/backup';
import { deckFileJson, ownDeckFile, readOwnDeckFile, MAX_DECK_FILE_BYTES } from '../../src/domain/exports/own-deck-file';
import { cardsOf } from '../../src/domain/cards';
import type { OwnDeckRecord } from '../../src/domain/records/own-deck';
import { deckOfOwn } from '../../src/domain/own-decks';
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
