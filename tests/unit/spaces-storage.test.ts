import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../src/domain/logbook/drafts';
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
});
