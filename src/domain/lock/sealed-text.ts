/**
 * AES-GCM over text, with a fresh 96-bit IV each time. `context` is authenticated but not
 * stored: a ciphertext moved to another record (or another file) fails to open, as does any
 * change to its bytes.
 */
export interface SealedBytes {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export class Tampered extends Error {
  constructor() {
    super('This was changed or damaged after it was encrypted, so it cannot be opened.');
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function sealText(key: CryptoKey, text: string, context: string): Promise<SealedBytes> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, encoder.encode(text));
  return { iv, data };
}

export async function openText(key: CryptoKey, sealed: SealedBytes, context: string): Promise<string> {
  try {
    return decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) }, key, sealed.data));
  } catch {
    throw new Tampered();
  }
}
