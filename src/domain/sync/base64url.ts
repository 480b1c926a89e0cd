/** Bytes as URL-safe base64 without padding: ids, tokens, keys and signatures travel this way. */

const CHUNK = 0x8000;

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  // In pieces: String.fromCharCode with a very long argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or undefined when the text is not base64url. */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The length in characters of `bytes` bytes written as base64url. */
export const base64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
