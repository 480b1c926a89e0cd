/**
 * A long text as UTF-8 in pieces, so that a big export is handed over as it is encoded rather
 * than as one Blob made from one string, which freezes the page for seconds.
 */

/** Characters per piece: about a megabyte of mostly ASCII text. */
export const CHUNK_CHARS = 1 << 20;

/** Calls `emit` with each piece in order. No piece ends inside a character made of two UTF-16 units. */
export function emitUtf8(text: string, emit: (bytes: Uint8Array<ArrayBuffer>) => void, size = CHUNK_CHARS): void {
  const encoder = new TextEncoder();
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    // A high surrogate at the end would be cut from its partner and encoded as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    emit(encoder.encode(text.slice(start, end)));
    start = end;
  }
}
