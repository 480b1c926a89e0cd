import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/domain/sync/base64url';
import { makeInvite, parseInvite } from '../../src/sync/invite-link';
import {
  deriveSubkeys,
  inviteKeys,
  nameOf,
  newInviteSecret,
  newMemberKeyPair,
  newSpaceKey,
  open,
  openPreviousKey,
  randomId,
  seal,
  sealPreviousKey,
  signWithInvite,
  unwrapSpaceKey,
  wrapSpaceKey,
} from '../../src/sync/keys';

const bytes = (text: string) => new TextEncoder().encode(text);
const spaceId = randomId(16);

describe('space keys', () => {
  it('name records by HMAC: the same for the same key, different for another key or epoch, never the text', async () => {
    const key = newSpaceKey();
    const again = await nameOf(await deriveSubkeys({ epoch: 1, raw: key.raw.slice() }), 'entry:E1:abcd1234');
    const name = await nameOf(await deriveSubkeys(key), 'entry:E1:abcd1234');
    expect(name).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again).toBe(name);
    expect(await nameOf(await deriveSubkeys(newSpaceKey()), 'entry:E1:abcd1234')).not.toBe(name);
    expect(await nameOf(await deriveSubkeys(key), 'entry:E2:abcd1234')).not.toBe(name);
  });

  it('seal with AES-GCM, and refuse a changed ciphertext, another key or other additional data', async () => {
    const { contents } = await deriveSubkeys(newSpaceKey());
    const sealed = await seal(contents, bytes('what we agreed'), 'slot-1');
    expect(new TextDecoder().decode(await open(contents, sealed, 'slot-1'))).toBe('what we agreed');
    for (let i = 0; i < sealed.length; i += 7) {
      const tampered = sealed.slice();
      tampered[i]! ^= 1;
      await expect(open(contents, tampered, 'slot-1')).rejects.toThrow();
    }
    await expect(open(contents, sealed, 'slot-2')).rejects.toThrow();
    await expect(open((await deriveSubkeys(newSpaceKey())).contents, sealed, 'slot-1')).rejects.toThrow();
  });
});

describe('invite keys', () => {
  it('derive one Ed25519 key pair from the secret, whose signatures WebCrypto and Node (the server) verify', async () => {
    const secret = newInviteSecret();
    const keys = await inviteKeys(secret);
    expect((await inviteKeys(secret.slice())).verifier).toBe(keys.verifier);
    expect(fromBase64url(keys.verifier)).toHaveLength(32);
    const signature = await signWithInvite(keys, 'join statement');
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: keys.verifier }, { name: 'Ed25519' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64url(signature)! as Uint8Array<ArrayBuffer>, bytes('join statement'))).toBe(true);
    const nodeKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: keys.verifier }, format: 'jwk' });
    expect(verify(null, Buffer.from('join statement'), nodeKey, fromBase64url(signature)!)).toBe(true);
    expect(verify(null, Buffer.from('another statement'), nodeKey, fromBase64url(signature)!)).toBe(false);
    const tampered = fromBase64url(signature)!;
    tampered[5]! ^= 1;
    expect(verify(null, Buffer.from('join statement'), nodeKey, tampered)).toBe(false);
  });

  it('give another secret another key, whose signatures do not verify with the first', async () => {
    const first = await inviteKeys(newInviteSecret());
    const other = await inviteKeys(newInviteSecret());
    expect(other.verifier).not.toBe(first.verifier);
    const nodeKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: first.verifier }, format: 'jwk' });
    expect(verify(null, Buffer.from('x'), nodeKey, fromBase64url(await signWithInvite(other, 'x'))!)).toBe(false);
  });
});

describe('wrapping a rotated key for members', () => {
  it('lets only the member, holding the previous key, unwrap it', async () => {
    const previous = newSpaceKey(1);
    const next = newSpaceKey(2);
    const member = await newMemberKeyPair();
    const stranger = await newMemberKeyPair();
    const wrapped = await wrapSpaceKey(next, previous, spaceId, 'member-1', member.publicKey);
    const unwrapped = await unwrapSpaceKey(wrapped, 2, previous, spaceId, 'member-1', member.privateKey);
    expect(unwrapped.epoch).toBe(2);
    expect(toBase64url(unwrapped.raw)).toBe(toBase64url(next.raw));
    await expect(unwrapSpaceKey(wrapped, 2, previous, spaceId, 'member-1', stranger.privateKey)).rejects.toThrow();
    await expect(unwrapSpaceKey(wrapped, 2, newSpaceKey(1), spaceId, 'member-1', member.privateKey)).rejects.toThrow();
    await expect(unwrapSpaceKey(wrapped, 2, previous, spaceId, 'member-2', member.privateKey)).rejects.toThrow();
    await expect(unwrapSpaceKey(wrapped, 3, previous, spaceId, 'member-1', member.privateKey)).rejects.toThrow();
    const tampered = wrapped.slice();
    tampered[tampered.length - 3]! ^= 1;
    await expect(unwrapSpaceKey(tampered, 2, previous, spaceId, 'member-1', member.privateKey)).rejects.toThrow();
  });

  it('seal the previous key with the next, for the history, and refuse it with any other key', async () => {
    const previous = newSpaceKey(1);
    const next = newSpaceKey(2);
    const sealed = await sealPreviousKey(next, previous, spaceId);
    const opened = await openPreviousKey(sealed, next, spaceId);
    expect(opened.epoch).toBe(1);
    expect(toBase64url(opened.raw)).toBe(toBase64url(previous.raw));
    await expect(openPreviousKey(sealed, newSpaceKey(2), spaceId)).rejects.toThrow();
    await expect(openPreviousKey(sealed, next, randomId(16))).rejects.toThrow();
  });
});

describe('invite links', () => {
  const invite = { spaceId, inviteSecret: newInviteSecret(), key: newSpaceKey(3) };

  it('carry the space, secret and key after the #, and read back exactly', () => {
    const link = makeInvite('https://ps.example.org/', invite);
    expect(link).toMatch(/^https:\/\/ps\.example\.org\/#\/join\/[A-Za-z0-9_-]+$/);
    const parsed = parseInvite(link);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.spaceId).toBe(spaceId);
    expect(toBase64url(parsed.value.inviteSecret)).toBe(toBase64url(invite.inviteSecret));
    expect(parsed.value.key.epoch).toBe(3);
    expect(toBase64url(parsed.value.key.raw)).toBe(toBase64url(invite.key.raw));
    // The payload alone (from a QR reader that drops the address) reads the same.
    expect(parseInvite(link.split('#/join/')[1]!).ok).toBe(true);
  });

  it('refuse a damaged, cut short or foreign link with a plain message', () => {
    const link = makeInvite('https://ps.example.org', invite);
    const payload = link.split('#/join/')[1]!;
    const changed = `${link.slice(0, -10)}${link.at(-10) === 'A' ? 'B' : 'A'}${link.slice(-9)}`;
    expect(parseInvite(changed)).toEqual({ ok: false, message: expect.stringContaining('damaged or incomplete') });
    expect(parseInvite(link.slice(0, -4))).toEqual({ ok: false, message: expect.stringContaining('damaged or incomplete') });
    expect(parseInvite('https://example.org/#/card/cap-01')).toEqual({ ok: false, message: 'This is not a Power Shifting invite link.' });
    const newer = fromBase64url(payload)!;
    newer[0] = 2;
    expect(parseInvite(toBase64url(newer))).toEqual({ ok: false, message: expect.stringContaining('newer version') });
  });
});
