import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import { openLogbook, type Logbook } from '../../src/storage/logbook';
import { SEALED } from '../../src/storage/sealing';
import { generateBackup } from '../bench/generate-logbook.mjs';

const deck = JSON.parse(readFileSync(new URL('../../content/decks/power-shifting/deck.json', import.meta.url), 'utf8')) as unknown;

let factory: IDBFactory;
let book: Logbook;
const open = () => openLogbook('lock-test', { indexedDB: factory, IDBKeyRange, device: 'testdev1' });

/** Every stored value of every table, as IndexedDB holds it. */
async function rawRecords(tables?: string[]): Promise<Record<string, unknown>[]> {
  const raw = new Dexie('lock-test', { indexedDB: factory, IDBKeyRange });
  await raw.open();
  const all = (await Promise.all(raw.tables.filter((t) => !tables || tables.includes(t.name)).map((t) => t.toArray()))).flat();
  raw.close();
  return all;
}

async function rawPut(table: string, record: object): Promise<void> {
  const raw = new Dexie('lock-test', { indexedDB: factory, IDBKeyRange });
  await raw.open();
  await raw.table(table).put(record);
  raw.close();
}

const SECRET = 'Hulme residents panel notes';

beforeEach(() => {
  factory = new IDBFactory();
  book = open();
});
afterEach(() => book.close());

describe('encryption at rest', () => {
  it('encrypts every record when a lock is set, and reads and writes them while unlocked', async () => {
    const saved = await book.entries.save({ ...emptyDraft(), reflection: SECRET, actions: [{ ...emptyAction(), what: 'Call the panel' }] });
    await book.drafts.put('tab1', 'new:free', { reflection: 'draft words typed' });
    await book.meta.set('profile', { name: 'Alex Private' });
    const code = await book.keyring.set('correct horse battery staple');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4}){6}$/);
    await book.keyring.rewrite();
    const raw = JSON.stringify(await rawRecords());
    expect(raw).not.toContain('Hulme');
    expect(raw).not.toContain('draft words');
    expect(raw).not.toContain('Alex Private');
    expect(raw).not.toContain('Call the panel');

    expect((await book.entries.get(saved.entry.id))?.entry.reflection).toBe(SECRET);
    const changed = await book.entries.save({ ...emptyDraft(), id: saved.entry.id, base: saved, reflection: 'Changed words', actions: saved.actions });
    expect(changed.entry.reflection).toBe('Changed words');
    expect(JSON.stringify(await rawRecords())).not.toContain('Changed words');
    const again = await book.entries.save({ ...emptyDraft(), reflection: 'A second entry', actions: [{ ...emptyAction(), what: 'New action' }] });
    expect(again.actions[0]?.what).toBe('New action');
    expect((await book.entries.live()).map((e) => e.entry.reflection).sort()).toEqual(['A second entry', 'Changed words']);
  });

  it('makes this device its id under a lock, the same in every run of the write', async () => {
    book.close();
    book = openLogbook('lock-test', { indexedDB: factory, IDBKeyRange });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    const saved = await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    expect(saved.entry.reflection).toBe(SECRET);
    const meta = await rawRecords(['meta']);
    expect(meta.map((r) => r.key)).toEqual(['deviceId']);
    expect(meta.every((r) => SEALED in r && !('value' in r))).toBe(true);
  });

  it('after a reload the logbook is locked until unlocked, and opens with the passphrase or the recovery code', async () => {
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    const code = await book.keyring.set('pass one');
    await book.keyring.rewrite();
    book.close();
    book = open();
    expect(await book.keyring.status()).toBe('locked');
    await expect(book.entries.live()).rejects.toMatchObject({ kind: 'locked' });
    await expect(book.keyring.unlock({ passphrase: 'wrong' })).rejects.toThrow(/does not open/);
    await book.keyring.unlock({ passphrase: 'pass one' });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
    book.keyring.lock();
    await book.keyring.unlock({ recoveryCode: code.toLowerCase().replace(/-/g, ' ') });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });
});

describe('turning the lock on and off', () => {
  it('carries on after being stopped half-way: every record readable meanwhile, none left in plaintext after', async () => {
    const { data } = generateBackup(1200, deck);
    await book.backups.merge(data);
    await book.keyring.set('pass');
    const stop = new Error('killed');
    await expect(
      book.keyring.rewrite((done) => {
        if (done >= 500) throw stop;
      }),
    ).rejects.toBe(stop);
    const stored = await rawRecords(['entries']);
    expect(stored.filter((r) => SEALED in r).length).toBe(500);
    book.close();
    book = open();
    expect(await book.keyring.unfinished()).toBe(true);
    await book.keyring.unlock({ passphrase: 'pass' });
    expect((await book.entries.live()).length).toBe(data.entries.filter((e) => e.deleted === 0).length);
    await book.keyring.rewrite();
    expect(await book.keyring.unfinished()).toBe(false);
    const after = await rawRecords(['entries', 'sessions', 'drafts', 'meta']);
    expect(after.every((r) => SEALED in r)).toBe(true);
    expect(JSON.stringify(after)).not.toContain(data.entries[0]!.reflection.slice(0, 30));
    const ids = new Set((await book.entries.live()).map((e) => e.entry.id));
    expect(data.entries.filter((e) => e.deleted === 0).every((e) => ids.has(e.id))).toBe(true);
  });

  it('turning it off decrypts every record, and the passphrase is no longer asked', async () => {
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    await expect(book.keyring.turnOff({ passphrase: 'nope' })).rejects.toThrow(/does not open/);
    await book.keyring.turnOff({ passphrase: 'pass' });
    await book.keyring.rewrite();
    expect(await book.keyring.status()).toBe('off');
    expect((await rawRecords(['entries'])).some((r) => SEALED in r)).toBe(false);
    book.close();
    book = open();
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });

  it('changing the passphrase re-wraps the key only: no record is rewritten', async () => {
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    const code = await book.keyring.set('old pass');
    await book.keyring.rewrite();
    const before = JSON.stringify(await rawRecords(['entries']));
    await book.keyring.changePassphrase({ passphrase: 'old pass' }, 'new pass');
    expect(JSON.stringify(await rawRecords(['entries']))).toBe(before);
    book.close();
    book = open();
    await expect(book.keyring.unlock({ passphrase: 'old pass' })).rejects.toThrow(/does not open/);
    await book.keyring.unlock({ passphrase: 'new pass' });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
    // A forgotten passphrase: the recovery code sets a new one.
    await book.keyring.changePassphrase({ recoveryCode: code }, 'third pass');
    book.keyring.lock();
    await book.keyring.unlock({ passphrase: 'third pass' });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });

  it('makes wrong passphrases wait longer and longer, even after a reload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await book.keyring.set('pass');
      await book.keyring.rewrite();
      book.keyring.lock();
      for (let i = 0; i < 3; i++) await expect(book.keyring.unlock({ passphrase: 'wrong' })).rejects.toThrow(/does not open/);
      book.close();
      book = open();
      await expect(book.keyring.unlock({ passphrase: 'wrong' })).rejects.toThrow(/Wait 1 second/);
      vi.advanceTimersByTime(1000);
      await expect(book.keyring.unlock({ passphrase: 'wrong' })).rejects.toThrow(/does not open/);
      // The right one too must wait: the delay is not a hint about which is right.
      await expect(book.keyring.unlock({ passphrase: 'pass' })).rejects.toThrow(/Wait 2 seconds/);
      vi.advanceTimersByTime(2000);
      await book.keyring.unlock({ passphrase: 'pass' });
      expect((await book.keyring.get())?.attempts.failures).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a record whose ciphertext was changed on disk', async () => {
    const saved = await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    book.close();
    const [stored] = await rawRecords(['entries']);
    const sealed = stored![SEALED] as { iv: Uint8Array; data: ArrayBuffer };
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[3]! ^= 0xff;
    await rawPut('entries', { ...stored, [SEALED]: { iv: sealed.iv, data: bytes.buffer } });
    book = open();
    await book.keyring.unlock({ passphrase: 'pass' });
    await expect(book.entries.get(saved.entry.id)).rejects.toThrow();
  });
});

describe('unlocking with this device', () => {
  // What a WebAuthn credential answers for the salt (32 secret bytes, here made up), as base64url.
  const answer = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80';

  it('opens with the device’s answer, refuses another, and outlives a passphrase change; removed, only the passphrase opens it', async () => {
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    await book.keyring.set('pass one');
    await book.keyring.rewrite();
    await expect(book.keyring.extractableKey({ passphrase: 'wrong' })).rejects.toThrow(/does not open/);
    await book.keyring.addDevice(await book.keyring.extractableKey({ passphrase: 'pass one' }), 'cred', 'salt', answer);
    expect(JSON.stringify(await rawRecords(['keyring']))).not.toContain(answer);
    await book.keyring.changePassphrase({ passphrase: 'pass one' }, 'pass two');
    book.close();
    book = open();
    await expect(book.keyring.unlockWithDevice(answer.replace('q', 'r'))).rejects.toThrow(/does not open/);
    expect(await book.keyring.status()).toBe('locked');
    await book.keyring.unlockWithDevice(answer);
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
    await book.keyring.removeDevice();
    book.close();
    book = open();
    await book.keyring.unlockWithDevice(answer);
    expect(await book.keyring.status()).toBe('locked');
    await book.keyring.unlock({ passphrase: 'pass two' });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });
});

describe('exports under a lock', () => {
  it('makes the same CSV from encrypted records as from plain ones', async () => {
    const { data } = generateBackup(120, deck);
    await book.backups.merge(data);
    const csv = async () => {
      const parts: Uint8Array[] = [];
      await book.writeCsv((bytes) => parts.push(bytes));
      return Buffer.concat(parts).toString('utf8');
    };
    const plain = await csv();
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    expect(await csv()).toBe(plain);
  });
});

describe('tables added by other features', () => {
  it('encrypts the decks made in the app without that store knowing of the lock', async () => {
    const now = new Date().toISOString();
    await book.decks.create({
      id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      createdAt: now,
      updatedAt: now,
      deleted: 0,
      title: 'Housing team deck',
      sectionName: 'Theme',
      summary: '',
      sections: [{ id: 'S1', number: 1, heading: 'Listening first' }],
      cards: [{ id: 'C1', section: 1, title: 'Forum first', text: 'Ask the Wythenshawe forum.' }],
    });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    const raw = await rawRecords(['decks']);
    expect(raw.length).toBe(1);
    expect(JSON.stringify(raw)).not.toContain('Wythenshawe');
    expect((await book.decks.get('01HZZZZZZZZZZZZZZZZZZZZZZZ'))?.cards[0]?.text).toBe('Ask the Wythenshawe forum.');
  });
});

describe('two tabs', () => {
  it('a tab that opened before the lock was set in another encrypts its next write', async () => {
    const other = open();
    await other.entries.save({ ...emptyDraft(), reflection: 'before' });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    // The other tab is not told; its write must still not be plain.
    await expect(other.entries.save({ ...emptyDraft(), reflection: 'Written in the other tab' })).rejects.toMatchObject({ kind: 'locked' });
    expect(JSON.stringify(await rawRecords())).not.toContain('Written in the other tab');
    other.close();
  });
});

describe('sync spaces under a lock', () => {
  it('keeps a space’s key and document bytes sealed, and its member key as IndexedDB keeps it', async () => {
    const privateKey = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])).privateKey;
    const raw = new Uint8Array(32).map((_, i) => i + 1);
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    await book.spaces.put({
      id: 'S1',
      kind: 'team',
      name: 'Levenshulme team',
      membership: { server: 'http://127.0.0.1:1', spaceId: 'S1', memberId: 'm'.repeat(22), token: 'secret-token', role: 'owner', key: { epoch: 1, raw }, memberKeys: { publicKey: 'p', privateKey } },
      joinedAt: '2026-03-01T09:00:00.000Z',
      state: 'active',
    });
    await book.spaces.saveDoc('S1', new Uint8Array([7, 8, 9]));
    const stored = JSON.stringify(await rawRecords(['spaces', 'spaceDocs']));
    expect(stored).not.toContain('Levenshulme');
    expect(stored).not.toContain('secret-token');
    book.close();
    book = open();
    await book.keyring.unlock({ passphrase: 'pass' });
    const [space] = await book.spaces.list();
    expect(space?.membership.key.raw).toEqual(raw);
    expect(space?.membership.memberKeys.privateKey).toBeInstanceOf(CryptoKey);
    expect(space?.membership.memberKeys.privateKey.algorithm).toMatchObject({ name: 'ECDH' });
    expect([...((await book.spaces.loadDoc('S1')) ?? [])]).toEqual([7, 8, 9]);
  });
});
