/**
 * The keys behind a lock: a random data key (AES-GCM, 256 bits) encrypts what people write; it
 * is stored only wrapped, once under a key derived from the passphrase (PBKDF2-SHA-256 at
 * OWASP's 2023 count) and once under a key derived from the recovery code. The key in use is
 * non-extractable: script can use it but never read it. Changing the passphrase re-wraps the
 * data key; no record is rewritten.
 */
import { fromBase64url, toBase64url } from '../sync/base64url';

/** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** A data key wrapped under one secret: all that is stored about that secret. */
export interface WrappedKey {
  /** PBKDF2 for a passphrase; HKDF for a recovery code, which is random enough not to need stretching. */
  kdf: 'pbkdf2-sha256' | 'hkdf-sha256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
}

export class WrongSecret extends Error {
  constructor() {
    super('That passphrase or recovery code does not open this logbook.');
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);
const decoded = (text: string) => fromBase64url(text) ?? new Uint8Array();
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

async function wrappingKey(secret: string, kdf: WrappedKey['kdf'], salt: Uint8Array<ArrayBuffer>, iterations: number, usages: KeyUsage[] = ['wrapKey', 'unwrapKey']): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', bytes(secret.normalize('NFC')), kdf === 'pbkdf2-sha256' ? 'PBKDF2' : 'HKDF', false, ['deriveKey']);
  const params =
    kdf === 'pbkdf2-sha256'
      ? { name: 'PBKDF2', hash: 'SHA-256', salt, iterations }
      : { name: 'HKDF', hash: 'SHA-256', salt, info: bytes('power-shifting recovery') };
  return crypto.subtle.deriveKey(params, material, { name: 'AES-GCM', length: 256 }, false, usages);
}

/** A key to encrypt with directly, derived from a passphrase (a backup's own, say). */
export function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  return wrappingKey(passphrase, 'pbkdf2-sha256', salt, iterations, ['encrypt', 'decrypt']);
}

/** A new data key, extractable only so that it can be wrapped; see `usable`. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapKey(dataKey: CryptoKey, secret: string, kdf: WrappedKey['kdf'], iterations = PBKDF2_ITERATIONS): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const rounds = kdf === 'pbkdf2-sha256' ? iterations : 0;
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, await wrappingKey(secret, kdf, salt, rounds), { name: 'AES-GCM', iv });
  return { kdf, iterations: rounds, salt: toBase64url(salt), iv: toBase64url(iv), wrapped: toBase64url(new Uint8Array(wrapped)) };
}

/**
 * The data key, if `secret` is the one it was wrapped under. `extractable` only for re-wrapping
 * it under a new passphrase; the key kept for use never is.
 */
export async function unwrapKey(stored: WrappedKey, secret: string, extractable = false): Promise<CryptoKey> {
  const salt = decoded(stored.salt);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      decoded(stored.wrapped).buffer as ArrayBuffer,
      await wrappingKey(secret, stored.kdf, salt as Uint8Array<ArrayBuffer>, stored.iterations),
      { name: 'AES-GCM', iv: decoded(stored.iv) as Uint8Array<ArrayBuffer> },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    // AES-GCM's tag check fails for a wrong secret and for a damaged record alike.
    throw new WrongSecret();
  }
}

/** A non-extractable copy of a key made extractable for wrapping. */
export async function usable(dataKey: CryptoKey): Promise<CryptoKey> {
  const raw = await crypto.subtle.exportKey('raw', dataKey);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  } finally {
    new Uint8Array(raw).fill(0);
  }
}
