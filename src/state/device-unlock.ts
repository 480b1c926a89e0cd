/**
 * Unlocking with the device's own credential (fingerprint, face, screen lock or security key),
 * through WebAuthn's PRF extension: the credential answers a stored salt with 32 secret bytes,
 * under which the data key is wrapped. A convenience on top of the passphrase, never instead of
 * it: setting it up asks for the passphrase, and the passphrase and recovery code keep working.
 */
import { fromBase64url, toBase64url } from '../domain/sync/base64url';
import type { Secret } from '../storage/keyring';
import { logbook } from './logbook';
import { lockError, refreshLock } from './lock';

export class DeviceUnlockFailed extends Error {}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** Whether this browser may offer it: WebAuthn on a named site (not an IP address, which WebAuthn refuses). */
export const deviceUnlockOffered = (): boolean => typeof PublicKeyCredential === 'function' && !/^[\d.]+$|^\[/.test(location.hostname);

type PrfResults = { prf?: { enabled?: boolean; results?: { first?: BufferSource } } };

/** What the credential answers for `salt`, as base64url. */
async function answer(credential: BufferSource, salt: BufferSource): Promise<string> {
  const found = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      allowCredentials: [{ type: 'public-key', id: credential }],
      userVerification: 'required',
      extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  const first = (found?.getClientExtensionResults() as PrfResults | undefined)?.prf?.results?.first;
  if (!first) throw new DeviceUnlockFailed();
  return toBase64url(new Uint8Array(first instanceof ArrayBuffer ? first : (first as ArrayBufferView).buffer));
}

/** Checks the passphrase, then makes a credential on this device and wraps the data key under its answer. */
export async function addDeviceUnlock(secret: Secret): Promise<void> {
  const keyring = logbook().keyring;
  const key = await keyring.extractableKey(secret);
  const salt = random(32);
  const made = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Power Shifting' },
      user: { id: random(16), name: 'Power Shifting logbook', displayName: 'Power Shifting logbook' },
      challenge: random(32),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
      extensions: { prf: {} } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!made || !(made.getClientExtensionResults() as PrfResults).prf?.enabled) throw new DeviceUnlockFailed();
  await keyring.addDevice(key, toBase64url(new Uint8Array(made.rawId)), toBase64url(salt), await answer(made.rawId, salt));
}

export async function unlockWithDevice(): Promise<void> {
  const device = (await logbook().keyring.get())?.device;
  if (!device) throw new DeviceUnlockFailed();
  await logbook().keyring.unlockWithDevice(await answer(fromBase64url(device.credential) as Uint8Array<ArrayBuffer>, fromBase64url(device.salt) as Uint8Array<ArrayBuffer>));
  await refreshLock();
}

export async function removeDeviceUnlock(): Promise<void> {
  await logbook().keyring.removeDevice();
}

/** Whether this logbook can be unlocked with this device. */
export async function deviceUnlockSet(): Promise<boolean> {
  return deviceUnlockOffered() && !!(await logbook().keyring.get())?.device;
}

/** A plain-English reason it did not work. */
export function deviceError(error: unknown): string {
  if (error instanceof DeviceUnlockFailed) return 'This device’s browser or security key cannot unlock the logbook by itself. Use your passphrase.';
  if (error instanceof DOMException && error.name === 'NotAllowedError') return 'Nothing was changed: the device’s check was cancelled or timed out.';
  return lockError(error);
}
