import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft } from '../../src/domain/logbook/drafts';
import type { StorageBuckets } from '../../src/storage/buckets';
import { LogbookDB } from '../../src/storage/database';
import { holdHome, HOME_MARK, LOGBOOK_DATABASE, moveHome, type HomeEnv } from '../../src/storage/home';
import { openLogbook, type Logbook } from '../../src/storage/logbook';

/** Web Locks as the browser grants them: shared together, exclusive alone, in the order asked. */
class Locks {
  private held: string[] = [];
  private waiting: { mode: string; grant: () => void }[] = [];

  private free(mode: string): boolean {
    return mode === 'shared' ? this.held.every((m) => m === 'shared') : this.held.length === 0;
  }

  request(_name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    const mode = options.mode ?? 'exclusive';
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held.push(mode);
        Promise.resolve()
          .then(() => callback({ name: _name, mode }))
          .then(resolve, reject)
          .finally(() => {
            this.held.splice(this.held.indexOf(mode), 1);
            this.pump();
          });
      };
      if (this.waiting.length === 0 && this.free(mode)) return run();
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const entry = { mode, grant: run };
      this.waiting.push(entry);
      options.signal?.addEventListener('abort', () => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        reject(options.signal!.reason);
        this.pump();
      });
    });
  }

  private pump(): void {
    while (this.waiting[0] && this.free(this.waiting[0].mode)) this.waiting.shift()!.grant();
  }
}

/** Buckets as Chromium keeps them: each its own IndexedDB, gone entirely when deleted. */
class Buckets implements StorageBuckets {
  readonly stores = new Map<string, IDBFactory>();
  open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new IDBFactory());
    return Promise.resolve({ indexedDB: this.stores.get(name)! });
  }
  keys() {
    return Promise.resolve([...this.stores.keys()]);
  }
  delete(name: string) {
    this.stores.delete(name);
    return Promise.resolve();
  }
}

let env: HomeEnv & { buckets: Buckets };
let books: Logbook[];

const open = (onMoving = () => undefined) => {
  const book = openLogbook(LOGBOOK_DATABASE, { home: () => holdHome(onMoving, env), device: 'dev1' });
  books.push(book);
  return book;
};

/** Every stored value of one place, as IndexedDB holds it. */
async function raw(factory: IDBFactory): Promise<string> {
  const db = new Dexie(LOGBOOK_DATABASE, { indexedDB: factory });
  await db.open();
  const all = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  db.close();
  return JSON.stringify(all);
}

const SECRET = 'Moss Side tenants said the council never listens';

beforeEach(() => {
  env = { buckets: new Buckets(), indexedDB: new IDBFactory(), locks: new Locks() as unknown as LockManager };
  books = [];
});
afterEach(() => books.forEach((b) => b.close()));

describe('where the logbook lives', () => {
  it('makes a new logbook in a bucket of its own, marked as the logbook, and finds it there again', async () => {
    const book = open();
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    expect([...env.buckets.stores.keys()]).toEqual([expect.stringMatching(/^logbook-/)]);
    expect(await env.indexedDB.databases()).toEqual([]);
    book.close();
    expect((await open().entries.live())[0]?.entry.reflection).toBe(SECRET);
    expect(env.buckets.stores.size).toBe(1);
  });

  it('keeps a logbook begun in the shared store there while it has no lock', async () => {
    const shared = openLogbook(LOGBOOK_DATABASE, { indexedDB: env.indexedDB, device: 'dev1' });
    await shared.entries.save({ ...emptyDraft(), reflection: SECRET });
    shared.close();
    expect((await open().entries.live())[0]?.entry.reflection).toBe(SECRET);
    expect(env.buckets.stores.size).toBe(0);
    expect(await moveHome({ waitMs: 1000, ifDue: true }, env)).toBe(false);
  });
});

describe('moving a locked logbook out of the files that held it in plaintext', () => {
  async function lockedInPlace(book: Logbook) {
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    await book.drafts.put('tab1', 'new:free', { reflection: 'half a thought about Hulme' });
    await book.keyring.set('pass');
    await book.keyring.rewrite();
    book.keyring.lock();
    book.close();
  }

  it('copies every record as it is stored into a new bucket, deletes the old one, and opens with the passphrase', async () => {
    const book = open();
    await lockedInPlace(book);
    const [old] = [...env.buckets.stores.keys()];
    const before = await raw(env.buckets.stores.get(old!)!);
    expect(await moveHome({ waitMs: 1000, ifDue: true }, env)).toBe(true);
    const [moved] = [...env.buckets.stores.keys()];
    expect(moved).not.toBe(old);
    expect(env.buckets.stores.size).toBe(1);
    const after = JSON.parse(await raw(env.buckets.stores.get(moved!)!)) as [string, { id?: string; value?: unknown }[]][];
    // Every table's records, encrypted as they were; the lock no longer says the old files remain; the new bucket is marked.
    const tables = Object.fromEntries(after);
    const beforeTables = Object.fromEntries(JSON.parse(before) as [string, unknown[]][]);
    for (const name of ['entries', 'drafts', 'meta', 'sessions']) expect(tables[name]).toEqual(beforeTables[name]);
    expect(JSON.stringify(after)).not.toContain('Moss Side');
    const lock = tables.keyring!.find((r) => r.id === 'lock')!.value as Record<string, unknown>;
    expect(lock.residue).toBeUndefined();
    expect(lock.phase).toBe('on');
    expect(tables.keyring!.find((r) => r.id === HOME_MARK)!.value).toEqual({ from: old });
    expect(await moveHome({ waitMs: 1000, ifDue: true }, env)).toBe(false);

    const reopened = open();
    expect(await reopened.keyring.status()).toBe('locked');
    await reopened.keyring.unlock({ passphrase: 'pass' });
    expect((await reopened.entries.live())[0]?.entry.reflection).toBe(SECRET);
    expect((await reopened.drafts.of('new:free'))[0]?.value).toEqual({ reflection: 'half a thought about Hulme' });
  });

  it('moves a logbook begun in the shared store into a bucket and deletes the shared copy', async () => {
    const shared = openLogbook(LOGBOOK_DATABASE, { indexedDB: env.indexedDB, device: 'dev1' });
    await lockedInPlace(shared);
    expect(await moveHome({ waitMs: 1000, ifDue: true }, env)).toBe(true);
    expect(await env.indexedDB.databases()).toEqual([]);
    const book = open();
    await book.keyring.unlock({ passphrase: 'pass' });
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });

  it('waits for another tab that has the logbook open, and moves nothing if it stays open', async () => {
    await lockedInPlace(open());
    // Another tab with the logbook open holds the lock shared, as holdHome does.
    let closeOther = () => undefined as void;
    void env.locks!.request('power-shifting:logbook', { mode: 'shared' }, () => new Promise<void>((release) => (closeOther = release)));
    const [old] = [...env.buckets.stores.keys()];
    expect(await moveHome({ waitMs: 50, ifDue: true }, env)).toBe(false);
    expect([...env.buckets.stores.keys()]).toEqual([old]);
    const moving = moveHome({ waitMs: 5000, ifDue: true }, env);
    closeOther();
    expect(await moving).toBe(true);
    expect([...env.buckets.stores.keys()]).not.toContain(old);
  });

  it('moves at the next start when it did not at locking, and says so while it does', async () => {
    await lockedInPlace(open());
    const [old] = [...env.buckets.stores.keys()];
    const moving = vi.fn();
    const book = open(moving);
    await book.keyring.unlock({ passphrase: 'pass' });
    expect(moving).toHaveBeenCalled();
    expect(env.buckets.stores.has(old!)).toBe(false);
    expect((await book.entries.live())[0]?.entry.reflection).toBe(SECRET);
  });

  it('a move killed half-way leaves the logbook where it was: the unfinished copy is deleted', async () => {
    await lockedInPlace(open());
    const [old] = [...env.buckets.stores.keys()];
    // What a move leaves if killed before its last step: a new bucket with some records and no mark.
    const half = new LogbookDB(LOGBOOK_DATABASE, { indexedDB: (await env.buckets.open('logbook-zzzz')).indexedDB });
    await half.entries.put({ id: 'partial' } as never);
    half.close();
    const book = open();
    await book.keyring.unlock({ passphrase: 'pass' });
    expect((await book.entries.live()).map((e) => e.entry.reflection)).toEqual([SECRET]);
    // The unfinished copy is gone, and the logbook was moved afresh from where it was.
    const [moved, ...others] = [...env.buckets.stores.keys()];
    expect(others).toEqual([]);
    expect(moved).not.toBe('logbook-zzzz');
    expect(moved).not.toBe(old);
  });

  it('a move killed after its last step but before deleting the old copy: the old copy is deleted at the next start', async () => {
    await lockedInPlace(open());
    const [old] = [...env.buckets.stores.keys()];
    const copy = new LogbookDB(LOGBOOK_DATABASE, { indexedDB: (await env.buckets.open('logbook-zzzz')).indexedDB });
    await copy.keyring.put({ id: HOME_MARK, value: { from: old } });
    copy.close();
    const book = open();
    await book.keyring.status();
    expect([...env.buckets.stores.keys()]).toEqual(['logbook-zzzz']);
  });
});

describe('after "Delete all data"', () => {
  it('moves what is left (settings, the lock, sync memberships) into new storage, and the old files go', async () => {
    const book = open();
    await book.entries.save({ ...emptyDraft(), reflection: SECRET });
    await book.meta.set('profile', { name: 'Alex' });
    await book.backups.clearAll();
    book.close();
    const [old] = [...env.buckets.stores.keys()];
    expect(await moveHome({ waitMs: 1000, ifDue: false }, env)).toBe(true);
    expect([...env.buckets.stores.keys()]).not.toContain(old);
    const again = open();
    expect(await again.entries.live()).toEqual([]);
    expect(await again.meta.get('profile')).toEqual({ name: 'Alex' });
    expect(JSON.stringify(await raw(env.buckets.stores.get([...env.buckets.stores.keys()][0]!)!))).not.toContain('Moss Side');
  });
});
