import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as v from 'valibot';
import { CHECKIN, type CheckinRecord } from '../../src/domain/records/checkin';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { TRACKED_FIELDS, type StoredKind } from '../../src/domain/records/kind';
import { OWN_DECK, type OwnDeckRecord } from '../../src/domain/records/own-deck';
import { registerKind } from '../../src/domain/records/registry';
import { checkinDefaults } from '../../src/domain/records/restore';
import { conflictsOf, mergeRecords, stableJson, writeRecord } from '../../src/domain/records/merge';
import { newMemberKeyPair, newSpaceKey, randomId, type SpaceKey } from '../../src/sync/keys';
import { Vault, type VaultChange, type VaultProblem } from '../../src/sync/vault';

const spaceId = randomId(16);

function entry(device: string, fields: Partial<EntryRecord>, at = '2026-03-01T09:00:00.000Z', base?: EntryRecord): EntryRecord {
  const next = { id: 'E1', createdAt: at, updatedAt: at, deleted: 0 as const, community: '', reflection: '', notes: '', tags: [], ...base, ...fields };
  return writeRecord(ENTRY, base, next as EntryRecord, { device, now: new Date(at) });
}

/** Two documents passing every change to each other, as a server would (not on to a third). */
function link(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'link');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'link');
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(b, update, 'link'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(a, update, 'link'));
}

interface Device {
  doc: Y.Doc;
  vault: Vault;
  memberId: string;
  keys: SpaceKey[];
  problems: VaultProblem[];
}

async function device(deviceId: string, key: SpaceKey, doc = new Y.Doc()): Promise<Device> {
  const memberId = randomId(16);
  const keys: SpaceKey[] = [];
  const problems: VaultProblem[] = [];
  const vault = await Vault.open(doc, {
    spaceId,
    deviceId,
    memberId,
    memberKeys: await newMemberKeyPair(),
    key,
    onKey: (next) => keys.push(next),
    onProblem: (problem) => problems.push(problem),
  });
  return { doc, vault, memberId, keys, problems };
}

const text = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');

describe('the vault', () => {
  it('keeps each device’s copy under its own key and merges them all, as the app’s merge does', async () => {
    const key = newSpaceKey();
    const [a, b, c] = await Promise.all(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'].map((id) => device(id, key)));
    link(a!.doc, b!.doc);
    link(b!.doc, c!.doc);
    link(a!.doc, c!.doc);
    const original = entry('aaaaaaaa', { reflection: 'Listening first' });
    await a!.vault.put(ENTRY, original);
    const [fromB] = await b!.vault.records<EntryRecord>(ENTRY);
    expect(fromB?.reflection).toBe('Listening first');
    // B and C edit the same field without seeing each other's edit; A edits another field.
    const byB = entry('bbbbbbbb', { notes: 'Asked the tenants' }, '2026-03-02T09:00:00.000Z', fromB);
    const byC = entry('cccccccc', { notes: 'Met the youth group' }, '2026-03-02T10:00:00.000Z', fromB);
    const byA = entry('aaaaaaaa', { community: 'Hulme' }, '2026-03-02T11:00:00.000Z', original);
    await Promise.all([b!.vault.put(ENTRY, byB), c!.vault.put(ENTRY, byC), a!.vault.put(ENTRY, byA)]);

    const expected = [original, byA, byB, byC].reduce((x, y) => mergeRecords(ENTRY, x, y));
    for (const d of [a!, b!, c!]) {
      const records = await d.vault.records<EntryRecord>(ENTRY);
      expect(records).toHaveLength(1);
      expect(stableJson(records[0])).toBe(stableJson(expected));
      expect(records[0]?.community).toBe('Hulme');
      expect(conflictsOf(ENTRY, records[0]!)).toEqual(['notes']);
      expect(d.problems).toEqual([]);
    }
    // One key per device: none of them overwrote another's.
    expect(a!.doc.getMap('records').size).toBe(3);
    // The id as Yjs would write a plain key (its length, then the text) or JSON would: two letters
    // alone turn up in random ciphertext by chance.
    for (const plain of ['Listening first', 'Asked the tenants', 'Met the youth group', 'Hulme', '\u0002E1', '"E1"', 'aaaaaaaa', 'reflection']) {
      expect(text(a!.doc)).not.toContain(plain);
    }
  });

  it('tells observers of records other devices changed, merged, and not of its own', async () => {
    const key = newSpaceKey();
    const a = await device('aaaaaaaa', key);
    const b = await device('bbbbbbbb', key);
    link(a.doc, b.doc);
    const seenByA: VaultChange[][] = [];
    const seenByB: VaultChange[][] = [];
    a.vault.observe((changes) => seenByA.push(changes));
    b.vault.observe((changes) => seenByB.push(changes));
    await a.vault.put(ENTRY, entry('aaaaaaaa', { notes: 'From A' }));
    await b.vault.records(ENTRY);
    expect(seenByA).toEqual([]);
    expect(seenByB).toHaveLength(1);
    expect(seenByB[0]?.[0]?.kind).toBe(ENTRY);
    expect((seenByB[0]?.[0]?.record as EntryRecord).notes).toBe('From A');
  });

  it('skips and reports a tampered value, a value moved to another key and a foreign one, and reads the rest', async () => {
    const key = newSpaceKey();
    const a = await device('aaaaaaaa', key);
    const b = await device('bbbbbbbb', key);
    link(a.doc, b.doc);
    await a.vault.putAll(ENTRY, [entry('aaaaaaaa', { id: 'E1', notes: 'one' }), entry('aaaaaaaa', { id: 'E2', notes: 'two' }), entry('aaaaaaaa', { id: 'E3', notes: 'three' })]);
    await b.vault.records(ENTRY);
    const records = a.doc.getMap<Uint8Array>('records');
    const [first, second] = [...records.keys()];
    const tampered = records.get(first!)!.slice();
    tampered[tampered.length - 1]! ^= 1;
    const moved = records.get(second!)!;
    // Written straight into the document, as a hostile server or member could.
    a.doc.transact(() => {
      records.set(first!, tampered);
      records.set(randomId(32), moved);
      records.set(randomId(32), new Uint8Array([1, 0, 0, 0, 1, 9, 9]));
    }, 'hostile');
    const read = await b.vault.records<EntryRecord>(ENTRY);
    expect(read.map((r) => r.notes).sort()).toEqual(expect.arrayContaining(['three']));
    expect(read).toHaveLength(2);
    expect(b.problems).toHaveLength(3);
    expect(b.problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('could not be decrypted'), expect.stringContaining('not an encrypted value')]),
    );
  });

  it('rotates: a member follows to the new key, a removed member reads nothing written after, a new member reads all', async () => {
    const first = newSpaceKey(1);
    const owner = await device('aaaaaaaa', first);
    const member = await device('bbbbbbbb', first);
    const removed = await device('cccccccc', first);
    link(owner.doc, member.doc);
    link(member.doc, removed.doc);
    link(owner.doc, removed.doc);
    await removed.vault.put(ENTRY, entry('cccccccc', { id: 'OLD', notes: 'Written before removal' }));
    await member.vault.put(ENTRY, entry('bbbbbbbb', { id: 'MINE', notes: 'Written by the member' }));
    await owner.vault.introduce('Owner');
    await member.vault.records(ENTRY);
    await owner.vault.records(ENTRY);

    // The removed member stops receiving (the server closes its connection); it keeps its copy of the document.
    await removed.vault.records(ENTRY);
    removed.vault.close();
    const stolen = new Y.Doc();
    Y.applyUpdate(stolen, Y.encodeStateAsUpdate(removed.doc));
    const second = newSpaceKey(2);
    const { sharedWith, missing } = await owner.vault.shareKey(second, [owner.memberId, member.memberId]);
    expect(sharedWith).toEqual([owner.memberId, member.memberId]);
    expect(missing).toEqual([]);
    await owner.vault.rotate(second);
    await owner.vault.put(ENTRY, entry('aaaaaaaa', { id: 'NEW', notes: 'Written after rotation' }));
    await member.vault.records(ENTRY);
    expect(owner.vault.epoch).toBe(2);
    expect(member.vault.epoch).toBe(2);
    expect(member.keys.map((k) => k.epoch)).toEqual([2]);
    expect((await member.vault.records<EntryRecord>(ENTRY)).map((r) => r.id).sort()).toEqual(['MINE', 'NEW', 'OLD']);
    expect((await member.vault.memberCards()).find((card) => card.memberId === owner.memberId)?.name).toBe('Owner');
    // Every value the owner and member wrote is now sealed with the new key.
    const epochs = [...member.doc.getMap<Uint8Array>('records').values()].map((bytes) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(1));
    expect(epochs.sort()).toEqual([1, 2, 2]);
    await owner.vault.records(ENTRY);

    // The removed member, given everything written since (a leaked copy of the document), reads only the old.
    Y.applyUpdate(stolen, Y.encodeStateAsUpdate(owner.doc));
    const leaked = await device('cccccccc', first, stolen);
    expect((await leaked.vault.records<EntryRecord>(ENTRY)).map((r) => r.id)).toEqual(['OLD']);
    expect(leaked.problems.filter((p) => p.map === 'records')).toHaveLength(2);
    expect(leaked.vault.epoch).toBe(1);
    expect(leaked.problems.some((p) => p.reason.includes('epoch 2'))).toBe(true);
    expect(text(stolen)).not.toContain('Written after rotation');

    // Someone invited after the rotation holds only the new key, and reads the history too.
    const joinerDoc = new Y.Doc();
    Y.applyUpdate(joinerDoc, Y.encodeStateAsUpdate(owner.doc));
    const joiner = await device('dddddddd', second, joinerDoc);
    expect((await joiner.vault.records<EntryRecord>(ENTRY)).map((r) => r.id).sort()).toEqual(['MINE', 'NEW', 'OLD']);
    expect(joiner.problems).toEqual([]);
  });

  it('refuses to store something that is not a valid record', async () => {
    const a = await device('aaaaaaaa', newSpaceKey());
    await expect(a.vault.put(ENTRY, { ...entry('aaaaaaaa', {}), createdAt: 'yesterday' })).rejects.toThrow('This is not a valid entry');
    expect(a.doc.getMap('records').size).toBe(0);
  });

  it('holds every registered kind: check-ins, own decks, and a kind defined only in this test', async () => {
    const tally: StoredKind = {
      noun: 'vault-test-tally',
      plural: 'tallies',
      list: 'vaultTestTallies',
      fixed: TRACKED_FIELDS,
      schema: v.object({ id: v.string(), createdAt: v.string(), updatedAt: v.string(), deleted: v.picklist([0, 1]), count: v.number() }),
    };
    const key = newSpaceKey();
    const a = await device('aaaaaaaa', key);
    const b = await device('bbbbbbbb', key);
    link(a.doc, b.doc);
    const at = '2026-03-01T09:00:00.000Z';
    const stamp = { device: 'aaaaaaaa', now: new Date(at) };
    const base = { createdAt: at, updatedAt: at, deleted: 0 as const };
    await expect(a.vault.put(tally, writeRecord(tally, undefined, { id: 'T1', ...base, count: 3 }, stamp))).rejects.toThrow('cannot hold records of kind');
    registerKind(tally);
    const checkin = writeRecord(CHECKIN, undefined, { ...checkinDefaults(), id: 'C1', ...base, deckId: 'power-shifting', community: 'Levenshulme', date: '2026-03-01' } as CheckinRecord, stamp);
    const deck = writeRecord(OWN_DECK, undefined, { id: 'D1', ...base, title: 'Our deck', sectionName: 'Section', summary: '', sections: [], cards: [] } as OwnDeckRecord, stamp);
    await a.vault.put(CHECKIN, checkin);
    await a.vault.put(OWN_DECK, deck);
    await a.vault.put(tally, writeRecord(tally, undefined, { id: 'T1', ...base, count: 3 }, stamp));
    expect((await b.vault.records<CheckinRecord>(CHECKIN)).map((r) => r.community)).toEqual(['Levenshulme']);
    expect((await b.vault.records<OwnDeckRecord>(OWN_DECK)).map((r) => r.title)).toEqual(['Our deck']);
    expect((await b.vault.records(tally)).map((r) => (r as typeof r & { count: number }).count)).toEqual([3]);
    await expect(a.vault.put(tally, { id: 'T2', ...base, count: 'three' } as never)).rejects.toThrow('This is not a valid vault-test-tally');
    expect(b.problems).toEqual([]);
  });

  it('withdraws a record: every copy written before leaves the others’ view, a later write brings it back', async () => {
    const key = newSpaceKey();
    const [a, b, c] = await Promise.all(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'].map((id) => device(id, key)));
    link(a!.doc, b!.doc);
    link(b!.doc, c!.doc);
    link(a!.doc, c!.doc);
    const original = entry('aaaaaaaa', { notes: 'Shared for now' });
    await a!.vault.put(ENTRY, original);
    // C edits it too: its copy is one the withdrawal must also cover.
    const [atC] = await c!.vault.records<EntryRecord>(ENTRY);
    await c!.vault.put(ENTRY, entry('cccccccc', { reflection: 'C adds a line' }, '2026-03-01T09:05:00.000Z', atC));
    await a!.vault.records(ENTRY);
    const seenByB: VaultChange[][] = [];
    b!.vault.observe((changes) => seenByB.push(changes));
    await a!.vault.withdraw(ENTRY, ['E1', 'not-held']);
    expect(await b!.vault.records(ENTRY)).toEqual([]);
    expect(await c!.vault.records(ENTRY)).toEqual([]);
    expect(seenByB.flat()).toEqual([{ kind: ENTRY, id: 'E1', withdrawnBy: ['aaaaaaaa'] }]);
    // A's copy now holds no content: the same size whatever the entry held.
    expect(a!.doc.getMap('records').size).toBe(2);
    expect(b!.problems).toEqual([]);

    const [withdrawn] = await a!.vault.records<EntryRecord>(ENTRY);
    expect(withdrawn).toBeUndefined();
    const again = entry('aaaaaaaa', { notes: 'Shared again' }, '2026-03-02T09:00:00.000Z', mergeRecords(ENTRY, original, atC!));
    await a!.vault.put(ENTRY, again);
    const [back] = await b!.vault.records<EntryRecord>(ENTRY);
    expect(back?.notes).toBe('Shared again');
    expect(seenByB.flat().at(-1)?.record).toBeDefined();
  });
});
