import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks, loadDestinations } from '../../src/build/load-decks';
import { actionTallies, capabilitySeries, changeOf, checkinsFor, communitiesOf, groupSeries } from '../../src/domain/checkins/progress';
import { backupJson, makeBackup, readBackup, summarise } from '../../src/domain/exports/backup';
import { checkinDocument } from '../../src/domain/exports/checkin-document';
import { checkinsCsv } from '../../src/domain/exports/checkins-csv';
import { logbookNotes } from '../../src/domain/exports/notes-document';
import { toMarkdown } from '../../src/domain/exports/markdown';
import { CHECKIN, evidenceOf, ratingOf, withEvidence, withRating, type CheckinRecord } from '../../src/domain/records/checkin';
import { conflictsOf, mergeRecords, writeRecord, type Stamp } from '../../src/domain/records/merge';
import { actionDefaults, checkinDefaults, entryDefaults, restoreCheckin } from '../../src/domain/records/restore';
import type { EntryWithActions } from '../../src/domain/records/entry';
import { openLogbook } from '../../src/storage/logbook';

const root = fileURLToPath(new URL('../..', import.meta.url));
const decks = loadDecks(`${root}content`, root);
if (!decks.ok) throw new Error(decks.errors.join('\n'));
const destinations = loadDestinations(`${root}content`, decks.decks, root);
if (!destinations.ok) throw new Error(destinations.errors.join('\n'));
const deck = decks.decks.find((d) => d.id === 'power-shifting')!;
const destination = destinations.destinations.find((d) => d.deckId === 'power-shifting')!;
const people = destination.groups.find((g) => g.id === 'people')!;

const at = (device: string, iso: string): Stamp => ({ device, now: new Date(iso) });

function checkin(fields: Partial<CheckinRecord> = {}): CheckinRecord {
  return {
    ...checkinDefaults(),
    id: 'C1',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    deleted: 0,
    deckId: 'power-shifting',
    community: 'Hulme',
    date: '2026-03-01',
    ...fields,
  };
}

describe('the check-in record', () => {
  it('fills defaults on read and keeps fields it does not know', () => {
    const raw = { id: 'C1', createdAt: '2026-03-01T10:00:00+01:00', updatedAt: '2026-03-01T09:00:00.000Z', deleted: 0, deckId: 'power-shifting', community: 'Hulme', date: '2026-03-01', mood: 'hopeful' };
    const restored = restoreCheckin(raw as unknown as CheckinRecord) as CheckinRecord & { mood?: string };
    expect(restored.statements).toEqual([]);
    expect(restored.capabilityEvidence).toEqual([]);
    expect(restored.notes).toBe('');
    expect(restored.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect(restored.mood).toBe('hopeful');
  });

  it('sets and clears ratings and evidence by id', () => {
    let c = withRating(checkin(), 'statements', 'people-1', 'starting');
    c = withRating(c, 'statements', 'people-1', 'getting-there');
    c = withEvidence(c, 'capabilities', 'cap-01', 'Monthly open meetings');
    expect(ratingOf(c, 'statements', 'people-1')).toBe('getting-there');
    expect(c.statements).toHaveLength(1);
    expect(evidenceOf(c, 'capabilities', 'cap-01')).toBe('Monthly open meetings');
    expect(evidenceOf(c, 'statements', 'cap-01')).toBe('');
    expect(withRating(c, 'statements', 'people-1', undefined).statements).toEqual([]);
    expect(withEvidence(c, 'capabilities', 'cap-01', '').capabilityEvidence).toEqual([]);
  });

  it('merges two devices’ ratings statement by statement, and a rating beside a note without a conflict', () => {
    const first = writeRecord(CHECKIN, undefined, checkin(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const a = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-1', 'starting'), at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b1 = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-2', 'how-we-work'), at('bbbbbbbb', '2026-03-01T09:02:00Z'));
    const b = writeRecord(CHECKIN, b1, withEvidence(b1, 'statements', 'people-1', 'Seen at the fair'), at('bbbbbbbb', '2026-03-01T09:03:00Z'));
    const merged = mergeRecords(CHECKIN, a, b);
    expect(mergeRecords(CHECKIN, b, a)).toEqual(merged);
    expect(ratingOf(merged, 'statements', 'people-1')).toBe('starting');
    expect(ratingOf(merged, 'statements', 'people-2')).toBe('how-we-work');
    expect(evidenceOf(merged, 'statements', 'people-1')).toBe('Seen at the fair');
    expect(conflictsOf(CHECKIN, merged)).toEqual([]);
  });

  it('keeps both ratings when two devices rate the same statement differently', () => {
    const first = writeRecord(CHECKIN, undefined, checkin(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const a = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-1', 'starting'), at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-1', 'not-yet'), at('bbbbbbbb', '2026-03-01T09:02:00Z'));
    expect(conflictsOf(CHECKIN, mergeRecords(CHECKIN, a, b))).toEqual(['statements/people-1']);
  });
});

describe('progress over time', () => {
  const march = withRating(withRating(checkin(), 'statements', 'people-1', 'not-yet'), 'statements', 'people-2', 'starting');
  const april = [
    (c: CheckinRecord) => withRating(c, 'statements', 'people-1', 'getting-there'),
    (c: CheckinRecord) => withRating(c, 'statements', 'people-2', 'how-we-work'),
    (c: CheckinRecord) => withRating(c, 'statements', 'people-3', 'not-applicable'),
    (c: CheckinRecord) => withRating(c, 'capabilities', 'cap-01', 'starting'),
  ].reduce((c, f) => f(c), checkin({ id: 'C2', date: '2026-04-01', community: ' hulme ' }));
  const elsewhere = checkin({ id: 'C3', community: 'Moss Side', date: '2026-03-15' });
  const gone = checkin({ id: 'C4', deleted: 1, date: '2026-05-01' });

  it('takes one community’s check-ins of one deck, oldest first, whatever the case and spaces', () => {
    expect(checkinsFor([april, elsewhere, gone, march], 'Hulme', 'power-shifting').map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(communitiesOf([march, april, elsewhere, gone])).toEqual(['hulme', 'Moss Side']);
  });

  it('averages each group’s scored statements, leaving out “not applicable” and unrated ones', () => {
    const series = groupSeries(destination.groups, [march, april]);
    const row = series.find((s) => s.id === 'people')!;
    expect(series).toHaveLength(8);
    expect(row.points.map((p) => [p.date, p.score, p.scored, p.of])).toEqual([
      ['2026-03-01', 0.5, 2, people.statements.length],
      ['2026-04-01', 2.5, 2, people.statements.length],
    ]);
    expect(changeOf(row)).toMatchObject({ by: 2, from: { date: '2026-03-01' }, to: { date: '2026-04-01' } });
    const unrated = series.find((s) => s.id === 'we')!;
    expect(unrated.points.map((p) => p.score)).toEqual([null, null]);
    expect(changeOf(unrated)).toBeUndefined();
  });

  it('gives each capability its rating at each check-in', () => {
    const series = capabilitySeries(deck.capabilities, [march, april]);
    expect(series).toHaveLength(10);
    expect(series[0]!.label).toBe(`1. ${deck.capabilities[0]!.heading}`);
    expect(series[0]!.points.map((p) => p.score)).toEqual([null, 1]);
  });

  it('counts actions agreed and done per capability, for a community or the whole logbook', () => {
    const entry = (id: string, capabilityNumber: number, community: string, statuses: ('planned' | 'done')[], deleted: 0 | 1 = 0): EntryWithActions => ({
      entry: { ...entryDefaults(), id, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deleted, capabilityNumber, community },
      actions: statuses.map((status, i) => ({ ...actionDefaults(), id: `${id}-${i}`, entryId: id, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deleted: 0, status })),
    });
    const items = [entry('E1', 1, 'Hulme', ['planned', 'done']), entry('E2', 1, 'Moss Side', ['done']), entry('E3', 2, 'HULME', ['done']), entry('E4', 1, 'Hulme', ['done'], 1)];
    const all = actionTallies('power-shifting', deck.capabilities, items);
    const hulme = actionTallies('power-shifting', deck.capabilities, items, 'Hulme');
    expect(all.slice(0, 2)).toEqual([{ capability: 1, agreed: 3, done: 2 }, { capability: 2, agreed: 1, done: 1 }]);
    expect(hulme.slice(0, 2)).toEqual([{ capability: 1, agreed: 2, done: 1 }, { capability: 2, agreed: 1, done: 1 }]);
    expect(all).toHaveLength(10);
  });
});

describe('a check-in as a document', () => {
  it('gives every statement verbatim with its rating and evidence, the capabilities, and the source', () => {
    const c = withEvidence(withRating(checkin({ notes: 'Next time: ask the youth club' }), 'statements', 'people-1', 'starting'), 'statements', 'people-1', '=HYPERLINK("x") <b>');
    const md = toMarkdown(checkinDocument(c, deck, destination, undefined, { name: 'Sam', at: new Date('2026-03-02T10:00:00Z') }));
    expect(md).toContain('Where are we now? Hulme');
    expect(md).toContain(`**Starting**: ${people.statements[0]!.text}`);
    expect(md).toContain(`**Not rated**: ${people.statements[1]!.text}`);
    expect(md).toContain(deck.capabilities[9]!.heading);
    expect(md).toContain(destination.about.source.title);
    expect(md).toContain('Next time: ask the youth club');
    expect(md).not.toContain('<b>');
  });
});

describe('check-ins in the logbook’s notes', () => {
  it('lists each live check-in, newest first, with how many items got each rating', () => {
    const march = withRating(withRating(checkin(), 'statements', 'people-1', 'starting'), 'statements', 'people-2', 'starting');
    const april = withRating(checkin({ id: 'C2', date: '2026-04-01', community: 'Moss Side' }), 'capabilities', 'cap-01', 'how-we-work');
    const md = toMarkdown(logbookNotes([], new Date('2026-05-01T09:00:00Z'), [march, april, checkin({ id: 'C3', community: 'Gone', deleted: 1 })]));
    expect(md).toContain('## Where are we now? Check-ins');
    expect(md.indexOf('Moss Side')).toBeLessThan(md.indexOf('Hulme'));
    expect(md).toContain('Destination statements: Starting 2');
    expect(md).toContain('Capabilities: This is how we work 1');
    expect(md).not.toContain('Gone');
  });
});

describe('check-ins as a spreadsheet', () => {
  it('has a row per item rated or noted, with the statement’s words, and no cell a spreadsheet would run', () => {
    let c = withRating(checkin({ sessionId: 'S1', community: '=cmd|calc' }), 'statements', 'people-1', 'starting');
    c = withEvidence(c, 'statements', 'people-2', '+SUM(A1:A2) said "yes"');
    c = withRating(c, 'capabilities', 'cap-10', 'how-we-work');
    const gone = checkin({ id: 'C2', deleted: 1, statements: [{ id: 'people-1', rating: 'not-yet' }] });
    const csv = checkinsCsv([c, gone], () => deck, [destination], new Map([['S1', 'Supervision 1']]));
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF"Check-in ID","Date","Community","Deck","Session","Part","Item ID","Statement or capability","Rating","Evidence"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`"C1","2026-03-01","'=cmd|calc","${deck.title}","Supervision 1","People","people-1","${people.statements[0]!.text}","Starting",""`);
    expect(lines[2]).toContain(`"${people.statements[1]!.text}","","'+SUM(A1:A2) said ""yes"""`);
    expect(lines[3]).toContain(`"Capabilities","cap-10","10. ${deck.capabilities[9]!.heading}","This is how we work"`);
  });
});

describe('check-ins in storage and backups', () => {
  it('are backed up, restored, merged and summarised, and cleared with everything else', async () => {
    const open = (name: string) => openLogbook(name, { indexedDB: new IDBFactory(), IDBKeyRange, now: () => new Date('2026-03-01T09:00:00Z'), device: 'mydevice' });
    const book = open('checkins-a');
    const made = await book.checkins.create(checkin());
    await book.checkins.change(made.id, (c) => withRating(c, 'statements', 'people-1', 'starting'));
    await book.checkins.change(made.id, (c) => withEvidence(c, 'statements', 'people-1', 'A note'));
    const removed = await book.checkins.create(checkin({ id: 'C9' }));
    await book.checkins.remove(removed.id);
    const backup = readBackup(backupJson(makeBackup(await book.backups.exportAll(), new Date(), '0.1.0')));
    if (!backup.ok) throw new Error(backup.message);
    expect(backup.backup.data.checkins.map((c) => [c.id, c.deleted])).toEqual([['C1', 0], ['C9', 1]]);
    expect(summarise(backup.backup).checkins).toBe(1);

    const other = open('checkins-b');
    const first = await other.backups.merge(backup.backup.data);
    if (!first.ok) throw new Error(first.message);
    expect(first.plan.counts.checkins).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const restored = await other.checkins.get('C1');
    expect(restored && evidenceOf(restored, 'statements', 'people-1')).toBe('A note');
    const again = await other.backups.merge(backup.backup.data);
    expect(again.ok && again.plan.counts.checkins).toEqual({ added: 0, updated: 0, unchanged: 2 });

    await other.backups.clearAll();
    expect(await other.checkins.get('C1')).toBeUndefined();
    book.close();
    other.close();
  });

  it('settles a rating given two values at once: the one chosen stands, even when it is the one shown', async () => {
    const book = openLogbook('checkins-settle', { indexedDB: new IDBFactory(), IDBKeyRange, now: () => new Date('2026-03-02T09:00:00Z'), device: 'cccccccc' });
    const first = writeRecord(CHECKIN, undefined, checkin(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const a = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-1', 'starting'), at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b = writeRecord(CHECKIN, first, withRating(first, 'statements', 'people-1', 'not-yet'), at('bbbbbbbb', '2026-03-01T09:02:00Z'));
    const imported = await book.backups.merge({ entries: [], actions: [], sessions: [], checkins: [mergeRecords(CHECKIN, a, b)] });
    expect(imported.ok).toBe(true);
    const held = (await book.checkins.get('C1'))!;
    expect(conflictsOf(CHECKIN, held)).toEqual(['statements/people-1']);
    const shown = ratingOf(held, 'statements', 'people-1')!;
    await book.checkins.change('C1', (c) => withRating(c, 'statements', 'people-1', shown), undefined, ['statements/people-1']);
    const settled = (await book.checkins.get('C1'))!;
    expect(conflictsOf(CHECKIN, settled)).toEqual([]);
    expect(ratingOf(settled, 'statements', 'people-1')).toBe(shown);
    book.close();
  });

  it('refuses a backup whose check-in is not one, naming it', () => {
    const text = backupJson(makeBackup({ entries: [], actions: [], sessions: [], checkins: [checkin({ statements: [{ id: 'people-1', rating: 'great' as never }] })] }, new Date(), '0.1.0'));
    const read = readBackup(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('check-in 1, field “statements.0.rating”');
  });
});
