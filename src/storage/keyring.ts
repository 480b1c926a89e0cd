/**
 * The lock: setting it, unlocking, changing the passphrase, turning it off, and the one
 * resumable rewrite that encrypts (or decrypts) every record when it is turned on (or off).
 * All that is stored is the data key wrapped twice (passphrase, recovery code) with the salts,
 * the phase, the rewrite's progress and the count of wrong tries.
 */
import { failed, NO_ATTEMPTS, waitBefore, type Attempts } from '../domain/lock/attempts';
import { newDataKey, unwrapKey, usable, wrapKey, WrongSecret, type WrappedKey } from '../domain/lock/keys';
import { newRecoveryCode, normaliseRecoveryCode } from '../domain/lock/recovery-code';
import type { Connection } from './connection';
import { LOCK_KEY, type LockPhase } from './lock-state';
import { CLEAR_TABLES } from './sealing';

/** Records rewritten per transaction: small enough to hold in memory, big enough to be quick. */
const BATCH = 500;

export interface LockRecord {
  phase: LockPhase;
  passphrase: WrappedKey;
  recovery: WrappedKey;
  attempts: Attempts;
  /** Where the rewrite has got to: the table, and the last primary key done in it. */
  progress: { table: string; after: string | null } | null;
  /**
   * The files the logbook is in may still hold what was written before the lock: it is moved to
   * new storage the next time it locks or opens (home.ts), and this goes.
   */
  residue?: boolean;
  /**
   * Unlocking with this device (WebAuthn's PRF): the credential, the salt it is asked to sign,
   * and the data key wrapped under what it answers. A convenience beside the passphrase.
   */
  device?: DeviceUnlock;
}

export interface DeviceUnlock {
  credential: string;
  salt: string;
  key: WrappedKey;
}

export type LockStatus = 'off' | 'locked' | 'unlocked';

/** A wrong passphrase was tried too recently: how long to wait, in milliseconds. */
export class TooSoon extends Error {
  constructor(readonly waitMs: number) {
    const seconds = Math.ceil(waitMs / 1000);
    super(`Too many wrong tries. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'}, then try again.`);
  }
}

export type Secret = { passphrase: string } | { recoveryCode: string };

export type Keyring = ReturnType<typeof keyringStore>;

export function keyringStore(conn: Connection, now: () => number = () => Date.now()) {
  const { db, sealer } = conn;
  const tables = () =>
    db.tables
      .map((t) => t.name)
      .filter((name) => !CLEAR_TABLES.includes(name))
      .sort();

  const get = () => conn.read(async () => (await db.keyring.get(LOCK_KEY))?.value as LockRecord | undefined);
  const save = (record: LockRecord) => conn.serially(() => db.keyring.put({ id: LOCK_KEY, value: record }));

  /** The data key behind a secret; wrong tries are counted, and refused while the wait lasts. */
  async function keyFor(record: LockRecord, secret: Secret, extractable = false): Promise<CryptoKey> {
    const wait = waitBefore(record.attempts, now());
    if (wait > 0) throw new TooSoon(wait);
    try {
      if ('passphrase' in secret) return await unwrapKey(record.passphrase, secret.passphrase, extractable);
      const code = normaliseRecoveryCode(secret.recoveryCode);
      if (!code) throw new WrongSecret();
      return await unwrapKey(record.recovery, code, extractable);
    } catch (error) {
      if (error instanceof WrongSecret) await save({ ...record, attempts: failed(record.attempts, now()) });
      throw error;
    }
  }

  async function clearAttempts(record: LockRecord): Promise<void> {
    if (record.attempts.failures) await save({ ...record, attempts: NO_ATTEMPTS });
  }

  /**
   * Encrypts (phase `sealing`) or decrypts (phase `opening`) every record not yet done, a batch
   * per transaction, each batch committed with the progress it makes: killed half-way, it
   * carries on from the last batch. Reads take both kinds of record meanwhile.
   */
  async function rewrite(onProgress: (done: number) => void = () => undefined): Promise<void> {
    let done = 0;
    for (;;) {
      const finished = await conn.write(() =>
        db.transaction('rw', [...tables(), 'keyring'], async () => {
          const record = (await db.keyring.get(LOCK_KEY))?.value as LockRecord | undefined;
          if (!record?.progress) return true;
          const { table, after } = record.progress;
          const store = db.table(table);
          const keyPath = store.schema.primKey.keyPath as string;
          const batch = (await (after === null ? store.orderBy(':id') : store.where(':id').above(after)).limit(BATCH).toArray()) as Record<string, string>[];
          // Written back as they are: the middleware encrypts them, or (turning the lock off) does not.
          await store.bulkPut(batch);
          const rest = tables().filter((t) => t > table);
          const progress: LockRecord['progress'] =
            batch.length === BATCH ? { table, after: batch[batch.length - 1]![keyPath]! } : rest[0] ? { table: rest[0], after: null } : null;
          if (progress) await db.keyring.put({ id: LOCK_KEY, value: { ...record, progress } });
          else if (record.phase === 'opening') await db.keyring.delete(LOCK_KEY);
          else await db.keyring.put({ id: LOCK_KEY, value: { ...record, phase: 'on', progress: null } });
          done += batch.length;
          return !progress;
        }),
      );
      onProgress(done);
      if (finished) break;
    }
    if (!sealer.sealWrites) sealer.forget();
  }

  return {
    get,

    status: async (): Promise<LockStatus> => ((await get()) ? (sealer.key ? 'unlocked' : 'locked') : 'off'),

    /** Whether a rewrite was left half-way (by a reload or a crash). */
    unfinished: async () => !!(await get())?.progress,

    /**
     * Sets a lock on a logbook without one. Returns the recovery code, which is shown once and
     * never stored. Writes are encrypted from now on; `rewrite` then encrypts what is there.
     */
    set: async (passphrase: string): Promise<string> => {
      if (await get()) throw new Error('This logbook already has a lock.');
      const dataKey = await newDataKey();
      const code = newRecoveryCode();
      const record: LockRecord = {
        phase: 'sealing',
        passphrase: await wrapKey(dataKey, passphrase, 'pbkdf2-sha256'),
        recovery: await wrapKey(dataKey, code, 'hkdf-sha256'),
        attempts: NO_ATTEMPTS,
        progress: { table: tables()[0]!, after: null },
        residue: true,
      };
      sealer.key = await usable(dataKey);
      await save(record);
      sealer.sealWrites = true;
      return code;
    },

    rewrite,

    unlock: async (secret: Secret): Promise<void> => {
      const record = await get();
      if (!record) return;
      const key = await keyFor(record, secret);
      await clearAttempts(record);
      sealer.key = key;
    },

    /** Forgets the key: nothing can be read or written until the next unlock. */
    lock: () => sealer.forget(),

    /** Re-wraps the data key under a new passphrase; `current` may be the recovery code. No record is rewritten. */
    changePassphrase: async (current: Secret, next: string): Promise<void> => {
      const record = await get();
      if (!record) throw new Error('This logbook has no lock.');
      const extractable = await keyFor(record, current, true);
      await clearAttempts(record);
      const fresh = (await get())!;
      await save({ ...fresh, passphrase: await wrapKey(extractable, next, 'pbkdf2-sha256') });
      sealer.key = await usable(extractable);
    },

    /** The data key, extractable for wrapping once more, if `secret` opens it. */
    extractableKey: async (secret: Secret): Promise<CryptoKey> => {
      const record = await get();
      if (!record) throw new Error('This logbook has no lock.');
      const key = await keyFor(record, secret, true);
      await clearAttempts(record);
      return key;
    },

    /** Lets this device unlock: `answer` is what its credential gives for the salt, as base64url. */
    addDevice: async (key: CryptoKey, credential: string, salt: string, answer: string): Promise<void> => {
      const record = (await get())!;
      await save({ ...record, device: { credential, salt, key: await wrapKey(key, answer, 'hkdf-sha256') } });
    },

    removeDevice: async (): Promise<void> => {
      const { device: _, ...record } = (await get())!;
      await save(record);
    },

    unlockWithDevice: async (answer: string): Promise<void> => {
      const device = (await get())?.device;
      if (device) sealer.key = await unwrapKey(device.key, answer);
    },

    /** Starts turning the lock off (the passphrase is asked again): new writes are plain, `rewrite` decrypts the rest. */
    turnOff: async (secret: Secret): Promise<void> => {
      const record = await get();
      if (!record) return;
      sealer.key = await keyFor(record, secret);
      await save({ ...record, attempts: NO_ATTEMPTS, phase: 'opening', progress: { table: tables()[0]!, after: null } });
      sealer.sealWrites = false;
    },
  };
}
