import { describe, expect, it } from 'vitest';
import { delayAfter, failed, NO_ATTEMPTS, waitBefore } from '../../src/domain/lock/attempts';
import { newDataKey, unwrapKey, usable, wrapKey, WrongSecret } from '../../src/domain/lock/keys';
import { newRecoveryCode, normaliseRecoveryCode } from '../../src/domain/lock/recovery-code';
import { openText, sealText, Tampered } from '../../src/domain/lock/sealed-text';

// Few iterations keep the tests quick; the app always uses PBKDF2_ITERATIONS.
const FAST = 1000;

describe('key wrapping', () => {
  it('unwraps the data key with the passphrase it was wrapped under, non-extractable, and refuses any other', async () => {
    const dataKey = await newDataKey();
    const wrapped = await wrapKey(dataKey, 'a long passphrase', 'pbkdf2-sha256', FAST);
    expect(JSON.stringify(wrapped)).not.toContain('a long passphrase');
    const key = await unwrapKey(wrapped, 'a long passphrase');
    expect(key.extractable).toBe(false);
    const sealed = await sealText(dataKey, 'words', 'ctx');
    expect(await openText(key, sealed, 'ctx')).toBe('words');
    await expect(unwrapKey(wrapped, 'a long passphrasE')).rejects.toBeInstanceOf(WrongSecret);
  });

  it('re-wraps the same data key under a new passphrase: what it encrypted opens with the new one only', async () => {
    const dataKey = await newDataKey();
    const sealed = await sealText(dataKey, 'kept words', 'ctx');
    const old = await wrapKey(dataKey, 'old pass', 'pbkdf2-sha256', FAST);
    const extractable = await unwrapKey(old, 'old pass', true);
    const next = await wrapKey(extractable, 'new pass', 'pbkdf2-sha256', FAST);
    expect(await openText(await unwrapKey(next, 'new pass'), sealed, 'ctx')).toBe('kept words');
    await expect(unwrapKey(next, 'old pass')).rejects.toBeInstanceOf(WrongSecret);
    expect((await usable(extractable)).extractable).toBe(false);
  });

  it('wraps under a recovery code, typed back in any case and spacing, with look-alike letters read as digits', async () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(newRecoveryCode()).not.toBe(code);
    const dataKey = await newDataKey();
    const wrapped = await wrapKey(dataKey, code, 'hkdf-sha256');
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    await expect(unwrapKey(wrapped, normaliseRecoveryCode(typed)!)).resolves.toBeDefined();
    expect(normaliseRecoveryCode('ABCD')).toBeUndefined();
    expect(normaliseRecoveryCode(code.replace(/.$/, 'U'))).toBeUndefined();
  });
});

describe('wrong passphrases', () => {
  it('are free three times, then each waits twice as long, up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(delayAfter(40)).toBe(300_000);
    let attempts = NO_ATTEMPTS;
    for (let i = 0; i < 4; i++) attempts = failed(attempts, 10_000);
    expect(waitBefore(attempts, 10_000)).toBe(2000);
    expect(waitBefore(attempts, 11_500)).toBe(500);
    expect(waitBefore(attempts, 12_000)).toBe(0);
  });
});

describe('sealed text', () => {
  it('refuses a ciphertext changed by one bit, or moved to another record', async () => {
    const key = await newDataKey();
    const sealed = await sealText(key, 'private words', 'entries|1');
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[0]! ^= 1;
    await expect(openText(key, { iv: sealed.iv, data: bytes.buffer }, 'entries|1')).rejects.toBeInstanceOf(Tampered);
    await expect(openText(key, sealed, 'entries|2')).rejects.toBeInstanceOf(Tampered);
    expect(await openText(key, sealed, 'entries|1')).toBe('private words');
  });
});
