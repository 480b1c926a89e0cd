import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { backupDataOf } from '../../src/domain/exports/backup';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import { ACTION } from '../../src/domain/records/action';
import { ENTRY } from '../../src/domain/records/entry';
import { CHECKIN } from '../../src/domain/records/checkin';
import { TRACKED_FIELDS, type StoredKind } from '../../src/domain/records/kind';
import { writeRecord, type Versioned } from '../../src/domain/records/merge';
import { OWN_DECK } from '../../src/domain/records/own-deck';
import { registerKind } from '../../src/domain/records/registry';
import { checkinDefaults } from '../../src/domain/records/restore';
import { openLogbook, type Logbook, type StoredSpace } from '../../src/storage/logbook';

let logbook: Logbook;
let clock = new Date('2026-03-01T09:00:00Z');

beforeEach(() => {
  logbook = openLogbook('spaces-test', { indexedDB: new IDBFactory(), IDBKeyRange, now: () => clock, device: 'testdev1' });
});
afterEach(() => logbook.close());

const space = (id: string): StoredSpace => ({
  id,
  kind: 'team',
  name: 'Levenshulme team',
  membership: {
    server: 'http://127.0.0.1:1',
    spaceId: id,
    memberId: 'm'.repeat(22),
    token: 't'.repeat(43),
    role: 'owner',
    key: { epoch: 1, raw: new Uint8Array(32).fill(1) },
    memberKeys: { publicKey: 'p', privateKey: {} as CryptoKey },
  },
  joinedAt: '2026-03-01T09:00:00.000Z',
  state: 'active',
});

describe('the spaces store', () => {
  it('keeps memberships and each space’s document, and forgets both together', async () => {
    await logbook.spaces.put(space('S1'));
    await logbook.spaces.saveDoc('S1', new Uint8Array([1, 2, 3]));
    await logbook.spaces.update('S1', { lastSyncedAt: '2026-03-01T10:00:00.000Z' });
    expect((await logbook.spaces.list()).map((s) => [s.id, s.lastSyncedAt, s.membership.key.raw[0]])).toEqual([['S1', '2026-03-01T10:00:00.000Z', 1]]);
    expect([...((await logbook.spaces.loadDoc('S1')) ?? [])]).toEqual([1, 2, 3]);
    await logbook.spaces.forget('S1');
    expect(await logbook.spaces.list()).toEqual([]);
    expect(await logbook.spaces.loadDoc('S1')).toBeUndefined();
  });

  it('gives the records changed since a time, with every action, and says when entries change', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    // Opening a database tells every listener that everything may have changed: that is not what is tested.
    await logbook.open();
    await settle();
    let told = 0;
    const stop = logbook.spaces.onRecordsChanged(() => told++);
    await logbook.meta.set('unrelated', 1);
    await settle();
    expect(told).toBe(0);
    const first = await logbook.entries.save({ ...emptyDraft(), notes: 'first' });
    await settle();
    expect(told).toBeGreaterThan(0);
    told = 0;
    clock = new Date('2026-03-02T09:00:00Z');
    await logbook.entries.save({ ...emptyDraft(), notes: 'second' });
    await settle();
    expect(told).toBeGreaterThan(0);
    stop();
    expect((await logbook.spaces.records()).entries).toHaveLength(2);
    const since = await logbook.spaces.records('2026-03-02T00:00:00.000Z');
    expect(since.entries.map((p) => p.entry.notes)).toEqual(['second']);
    expect((await logbook.spaces.entries([first.entry.id, 'missing'])).map((p) => p.entry.id)).toEqual([first.entry.id]);
  });

  it('gives every registered kind: check-ins and own decks from their tables, a kind kept only by a backup from beside the logbook', async () => {
    const kind: StoredKind = {
      noun: 'storage-test-tally',
      plural: 'tallies',
      list: 'storageTestTallies',
      fixed: TRACKED_FIELDS,
      schema: v.object({ id: v.string(), createdAt: v.string(), updatedAt: v.string(), deleted: v.picklist([0, 1]), count: v.optional(v.number(), 7) }),
    };
    registerKind(kind);
    const stamp = (iso: string) => ({ device: 'testdev1', now: new Date(iso) });
    const at = (iso: string) => ({ createdAt: iso, updatedAt: iso, deleted: 0 as const });
    const early = '2026-03-01T09:00:00.000Z';
    const late = '2026-03-05T09:00:00.000Z';
    const checkin = (id: string, iso: string) =>
      writeRecord(CHECKIN, undefined, { ...checkinDefaults(), id, ...at(iso), deckId: 'power-shifting', community: 'Levenshulme', date: '2026-03-01' }, stamp(iso));
    const deck = writeRecord(OWN_DECK, undefined, { id: 'D1', ...at(early), title: 'Our deck', sectionName: 'Section', summary: '', sections: [], cards: [] }, stamp(early));
    const tallies: Versioned[] = [{ id: 'T1', ...at(early) }, { id: 'T2', ...at(late) }];
    await logbook.open();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    await settle();
    let told = 0;
    const stop = logbook.spaces.onRecordsChanged(() => told++);
    const merged = await logbook.backups.merge(backupDataOf({ checkins: [checkin('C1', early), checkin('C2', late)], decks: [deck], storageTestTallies: tallies }));
    expect(merged.ok).toBe(true);
    await settle();
    stop();
    expect(told).toBeGreaterThan(0);
    const all = await logbook.spaces.records();
    expect(all.lists.checkins?.map((r) => r.id).sort()).toEqual(['C1', 'C2']);
    expect(all.lists.decks?.map((r) => r.id)).toEqual(['D1']);
    // Read through the kind's own schema: its default filled in.
    expect(all.lists.storageTestTallies?.map((r) => [r.id, (r as Versioned & { count: number }).count])).toEqual([
      ['T1', 7],
      ['T2', 7],
    ]);
    const since = await logbook.spaces.records('2026-03-04T00:00:00.000Z');
    expect(since.lists.checkins?.map((r) => r.id)).toEqual(['C2']);
    expect(since.lists.decks).toEqual([]);
    expect(since.lists.storageTestTallies?.map((r) => r.id)).toEqual(['T2']);
  });

  it('takes withdrawn records out of the logbook in one go: an entry with its actions, one action of an entry, a check-in', async () => {
    const first = await logbook.entries.save({ ...emptyDraft(), notes: 'theirs', actions: [{ ...emptyAction(), what: 'one' }, { ...emptyAction(), what: 'two' }] });
    const second = await logbook.entries.save({ ...emptyDraft(), notes: 'also theirs', actions: [{ ...emptyAction(), what: 'three' }] });
    const at = '2026-03-01T09:00:00.000Z';
    const checkin = writeRecord(CHECKIN, undefined, { ...checkinDefaults(), id: 'C1', createdAt: at, updatedAt: at, deleted: 0 as const, deckId: 'power-shifting', community: 'L', date: '2026-03-01' }, {
      device: 'testdev1',
      now: new Date(at),
    });
    expect((await logbook.backups.merge(backupDataOf({ checkins: [checkin] }))).ok).toBe(true);
    await logbook.spaces.remove([
      { kind: ACTION, record: first.actions[1]! },
      { kind: ENTRY, record: second.entry },
      { kind: CHECKIN, record: checkin },
    ]);
    const left = await logbook.spaces.records();
    expect(left.entries.map((p) => [p.entry.notes, p.actions.map((a) => a.what)])).toEqual([['theirs', ['one']]]);
    expect(left.lists.checkins).toEqual([]);
  });
});
