import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { kindOf, StorageProblem, toStorageProblem } from '../../src/storage/storage-problem';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('storage problems', () => {
  it('recognises a full or damaged disk, also inside an aborted transaction, as Chromium and others report it', () => {
    expect(kindOf(new Dexie.QuotaExceededError('full'))).toBe('full');
    expect(kindOf(new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError')))).toBe('full');
    expect(kindOf(domError('QuotaExceededError'))).toBe('full');
    // Chromium, when its files cannot be written.
    expect(kindOf(Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' }))).toBe('full');
    expect(kindOf(new Dexie.DataError('Failed to write blobs (IOError)'))).toBe('full');
    // …and when it then cannot open them.
    expect(kindOf(new Dexie.OpenFailedError('open failed', domError('UnknownError')))).toBe('full');
    expect(kindOf(new Dexie.UnknownError('Internal error opening backing store'))).toBe('full');
    // …and, once that open has failed, whenever the closed database is used again.
    expect(kindOf(new Dexie.DatabaseClosedError(new Dexie.OpenFailedError('open failed', domError('UnknownError'))))).toBe('full');
  });

  it('recognises IndexedDB being unavailable', () => {
    expect(kindOf(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable');
    expect(kindOf(new Dexie.OpenFailedError('open failed', domError('InvalidStateError')))).toBe('unavailable');
    expect(kindOf(domError('SecurityError'))).toBe('unavailable');
  });

  it('recognises a newer version in another tab', () => {
    expect(kindOf(new Dexie.VersionChangeError('upgraded elsewhere'))).toBe('version');
    expect(kindOf(new Dexie.DatabaseClosedError('closed'))).toBe('version');
    expect(kindOf(new Dexie.OpenFailedError('open', domError('VersionError')))).toBe('version');
  });

  it('says something useful about anything else, and keeps the detail', () => {
    const problem = toStorageProblem(new Error('disk on fire'));
    expect(problem).toBeInstanceOf(StorageProblem);
    expect(problem.kind).toBe('unknown');
    expect(problem.detail).toBe('disk on fire');
    expect(problem.message).toMatch(/nothing was changed/);
    // Whether typed text is still there is for the screen that had it to say.
    expect(problem.message).not.toMatch(/text/);
    expect(toStorageProblem(problem)).toBe(problem);
    expect(kindOf(undefined)).toBe('unknown');
  });

  it('speaks plain English for every kind', () => {
    for (const kind of ['full', 'blocked', 'version', 'unavailable', 'unknown'] as const) {
      const message = new StorageProblem(kind).message;
      expect(message).not.toMatch(/Dexie|IndexedDB|Error|transaction/);
      expect(message.length).toBeGreaterThan(60);
    }
  });
});
