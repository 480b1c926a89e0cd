import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import { openLogbook, type Logbook } from '../../src/storage/logbook';

let factory: IDBFactory;
let book: Logbook;
const open = () => openLogbook('lock-test', { indexedDB: factory, IDBKeyRange, device: 'testdev1' });

/** Every stored value of every table, as IndexedDB holds it. */
async function rawRecords(): Promise<unknown[]> {
  const raw = new Dexie('lock-test', { indexedDB: factory, IDBKeyRange });
  await raw.open();
  const all = (await Promise.all(raw.tables.map((t) => t.toArray()))).flat();
  raw.close();
  return all;
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
