/**
 * The keys of a space, with WebCrypto only (browsers, and Node 20's globalThis.crypto).
 *
 * - A space key: 32 random bytes and the epoch it belongs to. It never reaches the server: it
 *   travels in an invite link's fragment. Two subkeys come from it by HKDF: one names records
 *   (HMAC), one encrypts them (AES-GCM 256).
 * - An invite secret: 32 random bytes in the link. HKDF turns it into an Ed25519 key pair; the
 *   server is given only the public key (the verifier) and checks a joiner's signature with it.
 * - A member key pair (ECDH P-256) per device: when the owner rotates the space key, the new key
 *   is wrapped for each remaining member's public key, so a removed member cannot read anything
 *   written after it.
 */
import { fromBase64url, toBase64url } from '../domain/sync/base64url';

const subtle = () => globalThis.crypto.subtle;
const utf8 = (text: string) => new TextEncoder().encode(text);
const random = (bytes: number) => globalThis.crypto.getRandomValues(new Uint8Array(bytes));

export interface SpaceKey {
  /** 1 for the key the space was made with; one more at each rotation. */
  epoch: number;
  raw: Uint8Array;
}

export interface SpaceSubkeys {
  epoch: number;
  /** HMAC-SHA-256: record names the server cannot reverse. */
  names: CryptoKey;
  /** AES-GCM 256: record contents. */
  contents: CryptoKey;
}

export interface MemberKeyPair {
  /** Raw uncompressed P-256 point, base64url: published (encrypted) in the space's document. */
  publicKey: string;
  /** Not extractable: a browser can keep it in IndexedDB as it is. */
  privateKey: CryptoKey;
}

export interface InviteKeys {
  /** The Ed25519 public key, base64url (the JWK's `x`): what the server stores. */
  verifier: string;
  signingKey: CryptoKey;
}

export const SPACE_KEY_BYTES = 32;
export const INVITE_SECRET_BYTES = 32;
const IV_BYTES = 12;
const P256_POINT_BYTES = 65;
/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export const newSpaceKey = (epoch = 1): SpaceKey => ({ epoch, raw: random(SPACE_KEY_BYTES) });
export const newInviteSecret = (): Uint8Array => random(INVITE_SECRET_BYTES);
/** Random ids and tokens, as the protocol wants them. */
export const randomId = (bytes: number): string => toBase64url(random(bytes));

/** Input keying material for HKDF. */
const hkdfBase = (secret: Uint8Array) => subtle().importKey('raw', secret as BufferSource, 'HKDF', false, ['deriveKey', 'deriveBits']);

const params = (info: string, salt: Uint8Array = new Uint8Array()) => ({ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: utf8(info) });

export async function deriveSubkeys(key: SpaceKey): Promise<SpaceSubkeys> {
  const base = await hkdfBase(key.raw);
  const names = await subtle().deriveKey(params('power-shifting/names'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const contents = await subtle().deriveKey(params('power-shifting/contents'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { epoch: key.epoch, names, contents };
}

/** A name the server cannot reverse: base64url of HMAC-SHA-256 with the names subkey. */
export async function nameOf(subkeys: SpaceSubkeys, text: string): Promise<string> {
  return toBase64url(new Uint8Array(await subtle().sign('HMAC', subkeys.names, utf8(text))));
}

/** AES-GCM with a fresh random IV: the IV followed by the ciphertext. */
export async function seal(key: CryptoKey, plaintext: Uint8Array, aad: string): Promise<Uint8Array> {
  const iv = random(IV_BYTES);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plaintext as BufferSource));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

/** The plaintext, or a rejection when the bytes were changed, moved or made with another key. */
export async function open(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<Uint8Array> {
  const iv = sealed.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>;
  const data = sealed.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>;
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, data));
}

export async function inviteKeys(secret: Uint8Array): Promise<InviteKeys> {
  const base = await hkdfBase(secret);
  const seed = new Uint8Array(await subtle().deriveBits(params('power-shifting/invite'), base, 256));
  const pkcs8 = new Uint8Array(ED25519_PKCS8_PREFIX.length + seed.length);
  pkcs8.set(ED25519_PKCS8_PREFIX);
  pkcs8.set(seed, ED25519_PKCS8_PREFIX.length);
  const exportable = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  // The private key's JWK carries the public key as `x`.
  const { x } = await subtle().exportKey('jwk', exportable);
  if (!x) throw new Error('Ed25519 is not available');
  return { verifier: x, signingKey: exportable };
}

export async function signWithInvite(keys: InviteKeys, statement: string): Promise<string> {
  return toBase64url(new Uint8Array(await subtle().sign({ name: 'Ed25519' }, keys.signingKey, utf8(statement))));
}

export async function sha256(text: string): Promise<string> {
  return toBase64url(new Uint8Array(await subtle().digest('SHA-256', utf8(text))));
}

export async function newMemberKeyPair(): Promise<MemberKeyPair> {
  const pair = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  return { publicKey: toBase64url(new Uint8Array(await subtle().exportKey('raw', pair.publicKey))), privateKey: pair.privateKey };
}

const importPoint = (point: Uint8Array) => subtle().importKey('raw', point as BufferSource, { name: 'ECDH', namedCurve: 'P-256' }, true, []);

/**
 * The key that wraps `epoch`'s space key for one member: HKDF of the ECDH secret, salted with
 * bits of the previous space key, so only someone holding both the member's private key and the
 * previous key can unwrap it, and only someone holding the previous key can make one.
 */
async function wrappingKey(previous: SpaceKey, privateKey: CryptoKey, publicKey: CryptoKey, info: string): Promise<CryptoKey> {
  const shared = new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256));
  const salt = new Uint8Array(await subtle().deriveBits(params('power-shifting/next-key'), await hkdfBase(previous.raw), 256));
  return subtle().deriveKey(params(info, salt), await hkdfBase(shared), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const wrapInfo = (spaceId: string, epoch: number, memberId: string) => `power-shifting/wrap/${spaceId}/${epoch}/${memberId}`;

/** `next` for one member: an ephemeral P-256 public key, then the sealed key. */
export async function wrapSpaceKey(next: SpaceKey, previous: SpaceKey, spaceId: string, memberId: string, memberPublicKey: string): Promise<Uint8Array> {
  const point = fromBase64url(memberPublicKey);
  if (point?.length !== P256_POINT_BYTES) throw new Error('The member’s public key is not valid.');
  const ephemeral = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const info = wrapInfo(spaceId, next.epoch, memberId);
  const key = await wrappingKey(previous, ephemeral.privateKey, await importPoint(point), info);
  const sealed = await seal(key, next.raw, info);
  const ephemeralPoint = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const out = new Uint8Array(P256_POINT_BYTES + sealed.length);
  out.set(ephemeralPoint);
  out.set(sealed, P256_POINT_BYTES);
  return out;
}

export async function unwrapSpaceKey(wrapped: Uint8Array, epoch: number, previous: SpaceKey, spaceId: string, memberId: string, privateKey: CryptoKey): Promise<SpaceKey> {
  const info = wrapInfo(spaceId, epoch, memberId);
  const key = await wrappingKey(previous, privateKey, await importPoint(wrapped.subarray(0, P256_POINT_BYTES)), info);
  const raw = await open(key, wrapped.subarray(P256_POINT_BYTES), info);
  if (raw.length !== SPACE_KEY_BYTES) throw new Error('The wrapped key is not a space key.');
  return { epoch, raw };
}

/** The previous epoch's key, sealed with the next one: whoever holds the newest key can read the space's history. */
export async function sealPreviousKey(next: SpaceKey, previous: SpaceKey, spaceId: string): Promise<Uint8Array> {
  const { contents } = await deriveSubkeys(next);
  return seal(contents, previous.raw, `power-shifting/previous/${spaceId}/${next.epoch}`);
}

export async function openPreviousKey(sealed: Uint8Array, next: SpaceKey, spaceId: string): Promise<SpaceKey> {
  const { contents } = await deriveSubkeys(next);
  const raw = await open(contents, sealed, `power-shifting/previous/${spaceId}/${next.epoch}`);
  if (raw.length !== SPACE_KEY_BYTES) throw new Error('The sealed key is not a space key.');
  return { epoch: next.epoch - 1, raw };
}
