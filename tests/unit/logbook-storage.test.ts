import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAction, emptyDraft, type EntryDraft } from '../../src/domain/logbook/drafts';
import { matches, NO_FILTER, type OpenActionsPage } from '../../src/domain/logbook/filters';
import type { ActionRecord } from '../../src/domain/records/action';
import type { EntryWithActions } from '../../src/domain/records/entry';
import { entryDefaults } from '../../src/domain/records/restore';
import { openLogbook, type Logbook } from '../../src/storage/logbook';
import { StorageProblem } from '../../src/storage/storage-problem';
import { v1Database, V1_RECORDS, writeRawDatabase } from '../fixtures/db-v1';

const CARD = {
  deckId: 'power-shifting',
  cardId: 'cap-02-public-2',
  capabilityNumber: 2,
  capabilityHeading: 'We build trust and work in partnership with our communities',
  groupId: 'public',
  groupName: 'Public service leaders',
  text: 'Set up a resident panel to contribute to and advise on commissioning discussions and decisions.',
};

let factory: IDBFactory;
let logbook: Logbook;
let clock = new Date('2026-03-01T09:00:00Z');

function open(options: Parameters<typeof openLogbook>[1] = {}) {
  return openLogbook('test-logbook', { indexedDB: factory, IDBKeyRange, now: () => clock, device: 'testdev1', ...options });
}

function draftWith(changes: Partial<EntryDraft>): EntryDraft {
  return { ...emptyDraft(CARD), ...changes };
}

function nextTick(ms = 1000) {
  clock = new Date(clock.getTime() + ms);
}

beforeEach(() => {
  factory = new IDBFactory();
  clock = new Date('2026-03-01T09:00:00Z');
  logbook = open();
});

afterEach(() => logbook.close());

describe('saving entries', () => {
  it('creates an entry with its actions, with ULIDs, timestamps and no tombstone', async () => {
    const saved = await logbook.entries.save(
      draftWith({
        community: '  Older people in Hulme ',
        reflection: 'We ask but rarely act on it.',
        tags: ['panels'],
        actions: [
          { ...emptyAction(), what: 'Draft panel terms', owner: 'Sam', due: '2026-03-15' },
          { ...emptyAction(), what: 'Book the library room', status: 'doing' },
          emptyAction(),
        ],
      }),
    );
    expect(saved.entry.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(saved.entry.community).toBe('Older people in Hulme');
    expect(saved.entry.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect(saved.entry.deleted).toBe(0);
    expect(saved.actions.map((a) => a.what)).toEqual(['Draft panel terms', 'Book the library room']);
    expect(saved.actions.every((a) => a.entryId === saved.entry.id)).toBe(true);
    const loaded = await logbook.entries.get(saved.entry.id);
    expect(loaded).toEqual(saved);
  });

  it('edits an entry in place: same id and createdAt, newer updatedAt, removed actions tombstoned', async () => {
    const first = await logbook.entries.save(
      draftWith({
        reflection: 'first',
        actions: [
          { ...emptyAction(), what: 'Keep me' },
          { ...emptyAction(), what: 'Remove me' },
        ],
      }),
    );
    nextTick();
    const keep = first.actions[0]!;
    const second = await logbook.entries.save(
      draftWith({
        id: first.entry.id,
        reflection: 'second',
        actions: [{ id: keep.id, what: 'Keep me', owner: '', due: '', status: 'planned', followUp: { happened: '', learned: '' } }],
      }),
    );
    expect(second.entry.id).toBe(first.entry.id);
    expect(second.entry.createdAt).toBe(first.entry.createdAt);
    expect(second.entry.updatedAt > first.entry.updatedAt).toBe(true);
    expect(second.actions).toHaveLength(1);
    // An unchanged action keeps its updatedAt, so a later merge does not think it changed.
    expect(second.actions[0]!.updatedAt).toBe(keep.updatedAt);
    expect((await logbook.entries.get(first.entry.id))!.actions.map((a) => a.what)).toEqual(['Keep me']);
    const backup = await rawActions(first.entry.id);
    expect(backup.find((a) => a.what === 'Remove me')).toMatchObject({ deleted: 1, updatedAt: second.entry.updatedAt });
  });

  it('deletes with a tombstone and undoes exactly that delete', async () => {
    const saved = await logbook.entries.save(
      draftWith({ reflection: 'x', actions: [{ ...emptyAction(), what: 'a' }, { ...emptyAction(), what: 'b' }] }),
    );
    // An action removed earlier must stay removed after undo.
    nextTick();
    await logbook.entries.save(draftWith({ id: saved.entry.id, reflection: 'x', actions: [{ ...saved.actions[0]!, followUp: { happened: '', learned: '' } }] }));
    nextTick();
    const undo = await logbook.entries.remove(saved.entry.id);
    expect(undo.actionIds).toEqual([saved.actions[0]!.id]);
    const tombstone = await logbook.entries.get(saved.entry.id);
    expect(tombstone?.entry.deleted).toBe(1);
    expect(await live()).toEqual([]);
    nextTick();
    await logbook.entries.undoRemove(undo);
    const back = await live();
    expect(back).toHaveLength(1);
    expect(back[0]!.actions.map((a) => a.what)).toEqual(['a']);
  });

  it('rolls back the whole save when one record cannot be written', async () => {
    const bad = draftWith({
      reflection: 'should not be saved',
      actions: [{ ...emptyAction(), what: 'fine' }, { ...emptyAction(), what: 'broken', due: (() => 'x') as unknown as string }],
    });
    await expect(logbook.entries.save(bad)).rejects.toBeInstanceOf(StorageProblem);
    expect(await rawCount('entries')).toBe(0);
  });

  it('marks an action done with a follow-up and keeps it searchable', async () => {
    const saved = await logbook.entries.save(draftWith({ actions: [{ ...emptyAction(), what: 'Walkabout' }] }));
    nextTick();
    await logbook.entries.updateAction(saved.actions[0]!, {
      status: 'done',
      followUp: { happened: 'Went with six residents', learned: 'Bus stops matter more than we thought' },
    });
    const after = (await logbook.entries.get(saved.entry.id))!;
    expect(after.actions[0]).toMatchObject({ status: 'done', followUp: { happened: 'Went with six residents' } });
    expect(matches(after, { ...NO_FILTER, query: 'bus stops matter' })).toBe(true);
    expect(after.entry.updatedAt).toBe(clock.toISOString());
  });
});

describe('finding entries', () => {
  it('filters by capability, group, status, tag, date and words of the text', async () => {
    await logbook.entries.save(draftWith({ community: 'Hulme', tags: ['Housing'], actions: [{ ...emptyAction(), what: 'Call Jo', status: 'done' }] }));
    nextTick(86_400_000 * 3);
    await logbook.entries.save({ ...emptyDraft(undefined, 7), notes: 'A free note about networks', tags: ['networks'] });
    const items = await live();
    const find = (filter: Partial<typeof NO_FILTER> & Record<string, unknown>) =>
      items.filter((i) => matches(i, { ...NO_FILTER, ...filter })).map((i) => i.entry.community || i.entry.notes);
    expect(find({})).toHaveLength(2);
    expect(find({ capability: 2 })).toEqual(['Hulme']);
    expect(find({ capability: 7 })).toEqual(['A free note about networks']);
    expect(find({ group: 'public' })).toEqual(['Hulme']);
    expect(find({ status: 'done' })).toEqual(['Hulme']);
    expect(find({ status: 'planned' })).toEqual([]);
    expect(find({ tag: 'housing' })).toEqual(['Hulme']);
    expect(find({ from: '2026-03-02' })).toEqual(['A free note about networks']);
    expect(find({ to: '2026-03-01' })).toEqual(['Hulme']);
    expect(find({ query: 'RESIDENT panel' })).toEqual(['Hulme']);
    expect(find({ query: 'jo hulme' })).toEqual(['Hulme']);
    expect(find({ query: 'networks free' })).toEqual(['A free note about networks']);
    expect(find({ query: 'nothing like this' })).toEqual([]);
  });

  it('tells every watcher about a change (as another tab would see it)', async () => {
    const other = open();
    const seen: number[] = [];
    const stop = other.entries.watchRecent(100, (items) => seen.push(items.length), (p) => {
      throw p;
    });
    await waitFor(() => seen.length > 0);
    await logbook.entries.save(draftWith({ reflection: 'hello' }));
    await waitFor(() => seen.at(-1) === 1);
    stop();
    other.close();
  });
});

describe('drafts and settings', () => {
  it('keeps one draft per tab and thing being written, until that one is deleted', async () => {
    await logbook.drafts.put('tab-a', 'new:card:cap-02-public-2', draftWith({ reflection: 'typing…' }));
    await logbook.drafts.put('tab-a', 'new:card:cap-02-public-2', draftWith({ reflection: 'typing more…' }));
    await logbook.drafts.put('tab-b', 'new:card:cap-02-public-2', draftWith({ reflection: 'another tab' }));
    expect(((await logbook.drafts.get('tab-a|new:card:cap-02-public-2'))?.value as EntryDraft).reflection).toBe('typing more…');
    expect((await logbook.drafts.of('new:card:cap-02-public-2')).map((d) => d.tab).sort()).toEqual(['tab-a', 'tab-b']);
    await logbook.drafts.remove('tab-a|new:card:cap-02-public-2');
    expect(await logbook.drafts.get('tab-a|new:card:cap-02-public-2')).toBeUndefined();
    // The other tab's draft of the same card is untouched.
    expect(((await logbook.drafts.get('tab-b|new:card:cap-02-public-2'))?.value as EntryDraft).reflection).toBe('another tab');
    const moved = await logbook.drafts.move('tab-b|new:card:cap-02-public-2', 'tab-c', 'new:card:cap-02-public-2');
    expect(moved?.key).toBe('tab-c|new:card:cap-02-public-2');
    expect(await logbook.drafts.get('tab-b|new:card:cap-02-public-2')).toBeUndefined();
    await logbook.meta.set('persistRequested', true);
    expect(await logbook.meta.get<boolean>('persistRequested')).toBe(true);
  });
});

describe('schema', () => {
  it('opens a database written by the first released schema and keeps every record', async () => {
    logbook.close();
    factory = new IDBFactory();
    await writeRawDatabase(v1Database('test-logbook'), factory);
    logbook = open();
    const items = await live();
    expect(items).toHaveLength(1);
    const { searchText: _dropped, ...entry } = V1_RECORDS.entries[0]!;
    // Every field as stored, and those added since at their defaults.
    expect(items[0]!.entry).toEqual({ ...entryDefaults(), ...entry });
    expect(items[0]!.actions).toEqual(V1_RECORDS.actions);
    expect((await logbook.entries.get(V1_RECORDS.entries[1]!.id))?.entry.deleted).toBe(1);
    // A draft from before tabs were told apart is kept, as a closed tab's.
    expect(((await logbook.drafts.get('earlier|new:free'))?.value as EntryDraft).reflection).toBe('I was writing this when');
    // And it can still be written to.
    const saved = await logbook.entries.save(draftWith({ id: V1_RECORDS.entries[0]!.id, reflection: 'edited', community: 'Moss Side tenants' }));
    expect(saved.entry.createdAt).toBe(V1_RECORDS.entries[0]!.createdAt);
  });

  it('says when opening rewrites the records of an older database, and not for a new one', async () => {
    logbook.close();
    factory = new IDBFactory();
    let told = 0;
    const fresh = open({ onUpgrading: () => told++ });
    await fresh.open();
    expect(told).toBe(0);
    fresh.close();
    factory = new IDBFactory();
    await writeRawDatabase(v1Database('test-logbook'), factory);
    logbook = open({ onUpgrading: () => told++ });
    await logbook.open();
    expect(told).toBeGreaterThan(0);
    expect(await live()).toHaveLength(1);
  });

  it('moves each action into its entry, and brings an action whose entry is missing back as a note of its own', async () => {
    logbook.close();
    factory = new IDBFactory();
    const orphan = { ...V1_RECORDS.actions[0]!, id: '01JA0000000000000000000009', entryId: '01JA000000000000000000000X' };
    await writeRawDatabase(v1Database('test-logbook', { actions: [orphan] }), factory);
    logbook = open();
    const items = await live();
    expect(items.find((i) => i.entry.id === V1_RECORDS.entries[0]!.id)!.actions).toEqual(V1_RECORDS.actions);
    expect(await rawActions(V1_RECORDS.entries[0]!.id)).toEqual(V1_RECORDS.actions);
    expect(await rawActions(V1_RECORDS.entries[1]!.id)).toEqual([]);
    const recovered = items.find((i) => i.entry.id === orphan.entryId)!;
    expect(recovered.entry.notes).toContain('Recovered');
    expect(recovered.actions).toEqual([orphan]);
    expect(await logbook.meta.get('orphanedActions')).toBeUndefined();
    // And so it is in a backup.
    expect((await logbook.backups.exportAll()).actions.map((a) => a.id)).toContain(orphan.id);
    expect(await rawStores()).not.toContain('actions');
  });

  it('gives an action id used under two entries (as an earlier version could) an id of its own, losing neither', async () => {
    logbook.close();
    factory = new IDBFactory();
    // The released version 5 schema, with one action id stored under two entries.
    const v5 = new Dexie('test-logbook', { indexedDB: factory, IDBKeyRange });
    v5.version(5).stores({ entries: 'id, createdAt, updatedAt, deleted, sessionId, *openActions', drafts: 'key', meta: 'key', sessions: 'id, date, series, updatedAt, deleted' });
    const [first, second] = V1_RECORDS.entries.map(({ searchText: _s, ...e }) => e);
    const action = V1_RECORDS.actions[0]!;
    await v5.table('entries').bulkPut([
      { ...first, actions: [action], openActions: [] },
      { ...second, deleted: 0, actions: [{ ...action, entryId: second!.id, what: 'The second copy' }], openActions: [] },
    ]);
    v5.close();
    logbook = open();
    const data = await logbook.backups.exportAll();
    const copies = data.actions.filter((a) => a.what === 'The second copy' || a.id === V1_RECORDS.actions[0]!.id);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((a) => a.id)).size).toBe(2);
    expect(new Set(data.actions.map((a) => a.id)).size).toBe(data.actions.length);
  });
});

describe('the open actions index', () => {
  const action = (what: string, due = '', status: ActionRecord['status'] = 'planned') => ({ ...emptyAction(), what, due, status });

  it('pages open actions across entries in due order, with counts over the whole logbook', async () => {
    await logbook.entries.save(draftWith({ actions: [action('Late A', '2026-01-10'), action('No date A'), action('Done A', '2026-01-01', 'done')] }));
    nextTick();
    await logbook.entries.save(draftWith({ actions: [action('Soon B', '2026-04-01'), action('Late B', '2026-02-01')] }));
    nextTick();
    const gone = await logbook.entries.save(draftWith({ actions: [action('Deleted entry', '2026-01-01')] }));
    await logbook.entries.remove(gone.entry.id);

    const page = await openActions(2, '2026-03-01');
    expect(page.items.map((i) => i.action.what)).toEqual(['Late A', 'Late B']);
    expect(page.items[1]!.entry.id).toBe(page.items[1]!.action.entryId);
    expect(page).toMatchObject({ total: 4, overdue: 2, dated: 3 });
    expect((await openActions(10, '2026-03-01')).items.map((i) => i.action.what)).toEqual(['Late A', 'Late B', 'Soon B', 'No date A']);
    // The index is storage's own: it never reaches the app or a backup.
    expect(Object.keys(page.items[0]!.entry)).not.toContain('openActions');
    expect((await logbook.backups.exportAll()).entries.every((e) => !('openActions' in e) && !('actionIds' in e))).toBe(true);
  });

  it('follows an action marked done, a deleted entry and its undo', async () => {
    const saved = await logbook.entries.save(draftWith({ actions: [action('One', '2026-01-10'), action('Two')] }));
    await logbook.entries.updateAction(saved.actions[0]!, { status: 'done' });
    expect(await openActions(10, '2026-03-01')).toMatchObject({ total: 1, overdue: 0, dated: 0 });
    const undo = await logbook.entries.remove(saved.entry.id);
    expect((await openActions(10, '2026-03-01')).total).toBe(0);
    await logbook.entries.undoRemove(undo);
    expect((await openActions(10, '2026-03-01')).items.map((i) => i.action.what)).toEqual(['Two']);
  });

  it('indexes every entry of a big logbook when upgrading, batch after batch', async () => {
    logbook.close();
    factory = new IDBFactory();
    const ids = Array.from({ length: 4500 }, (_, i) => `01JB${String(i).padStart(22, '0')}`);
    const entries = ids.map((id) => ({ ...V1_RECORDS.entries[0]!, id }));
    const actions = ids.map((id, i) => ({ ...V1_RECORDS.actions[0]!, id: `01JC${String(i).padStart(22, '0')}`, entryId: id, due: i === 4499 ? '2020-01-01' : '' }));
    await writeRawDatabase(v1Database('test-logbook', { entries, actions }), factory);
    logbook = open();
    const page = await openActions(1, '2026-03-01');
    expect(page.total).toBe(4501);
    expect(page.items[0]!.action.entryId).toBe(ids[4499]);
  });

  it('indexes a merged backup and a database from the first release', async () => {
    logbook.close();
    factory = new IDBFactory();
    await writeRawDatabase(v1Database('test-logbook'), factory);
    logbook = open();
    const open1 = V1_RECORDS.actions.filter((a) => a.status === 'planned' || a.status === 'doing');
    expect((await openActions(10, '2026-03-01')).total).toBe(open1.length);
    const data = await logbook.backups.exportAll();
    const other = openLogbook('other', { indexedDB: factory, IDBKeyRange, now: () => clock });
    await other.backups.merge(data);
    const page = await new Promise<OpenActionsPage>((resolve, reject) => {
      const stop = other.entries.watchOpenActions(10, '2026-03-01', (value) => (resolve(value), queueMicrotask(() => stop())), reject);
    });
    expect(page.items.map((i) => i.action.id)).toEqual(open1.map((a) => a.id));
    other.close();
  });
});

describe('problems from other tabs', () => {
  it('steps aside and reports it when a newer version opens the database elsewhere', async () => {
    const problems: string[] = [];
    logbook.close();
    logbook = open({ onProblem: (p) => problems.push(p.kind) });
    await logbook.open();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('test-logbook', 1000);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(problems).toEqual(['version']);
    await expect(logbook.entries.save(draftWith({ reflection: 'after' }))).rejects.toMatchObject({ kind: expect.stringMatching(/version/) });
  });

  it('reports when an old tab blocks the upgrade, then carries on when it closes', async () => {
    logbook.close();
    factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('test-logbook', 5);
      request.onupgradeneeded = () => request.result.createObjectStore('entries', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
    });
    const problems: string[] = [];
    logbook = open({ onProblem: (p) => problems.push(p.kind) });
    const opening = logbook.open();
    await waitFor(() => problems.length > 0);
    expect(problems).toEqual(['blocked']);
    old.close();
    await opening;
    expect(await live()).toEqual([]);
  });
});

function openActions(limit: number, day: string): Promise<OpenActionsPage> {
  return new Promise((resolve, reject) => {
    const stop = logbook.entries.watchOpenActions(
      limit,
      day,
      (page) => {
        resolve(page);
        queueMicrotask(() => stop());
      },
      reject,
    );
  });
}

async function live(): Promise<EntryWithActions[]> {
  return await logbook.entries.live();
}

function rawRequest<T>(run: (db: IDBDatabase) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = factory.open('test-logbook');
    open.onsuccess = () => {
      const request = run(open.result);
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  });
}

function rawStores(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = factory.open('test-logbook');
    open.onsuccess = () => {
      resolve([...open.result.objectStoreNames]);
      open.result.close();
    };
    open.onerror = () => reject(open.error);
  });
}

function rawCount(store: string): Promise<number> {
  return rawRequest((db) => db.transaction(store).objectStore(store).count());
}

async function rawActions(entryId: string): Promise<ActionRecord[]> {
  const stored = await rawRequest<{ actions: ActionRecord[] }>((db) => db.transaction('entries').objectStore('entries').get(entryId));
  return stored.actions;
}

async function waitFor(condition: () => boolean, timeout = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
