import { entryDefaults, sessionDefaults } from '../../src/domain/records/restore';
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, makeBackup, readBackup, summarise, type Backup, type BackupData } from '../../src/domain/exports/backup';
import { logbookCsv } from '../../src/domain/exports/csv';
import { toMarkdown } from '../../src/domain/exports/markdown';
import { logbookNotes } from '../../src/domain/exports/notes-document';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import type { IndexItem } from '../../src/domain/logbook/filters';
import type { ActionRecord } from '../../src/domain/records/action';
import { draftOf } from '../../src/domain/logbook/compose';
import type { ImportPlan } from '../../src/domain/records/merge-plan';
import { openLogbook, type ImportResult, type Logbook } from '../../src/storage/logbook';

const CORPUS = fileURLToPath(new URL('../fixtures/hostile-imports/', import.meta.url));
const cases = JSON.parse(readFileSync(`${CORPUS}cases.json`, 'utf8')) as Record<
  string,
  { result: 'rejected'; message: string } | { result: 'sanitised'; entries: number; text?: string }
>;

let clock = new Date('2026-03-01T09:00:00Z');
let book: Logbook;
const tick = () => (clock = new Date(clock.getTime() + 60_000));

function open(name = 'backup-test', device = 'mydevice') {
  return openLogbook(name, { indexedDB: new IDBFactory(), IDBKeyRange, now: () => clock, device });
}

function planOf(result: ImportResult): ImportPlan {
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

async function seed(target: Logbook) {
  const a = await target.entries.save({
    ...emptyDraft(),
    community: 'Hulme',
    reflection: 'Reflection "quoted", with <b>tags</b>',
    tags: ['housing'],
    actions: [
      { ...emptyAction(), what: 'First', owner: 'Sam', due: '2026-04-01' },
      { ...emptyAction(), what: 'Second', status: 'done', followUp: { happened: 'It happened', learned: 'We learned' } },
    ],
  });
  tick();
  const b = await target.entries.save({ ...emptyDraft(undefined, 3), notes: 'To be deleted' });
  tick();
  await target.entries.remove(b.entry.id);
  tick();
  await target.sessions.create({
    ...sessionDefaults(),
    id: '01JC0000000000000000000001',
    createdAt: clock.toISOString(),
    updatedAt: clock.toISOString(),
    deleted: 0,
    kind: 'workshop',
    title: 'Community centre workshop',
    date: '2026-03-01',
    participants: [],
    series: '',
    status: 'ended',
    cards: [{ deckId: 'power-shifting', cardId: 'cap-02-public-1', at: clock.toISOString() }],
    cardNotes: [{ cardId: 'cap-02-public-1', text: 'The group said: invite us earlier' }],
    notes: 'Good energy',
  });
  return a;
}

const snapshot = async (target: Logbook) => JSON.stringify(await target.backups.exportAll());

function searchIndex(target: Logbook): Promise<IndexItem[]> {
  return new Promise((resolve, reject) => {
    const stop = target.entries.watchIndex((items) => {
      resolve(items);
      queueMicrotask(() => stop());
    }, reject);
  });
}

beforeEach(() => {
  clock = new Date('2026-03-01T09:00:00Z');
  book = open();
});
afterEach(() => book.close());

describe('backup round trip', () => {
  it('export → import into an empty logbook → export gives the same data', async () => {
    await seed(book);
    const first = makeBackup(await book.backups.exportAll(), clock, '0.1.0');
    const text = backupJson(first);
    const read = readBackup(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fresh = open('restored');
    const plan = planOf(await fresh.backups.merge(read.backup.data));
    expect(plan.counts.entries).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(plan.counts.actions).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(plan.counts.sessions).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const second = makeBackup(await fresh.backups.exportAll(), clock, '0.1.0');
    expect(backupJson(second)).toBe(text);
    // Search works on restored entries, action follow-ups included.
    expect((await searchIndex(fresh)).find((i) => i.community === 'Hulme')?.searchText).toContain('we learned');
    fresh.close();
  });

  it('summarises what a backup holds', async () => {
    await seed(book);
    const summary = summarise(makeBackup(await book.backups.exportAll(), clock, '0.1.0'));
    expect(summary).toMatchObject({ entries: 1, actions: 2, sessions: 1, from: '2026-03-01T09:00:00.000Z' });
  });
});

describe('merging', () => {
  it('importing the same file twice changes nothing the second time', async () => {
    await seed(book);
    const data = (readBackup(backupJson(makeBackup(await book.backups.exportAll(), clock, '0.1.0'))) as { ok: true; backup: { data: BackupData } }).backup.data;
    const before = await snapshot(book);
    const plan = planOf(await book.backups.merge(data));
    expect(plan.counts.entries).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await snapshot(book)).toBe(before);
  });

  it('keeps a change made on another device, and respects a deletion made there', async () => {
    const mine = await seed(book);
    const theirs = open('supervisee', 'theirdev');
    // The supervisee restores my backup, deletes one of my actions and writes an entry of their own.
    await theirs.backups.merge(await book.backups.exportAll());
    tick();
    const copy = (await theirs.entries.get(mine.entry.id))!;
    await theirs.entries.save({ ...draftOf(copy), actions: draftOf(copy).actions.slice(1) });
    await theirs.entries.save({ ...emptyDraft(), notes: 'Supervisee note' });
    const file = readBackup(backupJson(makeBackup(await theirs.backups.exportAll(), clock, '0.1.0')));
    if (!file.ok) throw new Error(file.message);
    const plan = planOf(await book.backups.merge(file.backup.data));
    // The entry counts as changed: one of its actions was deleted, and the other moved up.
    expect(plan.counts.entries).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.counts.actions).toEqual({ added: 0, updated: 2, unchanged: 0 });
    const after = await book.entries.get(mine.entry.id);
    expect(after?.entry.community).toBe('Hulme');
    expect(after?.actions.map((a) => a.what)).toEqual(['Second']);
    theirs.close();
  });

  it('puts an action changed elsewhere into an entry changed here, and makes it searchable', async () => {
    const mine = await seed(book);
    const theirs = open('colleague', 'colleag1');
    await theirs.backups.merge(await book.backups.exportAll());
    tick();
    // Here the entry changes; there, one of its actions.
    const here = draftOf((await book.entries.get(mine.entry.id))!);
    await book.entries.save({ ...here, community: 'Hulme and Moss Side' });
    const there = draftOf((await theirs.entries.get(mine.entry.id))!);
    await theirs.entries.save({ ...there, actions: there.actions.map((a, i) => (i === 0 ? { ...a, what: 'Renamed by a colleague' } : a)) });
    const plan = planOf(await book.backups.merge(await theirs.backups.exportAll()));
    expect(plan.counts.entries).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(plan.counts.actions).toEqual({ added: 0, updated: 1, unchanged: 1 });
    const after = await book.entries.get(mine.entry.id);
    expect(after?.entry.community).toBe('Hulme and Moss Side');
    expect(after?.actions.map((a) => a.what)).toEqual(['Renamed by a colleague', 'Second']);
    expect((await searchIndex(book)).find((i) => i.id === mine.entry.id)?.searchText).toContain('renamed by a colleague');
    theirs.close();
  });

  it('a dry run says what would change and writes nothing', async () => {
    const other = open('other');
    await seed(other);
    const data = await other.backups.exportAll();
    const before = await snapshot(book);
    const plan = planOf(await book.backups.merge(data, { dryRun: true }));
    expect(plan.counts.entries.added).toBe(2);
    expect(await snapshot(book)).toBe(before);
    other.close();
  });
});

describe('hostile and broken backup files', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'cases.json');

  it('has a corpus of at least 30 files, each with an expected outcome', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(cases).sort()).toEqual(files.sort());
  });

  for (const file of files) {
    it(`${file}: ${cases[file]!.result}`, async () => {
      await seed(book);
      const before = await snapshot(book);
      const expected = cases[file]!;
      const read = readBackup(readFileSync(`${CORPUS}${file}`, 'utf8'));
      if (expected.result === 'rejected') {
        expect(read.ok).toBe(false);
        if (!read.ok) {
          expect(read.message).toContain(expected.message);
          expect(read.message).toMatch(/nothing was imported|not imported|Nothing was imported/i);
        }
        expect(await snapshot(book)).toBe(before);
      } else {
        expect(read.ok, read.ok ? '' : read.message).toBe(true);
        if (!read.ok) return;
        const fresh = open(`sanitised-${file}`);
        await fresh.backups.merge(read.backup.data);
        const stored = await fresh.backups.exportAll();
        expect(stored.entries.filter((e) => e.deleted === 0)).toHaveLength(expected.entries);
        if (expected.text) {
          const texts = stored.entries.flatMap((e) => [e.community, e.reflection, e.notes, e.card?.text ?? '']);
          expect(texts).toContain(expected.text);
        }
        for (const record of [...stored.entries, ...stored.actions]) {
          expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
          expect(Object.keys(record)).not.toContain('__proto__');
          expect(Object.keys(record)).not.toContain('constructor');
        }
        for (const e of stored.entries) expect(Object.keys(e)).not.toContain('searchText');
        for (const i of await searchIndex(fresh)) expect(i.searchText).not.toContain('forged');
        fresh.close();
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('rejects a file over the size limit before reading it', () => {
    const huge = 'x'.repeat(256 * 1024 * 1024 + 1);
    const read = readBackup(huge);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('larger than 256 MB');
  });

  it('writes every object’s keys in order, whatever order they were made in', () => {
    const backup = makeBackup({ entries: [], actions: [], sessions: [], checkins: [] }, clock, '0.1.0');
    const odd = { updatedAt: 'x', id: 'a', followUp: { learned: 'l', happened: 'h' } } as unknown as ActionRecord;
    const text = backupJson({ ...backup, data: { sessions: [], checkins: [], actions: [odd], entries: [] } });
    const keys = [...text.matchAll(/^ *"(\w+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(['app', 'name', 'version', 'data', 'actions', 'followUp', 'happened', 'learned', 'id', 'updatedAt', 'checkins', 'entries', 'sessions', 'exportedAt', 'format', 'version']);
    expect(text.endsWith('}\n')).toBe(true);
    // A key named __proto__ (JSON.parse makes one) is written as a key, not taken as a prototype.
    const proto = JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": 2}') as ActionRecord;
    expect(JSON.parse(backupJson({ ...backup, data: { sessions: [], checkins: [], actions: [proto], entries: [] } })).data.actions[0]).toEqual(proto);
  });
});

describe('backups made by earlier releases and by later ones', () => {
  const RELEASE = readFileSync(fileURLToPath(new URL('../fixtures/backup-release-0.1.0.json', import.meta.url)), 'utf8');

  it('restores a backup made by release 0.1.0 unchanged: every field as it was, later fields at their defaults', async () => {
    const read = readBackup(RELEASE);
    if (!read.ok) throw new Error(read.message);
    const fresh = open('release');
    planOf(await fresh.backups.merge(read.backup.data));
    const again = makeBackup(await fresh.backups.exportAll(), new Date(read.backup.exportedAt), read.backup.app.version);
    const original = JSON.parse(RELEASE).data as Record<'entries' | 'actions' | 'sessions', Record<string, unknown>[]>;
    const restored = JSON.parse(backupJson(again)).data as typeof original;
    const defaults = { sessions: sessionDefaults() as Record<string, unknown>, entries: entryDefaults() as Record<string, unknown>, actions: {} };
    for (const table of ['entries', 'actions', 'sessions'] as const) {
      expect(restored[table].map((r) => r.id)).toEqual(original[table].map((r) => r.id));
      restored[table].forEach((record, i) => {
        const before = original[table][i]!;
        // What the release wrote is there, value for value; fields added since have their defaults.
        expect(record).toEqual({ ...defaults[table], ...before });
      });
    }
    // A backup made now restores to exactly itself.
    const copy = open('release-copy');
    planOf(await copy.backups.merge((readBackup(backupJson(again)) as { ok: true; backup: Backup }).backup.data));
    expect(backupJson(makeBackup(await copy.backups.exportAll(), new Date(read.backup.exportedAt), '0.1.0'))).toBe(backupJson(again));
    copy.close();
    // Importing it a second time changes nothing.
    const twice = planOf(await fresh.backups.merge(read.backup.data));
    expect(twice.counts.entries.added + twice.counts.entries.updated + twice.counts.actions.updated + twice.counts.sessions.updated).toBe(0);
    fresh.close();
  });

  it('keeps fields and record types a newer version wrote, through a restore and a new backup', async () => {
    const json = JSON.parse(RELEASE);
    json.data.entries[0].mood = 'hopeful';
    json.data.entries[0].card = { ...(json.data.entries[0].card ?? {}), deckId: 'power-shifting', cardId: 'x', capabilityNumber: 1, capabilityHeading: 'h', groupId: 'g', groupName: 'G', text: 't', colour: 'teal' };
    json.data.actions[0].effort = { hours: 3 };
    json.data.sessions[0].room = 'Library';
    json.data.moods = [{ id: '01K0MOOD00000000000000001', createdAt: '2026-09-02T09:00:00.000Z', updatedAt: '2026-09-02T09:00:00.000Z', deleted: 0, mood: 'hopeful' }];
    const read = readBackup(JSON.stringify(json));
    if (!read.ok) throw new Error(read.message);
    const fresh = open('newer');
    planOf(await fresh.backups.merge(read.backup.data));
    const out = JSON.parse(backupJson(makeBackup(await fresh.backups.exportAll(), clock, '0.1.0')));
    const entry = out.data.entries.find((e: { id: string }) => e.id === json.data.entries[0].id);
    expect(entry.mood).toBe('hopeful');
    expect(entry.card.colour).toBe('teal');
    expect(out.data.actions.find((a: { id: string }) => a.id === json.data.actions[0].id).effort).toEqual({ hours: 3 });
    expect(out.data.sessions[0].room).toBe('Library');
    expect(out.data.moods).toEqual(json.data.moods);
    fresh.close();
  });

  it('imports and exports records that lack fields this version has, filling their defaults', async () => {
    const json = JSON.parse(RELEASE);
    const drop = (records: Record<string, unknown>[], keys: string[]) => records.forEach((r) => keys.forEach((k) => delete r[k]));
    drop(json.data.entries, ['tags', 'notes', 'community']);
    drop(json.data.actions, ['followUp', 'owner', 'order', 'status']);
    drop(json.data.sessions, ['cardNotes', 'participants']);
    const read = readBackup(JSON.stringify(json));
    if (!read.ok) throw new Error(read.message);
    const fresh = open('older');
    planOf(await fresh.backups.merge(read.backup.data));
    const items = await fresh.entries.live();
    expect(items.every((i) => Array.isArray(i.entry.tags) && i.entry.notes === '')).toBe(true);
    expect(items.flatMap((i) => i.actions).every((a) => a.followUp.happened === '' && a.status === 'planned')).toBe(true);
    // Every export can be made from them.
    const sessions = await fresh.sessions.all();
    expect(logbookCsv(items, new Map(sessions.map((s) => [s.id, s]))).join('')).toContain('Entry ID');
    expect(toMarkdown(logbookNotes(items, clock))).toContain('# Power Shifting logbook');
    const chunks: Uint8Array[] = [];
    await fresh.writeCsv((bytes) => chunks.push(bytes));
    expect(Buffer.concat(chunks).toString('utf8')).toContain('Draft terms for a resident panel');
    fresh.close();
  });
});

describe('imports that would damage the logbook', () => {
  it('refuses a backup that puts an existing action under another entry, and changes nothing', async () => {
    const mine = await seed(book);
    const data = await book.backups.exportAll();
    const other = data.entries.find((e) => e.id !== mine.entry.id)!;
    const moved = { ...mine.actions[0]!, entryId: other.id, what: 'Moved' };
    const before = await snapshot(book);
    const result = await book.backups.merge({ entries: [other], actions: [moved], sessions: [], checkins: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/under a different entry.*Nothing was imported/);
    expect(await snapshot(book)).toBe(before);
    // And every backup made afterwards reads back.
    expect(readBackup(backupJson(makeBackup(await book.backups.exportAll(), clock, '0.1.0'))).ok).toBe(true);
  });

  it('gives the same logbook whichever order two backups are imported in, even with equal times', async () => {
    const one = JSON.parse(readFileSync(`${CORPUS}30-missing-optional-fields.json`, 'utf8'));
    const two = structuredClone(one);
    two.data.entries[0].reflection = 'The other version, saved in the same millisecond';
    const a = readBackup(JSON.stringify(one));
    const b = readBackup(JSON.stringify(two));
    if (!a.ok || !b.ok) throw new Error('fixtures');
    const first = open('order-ab');
    const second = open('order-ba');
    await first.backups.merge(a.backup.data);
    await first.backups.merge(b.backup.data);
    await second.backups.merge(b.backup.data);
    await second.backups.merge(a.backup.data);
    const file = async (target: Logbook) => backupJson(makeBackup(await target.backups.exportAll(), clock, '0.1.0'));
    expect(await file(first)).toBe(await file(second));
    first.close();
    second.close();
  });

  it('compares times as instants: a version saved earlier loses, whatever offset its time was written with', async () => {
    const base = JSON.parse(readFileSync(`${CORPUS}38-offset-timestamps.json`, 'utf8'));
    // +14:00: this is 19:00 on 1 March in UTC, five hours before the other version.
    const older = structuredClone(base);
    older.data.entries[0].updatedAt = '2026-03-02T09:00:00+14:00';
    older.data.entries[0].reflection = 'older';
    const newer = structuredClone(base);
    newer.data.entries[0].updatedAt = '2026-03-02T00:00:00Z';
    newer.data.entries[0].reflection = 'newer';
    for (const order of [[older, newer], [newer, older]]) {
      const target = open(`instants-${order[0] === older ? 'a' : 'b'}`);
      for (const file of order) {
        const read = readBackup(JSON.stringify(file));
        if (!read.ok) throw new Error(read.message);
        await target.backups.merge(read.backup.data);
      }
      expect((await target.entries.live())[0]!.entry.reflection).toBe('newer');
      target.close();
    }
  });

  it('says every refusal in plain English, never in the validator’s words', () => {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'cases.json')) {
      const read = readBackup(readFileSync(`${CORPUS}${file}`, 'utf8'));
      if (read.ok) continue;
      expect(read.message, file).not.toMatch(/Invalid|Expected|Received|undefined|\[object/);
      expect(read.message, file).toMatch(/\.$/);
    }
  });
});
